import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Testing

@Suite("Monitoring: findings open and close with the data (SQLite and PostgreSQL)")
struct SupervisionMonitorTests {
    @Test("a stale 动态 column is a finding since its 15th day and clears when something is published in it", arguments: TestDatabase.kinds)
    func staleColumnClears(kind: TestDatabase) async throws {
        try await kind.with { database in
            let fixture = try await PublishingFixture(database)
            let entry = CatalogEntry(
                unitCode: "CZJ", domain: "综合政务", primaryItem: "财政动态", secondaryItem: "工作动态", content: "工作动态", basis: "条例第十九条",
                channels: [ChannelChoice(.website, mandatory: true)], columnKind: .news)
            let entryID = try await CatalogService(database: database, clock: fixture.clock).create(entry, by: .system)
            var draft = fixture.draft(title: "县财政局召开分析会", generatedOn: CivilDate(iso: "2026-11-01")!)
            draft.catalogEntryID = entryID
            try await fixture.publish(draft)
            let monitor = SupervisionMonitor(database: database, clock: fixture.clock)
            var summary = try await monitor.run()
            #expect(!(try await FindingRepository(database.sql).open()).contains { $0.rule == .staleDynamicColumn })

            fixture.clock.advance(by: 15 * 86_400)  // 2026-12-05: the item of 2026-11-20 is 15 days old
            summary = try await monitor.run()
            let stale = try #require(try await FindingRepository(database.sql).open(units: ["CZJ"]).first { $0.rule == .staleDynamicColumn })
            #expect(stale.subject == "栏目「财政动态」")
            #expect(stale.since == CivilDate(iso: "2026-12-05"))
            #expect(stale.openedOn == CivilDate(iso: "2026-12-05"))
            #expect(try await monitor.run().opened == 0)

            var fresh = fixture.draft(title: "县财政局开展财政资金监督检查", generatedOn: CivilDate(iso: "2026-12-04")!)
            fresh.catalogEntryID = entryID
            try await fixture.publish(fresh)
            summary = try await monitor.run()
            #expect(summary.closed >= 1)
            #expect(!(try await FindingRepository(database.sql).open()).contains { $0.rule == .staleDynamicColumn })
            let history = try await FindingRepository(database.sql).history(year: 2026, units: ["CZJ"])
            #expect(history.first { $0.rule == .staleDynamicColumn }?.closedOn == CivilDate(iso: "2026-12-05"))
        }
    }

    @Test("overdue requests and complaints, and messages unanswered over 3 months, become findings of their unit", arguments: TestDatabase.kinds)
    func casesBecomeFindings(kind: TestDatabase) async throws {
        try await kind.with { database in
            let fixture = try await PublishingFixture(database)
            _ = try await ComplaintService(database: database, clock: fixture.clock).submitOnline(ComplaintServiceTests.submission)
            let messages = MessageService(database: database, clock: fixture.clock)
            let id = try await messages.submit(MessageSubmission(unitCode: "CZJ", title: "咨询", content: "请问？", phone: "13900000000"))
            try await messages.moderate(id, accept: true, rejection: nil, note: "", by: fixture.office)
            fixture.clock.advance(by: 93 * 86_400)
            let summary = try await MonitorRun(database: database, clock: fixture.clock).run()
            #expect(summary.findings.escalated == 1)
            let rules = Set(try await FindingRepository(database.sql).open(units: ["CZJ"]).map(\.rule))
            #expect(rules.isSuperset(of: [.overdueComplaint, .unansweredMessage]))
            #expect(summary.text.contains("投诉超期提请督办 1 件"))
        }
    }
}
