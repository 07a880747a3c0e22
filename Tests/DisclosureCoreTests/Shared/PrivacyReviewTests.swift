import DisclosureCore
import PropertyBased
import Testing

/// Issue 23 §3: every personal-data hit is 遮盖 or 确认可以公开 with a reason before approval.
@Suite("Privacy review: every hit redacted or confirmed with a reason")
struct PrivacyReviewTests {
    static let id = PersonalDataScanTests.residentID(area: "330102", birth: "19800101", sequence: 7)

    @Test("one question per distinct value, in the order values first stand; confirmed values are not asked again")
    func openFindings() {
        let findings = PrivacyReview.findings(in: [
            ("title", "联系电话13812345678"), ("body", "电话13812345678，身份证号\(Self.id)，办公电话0571-86123456。"),
        ])
        #expect(findings.count == 4)
        let open = PrivacyReview.open(findings, confirmed: [])
        #expect(open.map(\.hit.kind) == [.mobile, .residentID, .landline])
        #expect(open.map(\.field) == ["title", "body", "body"])
        let hotline = PrivacyReview.Decision(kind: .landline, masked: open[2].hit.masked, action: .confirm, reason: "单位公开的办公电话")
        #expect(PrivacyReview.open(findings, confirmed: [hotline]).map(\.hit.kind) == [.mobile, .residentID])
        // A redaction is not a confirmation: a value redacted once and typed again is asked again.
        let redacted = PrivacyReview.Decision(kind: .mobile, masked: open[0].hit.masked, action: .redact, reason: "")
        #expect(PrivacyReview.open(findings, confirmed: [redacted]).count == 3)
    }

    @Test("a table of answers: missing, unknown, stale, confirmed without a reason, too long — each refused naming its place")
    func answers() throws {
        let open = PrivacyReview.open(PrivacyReview.findings(in: [("body", "电话13812345678，身份证号\(Self.id)")]), confirmed: [])
        let phone = open[0].hit.masked
        let card = open[1].hit.masked
        let cases: [([Int: PrivacyReview.Answer], String?)] = [
            ([:], "privacy.0.action"),
            ([0: .init(action: "redact", reason: "", masked: phone)], "privacy.1.action"),
            ([0: .init(action: "burn", reason: "", masked: phone), 1: .init(action: "redact", reason: "", masked: card)], "privacy.0.action"),
            (
                [0: .init(action: "redact", reason: "", masked: "139****0000"), 1: .init(action: "redact", reason: "", masked: card)],
                "privacy.0.action"
            ),
            ([0: .init(action: "redact", reason: "", masked: phone), 1: .init(action: "confirm", reason: "  ", masked: card)], "privacy.1.reason"),
            (
                [
                    0: .init(action: "confirm", reason: String(repeating: "理", count: 201), masked: phone),
                    1: .init(action: "redact", reason: "", masked: card),
                ],
                "privacy.0.reason"
            ),
            ([0: .init(action: "confirm", reason: "本人同意公开", masked: phone), 1: .init(action: "redact", reason: "", masked: nil)], nil),
        ]
        for (answers, field) in cases {
            do {
                let decisions = try PrivacyReview.decisions(for: open, answers: answers)
                #expect(field == nil, "\(answers) should be refused")
                #expect(decisions.map(\.action) == [.confirm, .redact])
                #expect(decisions[0].reason == "本人同意公开")
            } catch let error as DomainError {
                #expect(error.field == field, "\(answers): \(error.message)")
                #expect(error.message.contains("第 "))
            }
        }
    }

    @Test("redacting replaces each chosen value where it stands with its mask, and leaves the rest")
    func redactingTable() {
        let text = "电话13812345678或13812345678，身份证号\(Self.id)。"
        let open = PrivacyReview.open(PrivacyReview.findings(in: [("body", text)]), confirmed: [])
        let decisions = [
            PrivacyReview.Decision(kind: .mobile, masked: open[0].hit.masked, action: .redact, reason: ""),
            PrivacyReview.Decision(kind: .residentID, masked: open[1].hit.masked, action: .confirm, reason: "本人同意"),
        ]
        let redacted = PrivacyReview.redacting(text, decisions: decisions)
        #expect(redacted == "电话\(open[0].hit.masked)或\(open[0].hit.masked)，身份证号\(Self.id)。")
        #expect(!redacted.contains("13812345678"))
    }

    @Test("after redacting every hit, a scan of the result finds nothing, and the text around the hits is unchanged")
    func redactingLeavesNothing() async {
        let pool = Array("的申请人政府信息公开，。：（） ")
        let filler = Gen.int(in: 0...(pool.count - 1)).array(of: 1...20).map { String($0.map { pool[$0] }) }
        let values = [Self.id, "13812345678", "0571-86123456", "6222021234567890128", "zhang.san@example.com", "91350100M000100Y43"]
        let value = Gen.int(in: 0...(values.count - 1)).map { values[$0] }
        await propertyCheck(input: filler, value, filler, value) { before, first, middle, second in
            let text = before + first + middle + second + "。"
            let hits = PersonalDataScan.hits(in: text)
            let decisions = hits.map { PrivacyReview.Decision(kind: $0.kind, masked: $0.masked, action: .redact, reason: "") }
            let redacted = PrivacyReview.redacting(text, decisions: decisions)
            #expect(PersonalDataScan.hits(in: redacted).isEmpty, "\(text) → \(redacted)")
            #expect(redacted.hasPrefix(before) && redacted.hasSuffix("。"), "\(text) → \(redacted)")
            for hit in hits { #expect(!redacted.contains(hit.text), "\(text) → \(redacted)") }
        }
    }
}
