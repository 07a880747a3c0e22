import DisclosureCore
import Testing

@Suite("Working-day calendar (statutes §1.4, §6)")
struct WorkingDayCalendarTests {
    let calendar = WorkingDayCalendar.china()

    static func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    /// statutes §1.4 worked examples: received → +7 wd (补正 notice) → +20 wd (answer) → +40 wd (extended).
    @Test(
        "the statutes' worked examples",
        arguments: [
            ("2025-09-25", 7, "2025-10-11"), ("2025-09-25", 20, "2025-10-29"), ("2025-09-25", 40, "2025-11-26"),
            ("2026-02-10", 7, "2026-02-26"), ("2026-02-10", 20, "2026-03-16"), ("2026-02-10", 40, "2026-04-14"),
            ("2024-12-31", 7, "2025-01-10"), ("2024-12-31", 20, "2025-02-05"), ("2024-12-31", 40, "2025-03-04"),
        ])
    func workedExamples(received: String, days: Int, expected: String) {
        #expect(calendar.adding(workingDays: days, to: Self.day(received)).date == Self.day(expected))
    }

    @Test(
        "more dated examples across holidays and 调休",
        arguments: [
            // Friday + 1 → Monday: an ordinary weekend is skipped.
            ("2026-11-20", 1, "2026-11-23"),
            // Zero days is the anchor itself.
            ("2026-11-20", 0, "2026-11-20"),
            // 2026 春节: holiday 02-15…02-23, make-up Saturdays 02-14 and 02-28.
            ("2026-02-13", 1, "2026-02-14"), ("2026-02-14", 1, "2026-02-24"),
            // 2024 国庆: 10-01…10-07 off, 09-29 (Sunday) and 10-12 (Saturday) worked.
            ("2024-09-27", 1, "2024-09-29"), ("2024-09-30", 1, "2024-10-08"), ("2024-10-11", 1, "2024-10-12"),
            // 2025 has 8 days of 国庆 and 中秋 merged; 10-11 (Saturday) is a make-up day.
            ("2025-09-30", 1, "2025-10-09"),
            // Leap day.
            ("2024-02-28", 1, "2024-02-29"),
        ])
    func moreExamples(anchor: String, days: Int, expected: String) {
        #expect(calendar.adding(workingDays: days, to: Self.day(anchor)).date == Self.day(expected))
    }

    @Test("a make-up Saturday is a working day and a weekday holiday is not")
    func classification() {
        #expect(calendar.isWorkingDay(Self.day("2025-10-11")))
        #expect(!calendar.isWorkingDay(Self.day("2025-10-08")))
        #expect(!calendar.isWorkingDay(Self.day("2026-11-21")))
        #expect(calendar.isWorkingDay(Self.day("2026-11-20")))
        #expect(calendar.reason(for: Self.day("2025-10-11")).contains("调休上班"))
        #expect(calendar.reason(for: Self.day("2025-10-01")) == "法定节假日放假")
    }

    @Test("a year without data falls back to weekdays and is reported unconfirmed")
    func unconfirmedYear() {
        let result = calendar.adding(workingDays: 20, to: Self.day("2026-12-20"))
        #expect(result.unconfirmedYears == [2027])
        #expect(!result.isConfirmed)
        // 2026-12-21…12-31 has 9 weekdays, then 11 weekdays of 2027: 01-01 (Friday, no data) counts.
        #expect(result.date == Self.day("2027-01-15"))
        #expect(result.explanation.contains("2027年放假安排尚未公布"))
        #expect(calendar.adding(workingDays: 5, to: Self.day("2026-11-20")).isConfirmed)
    }

    @Test("the explanation names skipped holidays and counted make-up days")
    func explanation() {
        let result = calendar.adding(workingDays: 7, to: Self.day("2025-09-25"))
        #expect(result.holidaysSkipped.first == Self.day("2025-10-01"))
        #expect(result.holidaysSkipped.count == 8)
        #expect(result.makeUpWorkdaysCounted == [Self.day("2025-09-28"), Self.day("2025-10-11")])
        #expect(result.explanation.contains("2025-10-01至2025-10-08"))
        #expect(result.explanation.contains("计入调休上班日 2025-09-28、2025-10-11"))
    }

    @Test(
        "working days between two dates exclude the start and include the end",
        arguments: [
            ("2025-09-25", "2025-10-11", 7), ("2024-12-31", "2025-02-05", 20), ("2026-11-20", "2026-11-20", 0),
            ("2026-11-23", "2026-11-20", 0), ("2026-11-20", "2026-11-27", 5),
        ])
    func between(from: String, to: String, expected: Int) {
        #expect(calendar.workingDays(from: Self.day(from), to: Self.day(to)) == expected)
    }

    @Test("an imported year replaces the weekday fallback and overrides apply last")
    func importsAndOverrides() throws {
        let y2027 = try HolidayYear(year: 2027, holidays: [Self.day("2027-01-01")], workdays: [Self.day("2027-01-02")])
        let override = try CalendarOverride(date: Self.day("2026-11-23"), kind: .holiday, note: "临时放假")
        let custom = WorkingDayCalendar.china(importedYears: [y2027], overrides: [override])
        #expect(custom.isConfirmed(2027))
        #expect(!custom.isWorkingDay(Self.day("2027-01-01")))
        #expect(custom.isWorkingDay(Self.day("2027-01-02")))
        #expect(custom.adding(workingDays: 1, to: Self.day("2026-11-20")).date == Self.day("2026-11-24"))
    }

    @Test("an override in an unannounced year does not confirm that year")
    func overrideDoesNotConfirm() throws {
        let override = try CalendarOverride(date: Self.day("2028-01-03"), kind: .holiday)
        let custom = WorkingDayCalendar.china(overrides: [override])
        #expect(!custom.isConfirmed(2028))
        #expect(!custom.isWorkingDay(Self.day("2028-01-03")))
    }
}
