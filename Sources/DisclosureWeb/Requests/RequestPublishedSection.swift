import DisclosureCore
import DisclosureStore

/// 「已主动公开的相近文件」 on the case page (issue 24 §3): what the portal already publishes that
/// matches the application, the same list the applicant saw, and for the clerk one step that
/// drafts the reply naming the chosen documents and sends it to the reviewer.
struct RequestPublishedSection: Sendable {
    struct Row: Sendable {
        let id: Int
        let title: String
        let detail: String
        let checked: Bool
    }

    let rows: [Row]
    let canAnswer: Bool

    /// nil when nothing matches.
    init?(_ matches: [PublishedMatchFinder.Match], unitNames: [String: String], canAnswer: Bool) {
        guard !matches.isEmpty else { return nil }
        rows = matches.enumerated().map { index, match in
            let draft = match.document.draft
            var parts = [unitNames[draft.unitCode] ?? draft.unitCode]
            if !draft.docNumber.isEmpty { parts.append(draft.docNumber) }
            if let on = match.document.publishedOn { parts.append("\(on.chineseText)发布") }
            parts.append("相近程度 \(Int((match.similarity * 100).rounded()))%")
            if let reference = match.fromRequest { parts.append("由申请 \(reference) 转为主动公开") }
            return Row(id: match.document.id, title: draft.title, detail: parts.joined(separator: " · "), checked: index == 0)
        }
        self.canAnswer = canAnswer
    }
}
