import DisclosureCore
import Testing

@Suite("Table 四: results in the year decided, 尚未审结 at the end of the year")
struct AppealTableTests {
    static func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    @Test("a worked example for 2025")
    func worked() {
        let cases = [
            AppealTable.Case(kind: .review, filedOn: Self.day("2025-02-01"), result: .upheld, decidedOn: Self.day("2025-04-01")),
            AppealTable.Case(kind: .review, filedOn: Self.day("2025-10-01"), result: .corrected, decidedOn: Self.day("2026-01-05")),
            AppealTable.Case(kind: .review, filedOn: Self.day("2024-10-01"), result: .other, decidedOn: Self.day("2024-12-01")),
            AppealTable.Case(kind: .directSuit, filedOn: Self.day("2024-06-01"), result: .pending, decidedOn: nil),
            AppealTable.Case(kind: .suitAfterReview, filedOn: Self.day("2025-05-01"), result: .corrected, decidedOn: Self.day("2025-09-01")),
            AppealTable.Case(kind: .suitAfterReview, filedOn: Self.day("2026-02-01"), result: .pending, decidedOn: nil),
        ]
        let table = AppealTable.count(cases, year: 2025)
        #expect(table.values == [1, 0, 0, 1, 2, 0, 0, 0, 1, 1, 0, 1, 0, 0, 1])
        #expect(AppealTable.count(cases, year: 2026).values == [0, 1, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 1])
        #expect(table.grid.rows.last?.count == 15)
    }
}
