import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Testing

/// Issue 18 item 8: 109号 第四条's monthly 按件 count is per handling agency by default, county-wide
/// when the office chooses (statutes §3).
@Suite("信息处理费: whose requests the 按件 count adds up (SQLite and PostgreSQL)")
struct FeeScopeTests {
    @Test("ten requests to the finance bureau and one to the education bureau: free per agency, 100 元 county-wide", arguments: TestDatabase.kinds)
    func scope(kind: TestDatabase) async throws {
        try await kind.with { database in
            let fixture = try await PublishingFixture(database)
            let received = PublishingFixture.today.adding(days: -3)
            let perAgency = RequestService(database: database, clock: fixture.clock)
            for _ in 0..<10 {
                _ = try await perAgency.intake(RequestServiceTests.application(), receivedOn: received, by: fixture.editor)
            }
            let education = try await perAgency.intake(RequestServiceTests.application(unit: "JYJ"), receivedOn: received, by: fixture.otherEditor)
            // Per agency, this is the applicant's first request to the education bureau: no fee.
            await #expect(throws: DomainError.self) {
                try await perAgency.act(education.id, .issueFeeNotice, RequestActionInput(feeMethod: .perRequest), by: fixture.otherEditor)
            }
            var countyPolicy = ClockPolicy.statutory
            countyPolicy.feeCountScope = .countyWide
            let countyWide = RequestService(database: database, clock: fixture.clock, policy: countyPolicy)
            try await countyWide.act(education.id, .issueFeeNotice, RequestActionInput(feeMethod: .perRequest), by: fixture.otherEditor)
            let letter = try await countyWide.letters(of: try await countyWide.request(education.id, visibleTo: fixture.otherEditor)).last!
            #expect(letter.kind == .feeNotice)
            #expect(letter.body.contains("100元"))
        }
    }
}
