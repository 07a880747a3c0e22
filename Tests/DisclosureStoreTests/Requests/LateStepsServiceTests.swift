import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Testing

/// Issue 18 through the service, on both databases: late steps are kept and labelled but never
/// hide an overdue case; lapses are final and dated at their deadline.
@Suite("依申请公开: late and out-of-order steps (SQLite and PostgreSQL)")
struct LateStepsServiceTests {
    @Test("a consultation started after the due date leaves the case overdue, and the late step is labelled", arguments: TestDatabase.kinds)
    func lateConsultation(kind: TestDatabase) async throws {
        try await kind.with { database in
            let fixture = try await PublishingFixture(database)
            let service = RequestService(database: database, clock: fixture.clock)
            let calendar = try await service.calendar()
            let received = PublishingFixture.today.adding(days: -60)
            let request = try await service.intake(RequestServiceTests.application(), receivedOn: received, by: fixture.editor)
            let due = calendar.adding(workingDays: 20, to: received).date
            let lateDay = calendar.workingDay(onOrAfter: due.adding(days: 3))
            try await service.act(
                request.id, .consult, RequestActionInput(on: lateDay, party: "某科技公司", consultationKind: .thirdParty), by: fixture.editor)
            let reloaded = try await service.request(request.id, visibleTo: fixture.editor)
            let clock = try #require(service.clock(of: reloaded, calendar: calendar))
            #expect(clock.due == due)
            #expect(clock.status == .overdue)
            #expect(clock.overdueWorkingDays == calendar.workingDays(from: due, to: PublishingFixture.today))
            #expect(clock.lateActions.map(\.on) == [lateDay])
            // The monitor reminds about it as overdue, not as paused.
            _ = try await RequestMonitor(database: database, clock: fixture.clock).run()
            let reminders = try await Outbox(database.sql).recent(units: ["CZJ"])
            #expect(reminders.contains { $0.subject.hasPrefix("已超期") && $0.requestID == request.id })
        }
    }

    @Test(
        "a lapse the monitor notices days late is closed as of the day after the deadline; a late correction is refused",
        arguments: TestDatabase.kinds)
    func datedLapse(kind: TestDatabase) async throws {
        try await kind.with { database in
            let fixture = try await PublishingFixture(database)
            let service = RequestService(database: database, clock: fixture.clock)
            let calendar = try await service.calendar()
            let received = PublishingFixture.today.adding(days: -40)
            let deadline = calendar.workingDay(onOrAfter: PublishingFixture.today.adding(days: -12))
            let noticed = try await service.intake(RequestServiceTests.application(), receivedOn: received, by: fixture.editor)
            try await service.act(
                noticed.id, .requestCorrection, RequestActionInput(on: received.adding(days: 1), deadline: deadline, note: "请写明文件名称"),
                by: fixture.editor)
            let refused = try await service.intake(RequestServiceTests.application(), receivedOn: received, by: fixture.editor)
            try await service.act(
                refused.id, .requestCorrection, RequestActionInput(on: received.adding(days: 1), deadline: deadline, note: "请写明文件名称"),
                by: fixture.editor)
            await #expect(throws: DomainError.self) {
                try await service.act(refused.id, .receiveCorrection, RequestActionInput(on: deadline.adding(days: 2)), by: fixture.editor)
            }
            #expect(try await service.request(refused.id, visibleTo: fixture.editor).state == .awaitingCorrection)

            #expect(try await RequestMonitor(database: database, clock: fixture.clock).run().closed == 2)
            let closed = try await service.request(noticed.id, visibleTo: fixture.editor)
            #expect(closed.outcome == .correctionNotMade)
            #expect(closed.answeredOn == deadline.adding(days: 1))
        }
    }

    @Test("an unpaid fee notice without a recorded delivery never lapses; the monitor asks for the delivery date", arguments: TestDatabase.kinds)
    func undeliveredFeeNotice(kind: TestDatabase) async throws {
        try await kind.with { database in
            let fixture = try await PublishingFixture(database)
            let service = RequestService(database: database, clock: fixture.clock)
            let issued = PublishingFixture.today.adding(days: -45)
            let request = try await service.intake(RequestServiceTests.application(), receivedOn: issued.adding(days: -2), by: fixture.editor)
            try await service.act(request.id, .issueFeeNotice, RequestActionInput(on: issued, feeMethod: .byVolume, pages: 250), by: fixture.editor)
            let summary = try await RequestMonitor(database: database, clock: fixture.clock).run()
            #expect(summary.closed == 0)
            #expect(try await service.request(request.id, visibleTo: fixture.editor).state == .awaitingFee)
            let reminders = try await Outbox(database.sql).recent(units: ["CZJ"])
            #expect(reminders.contains { $0.subject.hasPrefix("请登记送达") && $0.requestID == request.id })
        }
    }
}
