import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Hummingbird
import Testing

/// Issue 18: the console keeps a late step, labels it, and keeps counting the overdue days.
@Suite("Late steps on the case page")
struct LateStepPagesTests {
    @Test("a 补正 notice after 7 working days shows 「逾期告知」 and the case stays 已超期 N 个工作日", arguments: TestDatabase.kinds)
    func lateNoticeLabelled(kind: TestDatabase) async throws {
        let clock = FixedClock()
        try await WebHarness.run(kind, clock: clock) { browser, database in
            let service = RequestService(database: database, clock: clock)
            let calendar = try await service.calendar()
            let editor = StaffIdentity(userID: 2, username: "editor", role: .editor, unitCode: "CZJ")
            let today = CivilDate(instant: clock.now())
            let received = today.adding(days: -60)
            let request = try await service.intake(try ApplicationFormFixture.application(), receivedOn: received, by: editor)
            let noticeDay = calendar.adding(workingDays: 9, to: received).date
            try await service.act(
                request.id, .requestCorrection,
                RequestActionInput(on: noticeDay, deadline: noticeDay.adding(days: 10), note: "请写明所需文件的名称"), by: editor)
            let due = calendar.adding(workingDays: 20, to: received).date
            let overdue = calendar.workingDays(from: due, to: today)
            try await browser.login("editor")
            let page = try await browser.get("/staff/requests/\(request.id)")
            #expect(page.status == .ok)
            #expect(page.body.contains("（逾期告知）"))
            #expect(page.body.contains("\(due)（已超期 \(overdue) 个工作日）"))
            #expect(page.body.contains("答复期限不重新计算"))
        }
    }
}
