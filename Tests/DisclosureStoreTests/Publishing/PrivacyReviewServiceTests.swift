import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import SQLKit
import Testing

/// Issue 23 §3: a document with personal data reaches the portal only after the reviewer has
/// redacted or confirmed (with a reason) every hit.
@Suite("Privacy review at approval, publication and correction")
struct PrivacyReviewServiceTests {
    static let mobile = "13812345678"
    static let hotline = "0571-86123456"
    static let body = "政策咨询请联系经办人（电话\(mobile)）或拨打财政局办公电话\(hotline)。"

    static func masked(_ value: String) -> String { PersonalDataScan.hits(in: value)[0].masked }

    @Test(
        "approval asks about every hit; redaction changes the text, confirmation keeps it with its reason; only masks are recorded",
        arguments: TestDatabase.kinds)
    func approval(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let fixture = try await PublishingFixture(database)
            let service = fixture.service
            let document = try await service.create(fixture.draft(body: Self.body), by: fixture.editor)
            try await service.submit(document.id, by: fixture.editor)
            let open = try await service.openPrivacyFindings(document)
            #expect(open.map(\.label) == ["手机号码 \(Self.masked(Self.mobile))", "固定电话 \(Self.masked(Self.hotline))"])

            // Unanswered, or confirmed without a reason: refused, naming the place; nothing changes.
            let refusals: [([Int: PrivacyReview.Answer], String)] = [
                ([:], "privacy.0.action"),
                ([0: .init(action: "redact", reason: "", masked: nil), 1: .init(action: "confirm", reason: "", masked: nil)], "privacy.1.reason"),
            ]
            for (answers, field) in refusals {
                await #expect(throws: DomainError.self) {
                    do {
                        try await service.approve(document.id, checklist: PublishingFixture.clean, privacy: answers, by: fixture.reviewer)
                    } catch let error as DomainError {
                        #expect(error.field == field, "\(error.message)")
                        throw error
                    }
                }
                let unchanged = try await service.document(document.id)
                #expect(unchanged?.state == .pendingReview)
                #expect(unchanged?.draft.body == Self.body)
                #expect(try await service.openPrivacyFindings(unchanged!).count == 2)
            }
            // Publication before approval is not possible anyway; after a redaction and a confirmation it is.
            try await service.approve(
                document.id, checklist: PublishingFixture.clean,
                privacy: [0: .init(action: "redact", reason: "", masked: nil), 1: .init(action: "confirm", reason: "财政局对外公开的办公电话", masked: nil)],
                by: fixture.reviewer)
            let approved = try #require(try await service.document(document.id))
            #expect(approved.state == .approved)
            #expect(!approved.draft.body.contains(Self.mobile))
            #expect(approved.draft.body.contains(Self.masked(Self.mobile)))
            #expect(approved.draft.body.contains(Self.hotline))
            #expect(try await service.openPrivacyFindings(approved).isEmpty)
            try await service.publish(document.id, by: fixture.reviewer)
            #expect(try await fixture.search("财政局办公电话").documentIDs == [document.id])
            #expect(try await fixture.search(Self.mobile).total == 0)

            // The audit names what was decided, masked; the number itself is stored nowhere.
            let audit = try await AuditLog.recent(on: database.sql, limit: 20, target: "document:\(document.id)")
            let approval = try #require(audit.first { $0.action == "document.approve" })
            #expect(approval.summary.contains("遮盖 手机号码 \(Self.masked(Self.mobile))"))
            #expect(approval.summary.contains("财政局对外公开的办公电话"))
            for record in audit { #expect(!record.summary.contains(Self.mobile)) }
            let decisions = try await database.sql.select().column("masked").column("reason").from("privacy_decisions").all()
            #expect(decisions.count == 2)

            // A correction may keep the confirmed hotline but not bring in a new mobile number.
            await #expect(throws: DomainError.self) {
                try await service.correct(
                    document.id, title: approved.draft.title, body: approved.draft.body + "另请联系13987654321。", notice: "补充联系方式", by: fixture.reviewer)
            }
            try await service.correct(
                document.id, title: approved.draft.title, body: approved.draft.body + "办公电话\(Self.hotline)工作日接听。", notice: "补充接听时间",
                by: fixture.reviewer)
            #expect(try await service.document(document.id)?.version == 2)
        }
    }

    @Test(
        "a scheduled document whose text gained personal data nobody reviewed goes back to review instead of onto the portal",
        arguments: TestDatabase.kinds)
    func scheduledHeld(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let fixture = try await PublishingFixture(database)
            let service = fixture.service
            let document = try await service.create(fixture.draft(), by: fixture.editor)
            try await service.submit(document.id, by: fixture.editor)
            try await service.approve(document.id, checklist: PublishingFixture.clean, by: fixture.reviewer)
            try await service.publish(document.id, at: fixture.clock.now().addingTimeInterval(3600), by: fixture.reviewer)
            // As if approved before the scan existed: the text holds a number nobody reviewed.
            try await database.change(by: .system, at: fixture.clock.now()) { db in
                try await db.update("documents").set("body", to: SQLBind(Self.body)).where("id", .equal, document.id).run()
                return ((), AuditEvent("test.legacy", target: "document:\(document.id)"))
            }
            fixture.clock.advance(by: 3601)
            #expect(try await service.runScheduled() == 0)
            #expect(try await service.document(document.id)?.state == .pendingReview)
            #expect(try await fixture.search("财政局办公电话").total == 0)
            let held = try await AuditLog.recent(on: database.sql, limit: 20, target: "document:\(document.id)").first {
                $0.action == "document.publish.held"
            }
            #expect(held?.summary.contains(Self.masked(Self.mobile)) == true)
        }
    }
}
