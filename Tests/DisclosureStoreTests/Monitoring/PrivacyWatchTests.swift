import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import SQLKit
import Testing

/// Issue 23 §3: the daily watch over what is already public, and 留言 answers checked like documents.
@Suite("Personal data already public: the daily watch, and 留言 answers")
struct PrivacyWatchTests {
    static let mobile = "13812345678"
    static let hotline = "0571-86123456"

    @Test(
        "an unconfirmed hit in a public document opens one finding a day-run; the hourly inspection leaves it; a correction closes it",
        arguments: TestDatabase.kinds)
    func watch(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let fixture = try await PublishingFixture(database)
            let service = fixture.service
            let draft = fixture.draft(body: "咨询电话\(Self.hotline)。")
            let document = try await service.create(draft, by: fixture.editor)
            try await service.submit(document.id, by: fixture.editor)
            try await service.approve(
                document.id, checklist: PublishingFixture.clean, privacy: [0: .init(action: "confirm", reason: "单位公开电话", masked: nil)],
                by: fixture.reviewer)
            try await service.publish(document.id, by: fixture.reviewer)
            // As if published before the scan existed: a mobile number nobody reviewed.
            let leaked = "咨询电话\(Self.hotline)，经办人\(Self.mobile)。"
            try await database.change(by: .system, at: fixture.clock.now()) { db in
                try await db.update("documents").set("body", to: SQLBind(leaked)).where("id", .equal, document.id).run()
                return ((), AuditEvent("test.legacy", target: "document:\(document.id)"))
            }
            let watch = PrivacyWatch(database: database, clock: fixture.clock)
            let first = try await watch.run()
            #expect(first.ran && first.scanned == 1 && first.opened == 1 && first.open == 1)
            let open = try await FindingRepository(database.sql).open().filter { $0.rule == .personalDataPublished }
            #expect(open.count == 1)
            #expect(open.first?.detail == "手机号码 \(PersonalDataScan.hits(in: Self.mobile)[0].masked)（正文）")
            #expect(open.first?.unitCode == "CZJ")
            // Once a day; the hourly inspection does not close what the watch opened.
            #expect(try await watch.run().ran == false)
            _ = try await SupervisionMonitor(database: database, clock: fixture.clock).run()
            #expect(try await FindingRepository(database.sql).open().filter { $0.rule == .personalDataPublished }.count == 1)
            // Corrected with the number masked: the next day's run closes the finding.
            let masked = leaked.replacingOccurrences(of: Self.mobile, with: "138****5678")
            try await service.correct(document.id, title: draft.title, body: masked, notice: "遮盖经办人手机号码", by: fixture.reviewer)
            fixture.clock.advance(by: 86_400)
            let next = try await watch.run()
            #expect(next.ran && next.closed == 1 && next.open == 0)
            #expect(try await FindingRepository(database.sql).open().filter { $0.rule == .personalDataPublished }.isEmpty)
        }
    }

    @Test(
        "serve's round scans only in the night hours, makes up a missed night the next day, and waits for the first night; the CLI scans at once",
        arguments: TestDatabase.kinds)
    func nightHours(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let clock = FixedClock()  // 10:00 Beijing time
            let watch = PrivacyWatch(database: database, clock: clock)
            #expect(try await watch.run(atNight: true).ran == false)  // never scanned: waits for the night
            clock.advance(by: 16 * 3_600)  // 02:00 the next day
            #expect(try await watch.run(atNight: true).ran)
            clock.advance(by: 8 * 3_600)  // 10:00 the same day: done today
            #expect(try await watch.run(atNight: true).ran == false)
            clock.advance(by: 24 * 3_600)  // 10:00 a day later: last night's scan is yesterday's
            #expect(try await watch.run(atNight: true).ran == false)
            clock.advance(by: 24 * 3_600)  // another day: a night was missed, so now
            #expect(try await watch.run(atNight: true).ran)
            clock.advance(by: 24 * 3_600)
            #expect(try await watch.run().ran)  // `monitor run` and the console's button: at once
        }
    }

    @Test(
        "a 留言 answer with a mobile number is refused until it is redacted or confirmed; the redacted answer is what goes public",
        arguments: TestDatabase.kinds)
    func messageAnswer(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let fixture = try await PublishingFixture(database)
            let service = MessageService(database: database, clock: fixture.clock)
            let id = try await service.submit(MessageSubmission(unitCode: "CZJ", title: "低保标准", content: "今年标准是多少？", phone: "13900000000"))
            try await service.moderate(id, accept: true, rejection: nil, note: "", by: fixture.office)
            let answer = "每人每月 720 元，详询经办人\(Self.mobile)。"
            await #expect(throws: DomainError.self) { try await service.reply(id, text: answer, by: fixture.editor) }
            #expect(try await service.publishedMessage(id) == nil)
            #expect(try await service.openPrivacyFindings(message: id, reply: answer).count == 1)
            try await service.reply(id, text: answer, privacy: [0: .init(action: "redact", reason: "", masked: nil)], by: fixture.editor)
            let published = try #require(try await service.publishedMessage(id))
            #expect(!published.replyText.contains(Self.mobile))
            #expect(published.replyText.contains("138****5678"))
        }
    }
}
