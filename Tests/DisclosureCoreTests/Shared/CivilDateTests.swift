import DisclosureCore
import Foundation
import Testing

@Suite("Civil dates")
struct CivilDateTests {
    @Test("parses only real YYYY-MM-DD dates", arguments: ["2024-02-29", "2026-12-31", "1970-01-01"])
    func valid(text: String) {
        #expect(CivilDate(iso: text)?.description == text)
    }

    @Test(
        "rejects malformed and impossible dates",
        arguments: ["2025-02-29", "2025-13-01", "2025-00-10", "25-01-01", "2025-1-1", "2025/01/01", "", "２０２５-01-01", "2025-01-01x"])
    func invalid(text: String) {
        #expect(CivilDate(iso: text) == nil)
    }

    @Test("day numbers round-trip and weekdays are right")
    func arithmetic() {
        let date = CivilDate(iso: "2026-11-21")!
        #expect(CivilDate(dayNumber: date.dayNumber) == date)
        #expect(date.isoWeekday == 6)
        #expect(CivilDate(iso: "1970-01-01")!.dayNumber == 0)
        #expect(CivilDate(iso: "2024-12-31")!.adding(days: 1) == CivilDate(iso: "2025-01-01"))
    }

    @Test("an instant maps to the China Standard Time date")
    func chinaDate() {
        // 2026-11-21 16:30 UTC is 2026-11-22 00:30 in Beijing.
        let instant = Date(timeIntervalSince1970: 1_795_278_600)
        #expect(CivilDate(instant: instant) == CivilDate(iso: "2026-11-22"))
    }
}
