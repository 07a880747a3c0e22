import DisclosureCore
import Foundation
import Testing

@Suite("Holiday data validation")
struct HolidayFileTests {
    @Test("the bundled 2024–2026 data loads and matches the notices' counts")
    func bundled() {
        let years = Dictionary(uniqueKeysWithValues: WorkingDayCalendar.bundledYears().map { ($0.year, $0) })
        #expect(years.keys.sorted() == [2024, 2025, 2026])
        #expect(years[2025]?.workdays.count == 5)
        #expect(years[2026]?.workdays.count == 6)
        #expect(years[2024]?.workdays.count == 8)
    }

    @Test(
        "bad files are refused with a message naming the problem",
        arguments: [
            (#"not json"#, "file"),
            (#"{}"#, "file"),
            (#"{"27": {"holidays": [], "workdays": []}}"#, "year"),
            (#"{"2027": {"holidays": ["2027-02-30"], "workdays": []}}"#, "holidays"),
            (#"{"2027": {"holidays": ["2028-01-01"], "workdays": []}}"#, "date"),
            (#"{"2027": {"holidays": [], "workdays": ["2027-01-04"]}}"#, "workdays"),
            (#"{"2027": {"holidays": ["2027-01-02"], "workdays": ["2027-01-02"]}}"#, "date"),
        ])
    func rejects(json: String, field: String) {
        #expect(throws: DomainError.self) { try HolidayFile.parse(Data(json.utf8)) }
        do {
            _ = try HolidayFile.parse(Data(json.utf8))
        } catch {
            #expect(error.field == field)
            #expect(!error.message.isEmpty)
        }
    }

    @Test("a make-up workday must be a weekend day")
    func workdayOnWeekday() {
        #expect(throws: DomainError.self) { try CalendarOverride(date: CivilDate(iso: "2026-11-23")!, kind: .workday) }
        #expect((try? CalendarOverride(date: CivilDate(iso: "2026-11-21")!, kind: .workday)) != nil)
    }
}
