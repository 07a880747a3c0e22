import DisclosureCore
import Testing

/// Issue 18 item 9: the assessment's publication timeliness counts every 主动公开 document formed
/// in the year, published or not (条例 第二十六条).
@Suite("Publication timeliness tally")
struct TimelinessTallyTests {
    let calendar = WorkingDayCalendar.china()
    static func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }
    static let standard = PublicationRule.statutoryDefault

    @Test("published late, unpublished past due and unpublished not yet due: 2 late of 3 counted")
    func unpublishedCounts() throws {
        // Formed 2026-10-09: due 2026-11-05 (10-10 is a make-up Saturday). As of 2026-11-20.
        let documents = [
            TimelinessTally.Document(
                unit: "CZJ", generatedOn: Self.day("2026-10-09"), anchor: Self.day("2026-10-09"), publishedOn: Self.day("2026-11-20"),
                rule: Self.standard),
            TimelinessTally.Document(
                unit: "CZJ", generatedOn: Self.day("2026-10-09"), anchor: Self.day("2026-10-09"), publishedOn: nil, rule: Self.standard),
            TimelinessTally.Document(
                unit: "CZJ", generatedOn: Self.day("2026-10-12"), anchor: Self.day("2026-10-12"), publishedOn: Self.day("2026-10-20"),
                rule: Self.standard),
            TimelinessTally.Document(
                unit: "CZJ", generatedOn: Self.day("2026-11-19"), anchor: Self.day("2026-11-19"), publishedOn: nil, rule: Self.standard),
        ]
        let tally = TimelinessTally.count(year: 2026, documents: documents, asOf: Self.day("2026-11-20"), calendar: calendar)
        #expect(tally.rows.count == 1)
        let row = try #require(tally.rows.first)
        #expect(row.published == 2)
        #expect(row.unpublishedOverdue == 1)
        #expect(row.late == 2)
        #expect(row.counted == 3)
    }

    @Test("a 政策解读 under 「关联文件公开」 runs from the related document's publication, not its own 生成日期")
    func interpretationAnchor() throws {
        let related = try PublicationRule(anchor: .relatedPublication, workingDays: 3)
        // Written 2026-09-01, the policy published Friday 2026-11-13: due 2026-11-18, published 11-18 (on time).
        let onTime = TimelinessTally.Document(
            unit: "CZJ", generatedOn: Self.day("2026-09-01"), anchor: Self.day("2026-11-13"), publishedOn: Self.day("2026-11-18"), rule: related)
        // The policy itself not published yet: nothing is due.
        let waiting = TimelinessTally.Document(unit: "CZJ", generatedOn: Self.day("2026-09-02"), anchor: nil, publishedOn: nil, rule: related)
        let tally = TimelinessTally.count(year: 2026, documents: [onTime, waiting], asOf: Self.day("2026-11-20"), calendar: calendar)
        #expect(tally.rows.map(\.counted) == [1])
        #expect(tally.rows.map(\.late) == [0])
    }
}
