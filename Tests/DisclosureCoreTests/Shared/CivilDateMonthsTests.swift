import DisclosureCore
import Testing

@Suite("Calendar months for inspection windows")
struct CivilDateMonthsTests {
    @Test(
        "month arithmetic clamps to the month's last day",
        arguments: [
            ("2026-08-31", 6, "2027-02-28"), ("2023-08-31", 6, "2024-02-29"), ("2026-01-15", -3, "2025-10-15"), ("2026-11-21", 0, "2026-11-21"),
            ("2026-12-31", 1, "2027-01-31"), ("2026-03-31", -1, "2026-02-28"),
        ])
    func months(start: String, months: Int, expected: String) {
        #expect(CivilDate(iso: start)!.adding(months: months) == CivilDate(iso: expected))
    }
}
