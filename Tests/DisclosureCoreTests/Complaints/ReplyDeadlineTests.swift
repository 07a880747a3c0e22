import DisclosureCore
import Testing

@Suite("Complaint and message reply deadlines in working days (issue 5 §1–2)")
struct ReplyDeadlineTests {
    let calendar = WorkingDayCalendar.china()
    static func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    func deadline(_ start: String, days: Int = 10, answered: String? = nil, today: String) -> ReplyDeadline {
        ReplyDeadline.evaluate(
            from: Self.day(start), workingDays: days, warningDays: 5, answeredOn: answered.map(Self.day), calendar: calendar, today: Self.day(today))
    }

    /// 2025-09-25 + 10 wd crosses National Day: 9-28 (Sun) and 10-11 (Sat) are 调休 workdays, 10-01…10-08 off.
    @Test(
        "dated examples across 调休 and holidays",
        arguments: [
            ("2025-09-25", 10, "2025-10-15"), ("2025-09-25", 7, "2025-10-11"), ("2026-02-10", 7, "2026-02-26"), ("2026-11-20", 10, "2026-12-04"),
            ("2026-11-20", 5, "2026-11-27"),
        ])
    func due(start: String, days: Int, expected: String) {
        #expect(deadline(start, days: days, today: start).due == Self.day(expected))
    }

    @Test("status: running, due soon at 5 left (today counted), overdue, answered on time or late")
    func statuses() {
        #expect(deadline("2025-09-25", today: "2025-09-25").remainingWorkingDays == 10)
        let first = deadline("2025-09-25", today: "2025-09-26")
        #expect(first.status == .running)
        #expect(first.remainingWorkingDays == 10)
        let soon = deadline("2025-09-25", today: "2025-10-13")
        #expect(soon.status == .dueSoon)
        #expect(soon.remainingWorkingDays == 3)
        let holiday = deadline("2025-09-25", today: "2025-10-03")
        #expect(holiday.remainingWorkingDays == 6)
        let late = deadline("2025-09-25", today: "2025-10-17")
        #expect(late.status == .overdue)
        #expect(late.overdueWorkingDays == 2)
        #expect(late.remainingWorkingDays == nil)
        #expect(deadline("2025-09-25", answered: "2025-10-15", today: "2025-12-01").status == .answeredOnTime)
        #expect(deadline("2025-09-25", answered: "2025-10-16", today: "2025-12-01").status == .answeredLate)
        #expect(!deadline("2025-09-25", answered: "2025-10-16", today: "2025-12-01").isOpen)
    }

    @Test("the policy gives each complaint kind its own limit, default 10, and refuses nonsense")
    func policy() throws {
        var policy = SupervisionPolicy.standard
        #expect(policy.days(for: .notTimely) == 10)
        policy.complaintDays[ComplaintKind.notTimely.rawValue] = 5
        #expect(try policy.validated().days(for: .notTimely) == 5)
        #expect(policy.days(for: .other) == 10)
        policy.complaintDays[ComplaintKind.other.rawValue] = 0
        #expect(throws: DomainError.invalid("complaintDays", "「其他」的办理时限须在 1 到 60 个工作日之间")) { try policy.validated() }
        var messages = SupervisionPolicy.standard
        messages.messageDays = 61
        #expect((try? messages.validated()) == nil)
    }
}
