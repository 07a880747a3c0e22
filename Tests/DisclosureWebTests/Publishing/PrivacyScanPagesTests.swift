import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Testing

@testable import DisclosureWeb

@Suite("保密审查: personal data the scan finds must be redacted or confirmed before approval")
struct PrivacyScanPagesTests {
    static let clean = ["containsStateSecrets": "no", "containsPrivateData": "no", "wordingAccurate": "yes"]

    @Test("the reviewer sees each hit masked with its context, cannot approve without answering, and keeps the answers given when one is missing")
    func reviewerMustAnswer() async throws {
        try await WebHarness.run(.sqlite) { browser, _ in
            try await browser.login("editor")
            var form = PublishingJourneyTests.form
            form["body"] = "低保对象张某，身份证号11010519491231002X，联系电话13812345678。"
            let created = try await browser.post("/staff/documents", form: form)
            let id = try #require(PublishingJourneyTests.documentID(created.location))
            try await browser.post("/staff/documents/\(id)/submit", form: [:])
            try await browser.post("/staff/logout", form: [:])
            try await browser.login("reviewer")
            let page = try await browser.get("/staff/documents/\(id)")
            #expect(page.body.contains("发现可能的个人信息，须逐项处理后才能公开"))
            #expect(page.body.contains("居民身份证号 110***********002X"))
            #expect(page.body.contains("手机号码 138****5678"))
            #expect(page.body.contains("联系电话138****5678"))
            let questions = page.body.components(separatedBy: "发现可能的个人信息").last?.components(separatedBy: "</ol>").first ?? ""
            #expect(!questions.contains("11010519491231002X") && !questions.contains("13812345678"))

            // One answer missing: refused, nothing approved, the given answer still chosen.
            var answers = Self.clean
            answers["privacy.0.action"] = "redact"
            answers["privacy.0.masked"] = "110***********002X"
            answers["privacy.1.masked"] = "138****5678"
            let refused = try await browser.post("/staff/documents/\(id)/approve", form: answers)
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("第 2 处个人信息（手机号码 138****5678）须选择「遮盖」或「确认可以公开」"))
            #expect(refused.body.contains(#"name="privacy.0.action" value="redact" required checked"#))
            #expect(refused.body.contains(#"name="wordingAccurate" value="yes" required checked"#))
            #expect(try await browser.get("/staff/documents/\(id)").body.contains("待审核"))

            answers["privacy.1.action"] = "confirm"
            answers["privacy.1.reason"] = "经办人同意公开其工作电话"
            let approved = try await browser.post("/staff/documents/\(id)/approve", form: answers)
            #expect(approved.status == .seeOther)
            let after = try await browser.get("/staff/documents/\(id)")
            #expect(after.body.contains("身份证号110***********002X"))
            #expect(!after.body.contains("11010519491231002X"))
            #expect(after.body.contains("13812345678"))
        }
    }

    @Test("a hit's context masks every number near it, not just its own")
    func contextMasksNeighbours() {
        let text = "电话13812345678或0571-86123456。"
        let hits = PersonalDataScan.hits(in: text)
        let context = PrivacyQuestion.context(of: hits[1], in: text)
        #expect(context == "…\(hits[0].masked)或\(hits[1].masked)。…")
        #expect(!context.contains("12345678"))
    }

    @Test("a 留言 answer with a mobile number comes back as typed, with the number to redact or confirm")
    func messageAnswer() async throws {
        let clock = FixedClock()
        try await WebHarness.run(.sqlite, clock: clock) { browser, database in
            let messages = MessageService(database: database, clock: clock)
            let id = try await messages.submit(MessageSubmission(unitCode: "CZJ", title: "低保标准", content: "今年标准是多少？", phone: "13900000000"))
            try await messages.moderate(
                id, accept: true, rejection: nil, note: "", by: StaffIdentity(userID: 0, username: "office", role: .office, unitCode: "XZF"))
            try await browser.login("editor")
            let answer = "每人每月 720 元，详询经办人13812345678。"
            let refused = try await browser.post("/staff/messages/\(id)/reply", form: ["replyText": answer])
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("第 1 处个人信息（手机号码 138****5678）"))
            #expect(refused.body.contains(">每人每月 720 元，详询经办人13812345678。</textarea>"))
            let answered = try await browser.post(
                "/staff/messages/\(id)/reply", form: ["replyText": answer, "privacy.0.action": "redact", "privacy.0.masked": "138****5678"])
            #expect(answered.status == .seeOther)
            #expect(try await messages.publishedMessage(id)?.replyText == "每人每月 720 元，详询经办人138****5678。")
        }
    }

    @Test("accepting a 留言 whose text holds the citizen's mobile number asks the office to mask or confirm it; masked, it is saved masked")
    func moderation() async throws {
        let clock = FixedClock()
        try await WebHarness.run(.sqlite, clock: clock) { browser, database in
            let messages = MessageService(database: database, clock: clock)
            let id = try await messages.submit(
                MessageSubmission(unitCode: "CZJ", title: "低保咨询", content: "我的电话13812345678，请问低保标准是多少？", phone: "13900000000"))
            try await browser.login("office")
            let refused = try await browser.post("/staff/messages/\(id)/moderate", form: ["decision": "accept"])
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("第 1 处个人信息（手机号码 138****5678）须选择「遮盖」或「确认可以公开」"))
            #expect(refused.body.contains("（留言内容）"))
            let accepted = try await browser.post(
                "/staff/messages/\(id)/moderate", form: ["decision": "accept", "privacy.0.action": "redact", "privacy.0.masked": "138****5678"])
            #expect(accepted.status == .seeOther)
            let office = StaffIdentity(userID: 0, username: "office", role: .office, unitCode: "XZF")
            let saved = try await messages.message(id, visibleTo: office)
            #expect(saved.state == .accepted && saved.submission.content == "我的电话138****5678，请问低保标准是多少？")
        }
    }
}
