import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Hummingbird
import Testing

/// Issue 17: a complainant's or a message sender's phone is shown in full only to the unit that
/// handles the case; the office, assessors and auditors see it masked, in pages and in the API.
@Suite("Contact data masking")
struct ContactMaskingTests {
    @Test("complaint and message phones are masked for everyone but the handling unit", arguments: TestDatabase.kinds)
    func masking(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, database in
            let clock = FixedClock()
            let receipt = try await ComplaintService(database: database, clock: clock).submitOnline(
                ComplaintSubmission(
                    unitCode: "CZJ", kind: .notTimely, subject: "示财〔2026〕3号", content: "预算公开说明超过二十个工作日才公开。", complainantName: "李四",
                    phone: "13912345678"))
            let messages = MessageService(database: database, clock: clock)
            _ = try await messages.submit(MessageSubmission(unitCode: "CZJ", title: "咨询", content: "请问预算何时公开？", phone: "13887654321"))
            for role in ["office", "assessor", "auditor", "editor"] {
                try await browser.login(role)
                let handles = role == "editor"
                let complaint = try await browser.get("/staff/complaints/\(receipt.id)")
                if complaint.status == .ok {
                    #expect(complaint.body.contains("13912345678") == handles, "\(role) complaint page")
                }
                let queue = try await browser.get("/staff/messages")
                if queue.status == .ok {
                    #expect(queue.body.contains("13887654321") == handles, "\(role) message queue")
                }
                let token = try await APITests.token(database, role)
                let api = try await browser.get("/api/v1/messages", headers: [.authorization: "Bearer \(token)"])
                if !handles { #expect(!api.body.contains("13887654321"), "\(role) messages API") }
                #expect(api.headers[.cacheControl] == "no-store")
                try await browser.post("/staff/logout", form: [:])
            }
        }
    }
}
