import DisclosureCore

/// One personal-data hit the reviewer must answer in the 保密审查 (issue 23 §3): where it stands,
/// masked, with a few characters around it, and the answer given so far (kept when the form comes
/// back with an error).
struct PrivacyQuestion: Sendable {
    /// Tells the forms of one page apart in element ids (a document, or each message).
    let scope: String
    let index: Int
    let number: Int
    let label: String
    let place: String
    let context: String
    let masked: String
    let redact: Bool
    let confirm: Bool
    /// Only the title, body or answer can be masked here; a file must be replaced.
    let canRedact: Bool
    /// Where a file's hit is masked instead.
    let redactHint: String
    let reason: String

    /// The questions for open findings, in list order; `texts` are the scanned fields' texts by
    /// field name, `values` the form's earlier answers.
    static func list(
        _ open: [PrivacyReview.Finding], texts: [String: String], scope: String, values: [String: String]?,
        redactHint: String = "需遮盖的，请退回修改并上传遮盖后的文件。"
    ) -> [PrivacyQuestion] {
        open.enumerated().map { index, finding in
            let action = values?["privacy.\(index).action"]
            return PrivacyQuestion(
                scope: scope, index: index, number: index + 1, label: finding.label, place: places[finding.field] ?? finding.field,
                context: context(of: finding.hit, in: texts[finding.field] ?? ""), masked: finding.hit.masked,
                redact: action == PrivacyReview.Action.redact.rawValue, confirm: action == PrivacyReview.Action.confirm.rawValue,
                canRedact: places[finding.field] != nil, redactHint: redactHint,
                reason: values?["privacy.\(index).reason"] ?? "")
        }
    }

    static let places = ["title": "标题", "body": "正文", "answer": "答复", "content": "留言内容"]

    /// Up to 12 characters each side of the hit, every hit masked (a neighbouring number's last
    /// digits included): enough to tell a unit's hotline from a citizen's mobile.
    static func context(of hit: PersonalDataScan.Hit, in text: String) -> String {
        let characters = Array(text)
        var masked: [Character] = []
        var target: Range<Int>?
        var next = 0
        for other in PersonalDataScan.hits(in: text) where other.offset >= next && other.offset + other.text.count <= characters.count {
            masked += characters[next..<other.offset]
            let start = masked.count
            masked += Array(other.masked)
            if other == hit { target = start..<masked.count }
            next = other.offset + other.text.count
        }
        masked += characters[min(next, characters.count)...]
        guard let target else { return hit.masked }
        let before = String(masked[max(0, target.lowerBound - 12)..<target.lowerBound])
        let after = String(masked[target.upperBound..<min(masked.count, target.upperBound + 12)])
        return PlainText.singleLine("…" + before + hit.masked + after + "…")
    }

    /// The answers posted with the approval form (at most 100 places).
    static func answers(_ form: FormData) -> [Int: PrivacyReview.Answer] {
        var answers: [Int: PrivacyReview.Answer] = [:]
        for index in 0..<100 where form["privacy.\(index).masked"] != nil || form["privacy.\(index).action"] != nil {
            answers[index] = PrivacyReview.Answer(
                action: form["privacy.\(index).action"], reason: form.text("privacy.\(index).reason"), masked: form["privacy.\(index).masked"])
        }
        return answers
    }
}
