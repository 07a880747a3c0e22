import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Testing

/// Issue 18 item 9 through the store: an unpublished document past its due date lowers the rate
/// the assessment reads; it used to be left out of both numerator and denominator.
@Suite("Assessment metric: publication timeliness counts unpublished overdue documents (SQLite and PostgreSQL)")
struct TimelinessMetricTests {
    @Test("one on time, one still a draft past its due date: 50 %", arguments: TestDatabase.kinds)
    func unpublishedOverdue(kind: TestDatabase) async throws {
        try await kind.with { database in
            let fixture = try await PublishingFixture(database)
            _ = try await fixture.publish(fixture.draft(title: "按时公开", generatedOn: CivilDate(iso: "2026-11-19")!))
            _ = try await fixture.service.create(fixture.draft(title: "逾期未公开", generatedOn: CivilDate(iso: "2026-10-20")!), by: fixture.editor)
            let values = try await AssessmentMetrics(database: database, clock: fixture.clock).values(unit: "CZJ", year: 2026)
            let timeliness = try #require(values[.publicationTimeliness])
            #expect(timeliness.fact == .rate(Decimal(string: "0.5")!))
            #expect(timeliness.evidence.first == "本年形成、应已公开 2 条，其中超过时限公开 0 条、超过时限仍未公开 1 条")
        }
    }
}
