import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Testing

/// Issue 24 §4 on SQLite and PostgreSQL: the same applicant asking again for the same
/// information is flagged at intake with the earlier case; the clerk's decision is recorded.
@Suite("Repeat applications: flagged by the applicant's hash, decided on the record")
struct RepeatApplicationTests {
    static func application(_ title: String, id: String, number: String = "") -> RequestApplication {
        RequestApplication(
            unitCode: "CZJ", channel: .inPerson, applicantKind: .naturalPerson, applicantName: "张三", idType: .residentID, idNumber: id,
            phone: "13812345678", infoTitle: title, infoDocNumber: number, requestedForm: .paper, delivery: .pickUp)
    }

    @Test(
        "a second application for the budget by the same person is flagged with the first; another person's, another subject's and another unit's are not",
        arguments: TestDatabase.kinds)
    func flagged(kind: TestDatabase) async throws {
        try await kind.with { database in
            let fixture = try await PublishingFixture(database)
            let service = RequestService(database: database, clock: fixture.clock)
            let day = CivilDate(iso: "2026-11-02")!
            let first = try await service.intake(Self.application("2025年县级部门预算公开表", id: "11010519491231002X"), receivedOn: day, by: fixture.editor)
            // The same person, the number typed in lower case: one applicant.
            let second = try await service.intake(
                Self.application("县级部门2025年预算公开表", id: "11010519491231002x"), receivedOn: day.adding(days: 7), by: fixture.editor)
            let otherPerson = try await service.intake(
                Self.application("2025年县级部门预算公开表", id: "360421199003071231"), receivedOn: day, by: fixture.editor)
            let otherSubject = try await service.intake(
                Self.application("城乡低保资金发放明细", id: "11010519491231002X"), receivedOn: day.adding(days: 8), by: fixture.editor)
            let sameNumber = try await service.intake(
                Self.application("那份文件", id: "11010519491231002X", number: "示财发〔2025〕3号"), receivedOn: day.adding(days: 9), by: fixture.editor)
            // The same budget in other words, named in the description: found by the engine's search.
            var described = Self.application("再要一份预算表", id: "11010519491231002X")
            described.infoDescription = "去年申请过的县级部门预算公开表，请再提供一份2025年的"
            let otherWords = try await service.intake(described, receivedOn: day.adding(days: 9), by: fixture.editor)
            let sameNumberAgain = try await service.intake(
                Self.application("再要一次", id: "11010519491231002X", number: "示财发[2025]3号"), receivedOn: day.adding(days: 10), by: fixture.editor)

            func check(_ receipt: RequestService.Receipt) async throws -> RequestService.RepeatCheck {
                try await service.repeatCheck(try await service.request(receipt.id, visibleTo: fixture.editor))
            }
            let flagged = try await check(second)
            #expect(flagged.review?.earlier.map(\.id) == [first.id])
            #expect(flagged.earlier.map(\.reference) == [first.reference])
            #expect(flagged.review?.decision == nil)
            // Counted up to this request: the first and this one, both in November.
            #expect(flagged.inPeriod == 2 && flagged.thisMonth == 2 && flagged.months == 12)
            #expect(try await check(first).review == nil)
            #expect(try await check(otherPerson).review == nil)
            #expect(try await check(otherSubject).review == nil)
            #expect(try await check(sameNumber).review == nil)
            #expect(try await check(sameNumberAgain).review?.earlier.first?.reason == "文号相同")
            #expect(try await check(otherWords).review?.earlier.map(\.id).contains(first.id) == true)

            // The clerk decides, with a reason for a repeat; another unit's clerk cannot.
            await #expect(throws: DomainError.self) { try await service.decideRepeat(second.id, .repeated, note: "", by: fixture.editor) }
            await #expect(throws: DomainError.self) { try await service.decideRepeat(second.id, .repeated, note: "同一预算表", by: fixture.otherEditor) }
            await #expect(throws: DomainError.self) { try await service.decideRepeat(otherPerson.id, .notRepeat, note: "", by: fixture.editor) }
            try await service.decideRepeat(second.id, .repeated, note: "与 \(first.reference) 所申请信息相同，已于11月答复", by: fixture.editor)
            let decided = try await check(second)
            #expect(decided.review?.decision == .repeated)
            #expect(decided.review?.decidedBy == "editor")
            let audit = try await AuditLog.recent(on: database.sql, limit: 100)
            #expect(audit.contains { $0.action == "request.repeat.decide" && $0.target == "request:\(second.id)" })
            #expect(audit.contains { $0.action == "request.create" && $0.target == "request:\(second.id)" && $0.summary.contains(first.reference) })
            #expect(!audit.contains { $0.summary.contains("11010519491231002X") })
        }
    }
}
