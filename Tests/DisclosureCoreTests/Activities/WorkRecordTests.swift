import DisclosureCore
import Testing

@Suite("Work records: evidence with dates, on-time submissions and yearly counts")
struct WorkRecordTests {
    static let today = CivilDate(iso: "2026-11-20")!
    static func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    @Test("a submission knows whether it was on time; one without a due date is refused")
    func submissions() throws {
        let onTime = WorkRecord(
            unitCode: "CZJ", kind: .halfYearSummary, date: Self.day("2026-07-10"), title: "上半年政务公开工作总结", dueOn: Self.day("2026-07-10"))
        #expect(try onTime.validated(today: Self.today).onTime == true)
        var late = onTime
        late.date = Self.day("2026-07-11")
        #expect(late.onTime == false)
        late.dueOn = nil
        #expect { try late.validated(today: Self.today) } throws: { ($0 as? DomainError)?.field == "dueOn" }
    }

    @Test("meetings need a chair and attendees, open days need their figures, nothing in the future")
    func required() {
        let meeting = WorkRecord(unitCode: "CZJ", kind: .leadershipMeeting, date: Self.day("2026-03-02"), title: "第一季度政务公开领导小组会议")
        #expect { try meeting.validated(today: Self.today) } throws: { ($0 as? DomainError)?.field == "chair" }
        var future = meeting
        future.date = Self.day("2026-11-21")
        #expect { try future.validated(today: Self.today) } throws: { ($0 as? DomainError)?.field == "date" }
        let openDay = WorkRecord(unitCode: "CZJ", kind: .openDay, date: Self.day("2026-05-15"), title: "5·15 政务公开日", place: "县政务服务中心")
        #expect { try openDay.validated(today: Self.today) } throws: { ($0 as? DomainError)?.field == "visitors" }
        var figures = openDay
        figures.openDay = OpenDayFigures(visitors: 120, boards: 8, consultations: 30, questionsAnswered: 31, materials: 500)
        #expect { try figures.validated(today: Self.today) } throws: { ($0 as? DomainError)?.field == "questionsAnswered" }
    }

    @Test("the tally counts per unit and year, and on-time submissions separately")
    func tally() {
        let records = [
            WorkRecord(unitCode: "CZJ", kind: .leadershipMeeting, date: Self.day("2026-03-02"), title: "a"),
            WorkRecord(unitCode: "CZJ", kind: .leadershipMeeting, date: Self.day("2026-09-02"), title: "b"),
            WorkRecord(unitCode: "CZJ", kind: .leadershipMeeting, date: Self.day("2025-12-30"), title: "last year"),
            WorkRecord(unitCode: "JYJ", kind: .leadershipMeeting, date: Self.day("2026-03-02"), title: "other unit"),
            WorkRecord(unitCode: "CZJ", kind: .selfInspection, date: Self.day("2026-06-30"), title: "on time", dueOn: Self.day("2026-06-30")),
            WorkRecord(unitCode: "CZJ", kind: .selfInspection, date: Self.day("2026-12-01"), title: "late", dueOn: Self.day("2026-11-30")),
        ]
        let tally = WorkRecordTally.count(records, unit: "CZJ", year: 2026)
        #expect(tally.count(of: .leadershipMeeting) == 2)
        let selfInspection = tally.lines.first { $0.kind == .selfInspection }
        #expect(selfInspection?.count == 2)
        #expect(selfInspection?.onTime == 1)
        #expect(tally.lines.first { $0.kind == .training }?.onTime == nil)
        #expect(tally.lines.first { $0.kind == .leadershipMeeting }?.metric == "meetings.leadership")
    }
}
