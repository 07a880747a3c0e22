import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Testing

@Suite("Complaints, messages and work records through the services (SQLite and PostgreSQL)")
struct ComplaintServiceTests {
    static let submission = ComplaintSubmission(
        unitCode: "CZJ", kind: .notTimely, subject: "示财〔2026〕3号", content: "预算公开说明生成两个月后才在网站公开，超过二十个工作日。", complainantName: "李四",
        phone: "13800000000")

    @Test(
        "a complaint reaches the unit, escalates once when overdue, is answered through review, and takes no second answer",
        arguments: TestDatabase.kinds)
    func complaintLifecycle(kind: TestDatabase) async throws {
        try await kind.with { database in
            let fixture = try await PublishingFixture(database)
            let service = ComplaintService(database: database, clock: fixture.clock)
            let receipt = try await service.submitOnline(Self.submission)
            #expect(receipt.reference == "TS2026000001")
            #expect(try await service.track(reference: receipt.reference, code: "WRONG000") == nil)
            let tracked = try #require(try await service.track(reference: receipt.reference.lowercased(), code: receipt.queryCode))
            let calendar = try await CalendarService(database: database, clock: fixture.clock).calendar()
            #expect(service.deadline(of: tracked, policy: .standard, calendar: calendar).due == CivilDate(iso: "2026-12-04"))

            await #expect(throws: DomainError.self) { _ = try await service.complaint(receipt.id, visibleTo: fixture.otherEditor) }
            await #expect(throws: DomainError.self) {
                _ = try await service.submitOnline(
                    ComplaintSubmission(unitCode: "NOPE", kind: .other, content: "没有这个单位的投诉内容十个字以上", complainantName: "王", phone: "13800000000"))
            }
            #expect(try await service.escalateOverdue(officeUnit: "XZF") == 0)
            fixture.clock.advance(by: 15 * 86_400)
            #expect(try await service.escalateOverdue(officeUnit: "XZF") == 1)
            #expect(try await service.escalateOverdue(officeUnit: "XZF") == 0)
            #expect(try await Outbox(database.sql).recent(units: ["XZF"]).first?.subject == "投诉超期：TS2026000001")

            await #expect(throws: DomainError.self) {
                try await service.act(receipt.id, .draftReply, .init(reply: ComplaintReply(outcome: .substantiated, text: "属实。")), by: fixture.editor)
            }
            try await service.act(
                receipt.id, .draftReply, .init(reply: ComplaintReply(outcome: .substantiated, text: "经核查属实。", rectification: "已补充公开并约谈责任股室。")),
                by: fixture.editor)
            await #expect(throws: DomainError.self) { try await service.act(receipt.id, .approveReply, .init(), by: fixture.editor) }
            try await service.act(receipt.id, .approveReply, .init(), by: fixture.reviewer)
            let closed = try await service.complaint(receipt.id, visibleTo: fixture.office)
            #expect(
                closed.state == .closed && closed.answeredOn == CivilDate(iso: "2026-12-05") && closed.escalatedOn == CivilDate(iso: "2026-12-05"))
            await #expect(throws: DomainError(.conflict, field: "state", "该投诉已办结，不能再次答复或修改")) {
                try await service.act(
                    receipt.id, .draftReply, .init(reply: ComplaintReply(outcome: .unsubstantiated, text: "再答一次")), by: fixture.editor)
            }
            let audit = try await AuditLog.recent(on: database.sql, limit: 50).map(\.summary).joined()
            #expect(!audit.contains("13800000000"))
            #expect(!audit.contains("李四"))
            #expect(try await service.history(of: closed).map(\.action) == ["受理", "超期提请督办", "拟写答复并提交审核", "审核通过并答复"])
        }
    }

    @Test("messages: the office moderates, the unit answers once, only answered ones are published", arguments: TestDatabase.kinds)
    func messages(kind: TestDatabase) async throws {
        try await kind.with { database in
            let fixture = try await PublishingFixture(database)
            let service = MessageService(database: database, clock: fixture.clock)
            let id = try await service.submit(MessageSubmission(unitCode: "CZJ", title: "低保标准", content: "今年标准是多少？", phone: "13900000000"))
            let spam = try await service.submit(MessageSubmission(unitCode: "CZJ", title: "广告", content: "加微信", email: "a@b.cn"))
            await #expect(throws: DomainError.self) { try await service.moderate(id, accept: true, rejection: nil, note: "", by: fixture.editor) }
            await #expect(throws: DomainError.self) { try await service.moderate(spam, accept: false, rejection: nil, note: "", by: fixture.office) }
            try await service.moderate(spam, accept: false, rejection: .abuse, note: "", by: fixture.office)
            await #expect(throws: DomainError.self) { try await service.reply(id, text: "尚未审核", by: fixture.editor) }
            try await service.moderate(id, accept: true, rejection: nil, note: "", by: fixture.office)
            #expect(try await service.published(unit: "CZJ").isEmpty)
            await #expect(throws: DomainError.self) { try await service.reply(id, text: "答复", by: fixture.otherEditor) }
            await #expect(throws: DomainError.self) { try await service.reply(id, text: String(repeating: "长", count: 2001), by: fixture.editor) }
            try await service.reply(id, text: "每人每月 720 元。", by: fixture.editor)
            await #expect(throws: DomainError.self) { try await service.reply(id, text: "再答一次", by: fixture.editor) }
            let published = try await service.published(unit: nil)
            #expect(published.map(\.id) == [id])
            #expect(published.first?.replyText == "每人每月 720 元。")
            await #expect(throws: DomainError.self) { _ = try MessageService.checkFile(name: "a.docx", bytes: [0x50, 0x4B, 0x03, 0x04]) }
        }
    }

    @Test("work records: scope, validation and the yearly counts", arguments: TestDatabase.kinds)
    func records(kind: TestDatabase) async throws {
        try await kind.with { database in
            let fixture = try await PublishingFixture(database)
            let service = WorkRecordService(database: database, clock: fixture.clock)
            func meeting(_ day: String, unit: String = "CZJ") -> WorkRecord {
                WorkRecord(unitCode: unit, kind: .leadershipMeeting, date: CivilDate(iso: day)!, title: "领导小组会议", chair: "局长", attendees: "班子成员")
            }
            _ = try await service.add(meeting("2026-03-01"), by: fixture.editor)
            _ = try await service.add(meeting("2026-09-01"), by: fixture.reviewer)
            _ = try await service.add(meeting("2025-09-01"), by: fixture.editor)
            await #expect(throws: DomainError.self) { _ = try await service.add(meeting("2026-03-01", unit: "JYJ"), by: fixture.editor) }
            await #expect(throws: DomainError.self) { _ = try await service.add(meeting("2026-11-21"), by: fixture.editor) }
            _ = try await service.add(meeting("2026-05-01", unit: "JYJ"), by: fixture.office)
            #expect(try await service.tally(unit: "CZJ", year: 2026, visibleTo: fixture.editor).count(of: .leadershipMeeting) == 2)
            #expect(try await service.tally(unit: "CZJ", year: 2025, visibleTo: fixture.office).count(of: .leadershipMeeting) == 1)
            await #expect(throws: DomainError.self) { _ = try await service.tally(unit: "JYJ", year: 2026, visibleTo: fixture.editor) }
        }
    }
}
