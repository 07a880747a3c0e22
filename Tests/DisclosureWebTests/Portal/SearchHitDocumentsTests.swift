import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Testing

@testable import DisclosureWeb

/// Issue 20: the documents behind search hits are cached while the index applies no change, and
/// never shown older than the index that found them.
@Suite("Search hits: cached documents follow every correction")
struct SearchHitDocumentsTests {
    @Test("a corrected title shows in the very next search, on the page and through the API", arguments: TestDatabase.kinds)
    func correctionShowsAtOnce(kind: TestDatabase) async throws {
        let clock = FixedClock()
        try await kind.with { (database: Database) async throws in
            _ = try await DemoCounty.load(into: database, clock: clock, hasher: PasswordHasher(cost: 4), fixedPassword: WebHarness.password)
            let app = try await buildApplication(config: .testing, database: database, clock: clock)
            try await app.test(.router) { client in
                let browser = Browser(client: client)
                let before = try await browser.get("/api/v1/public/search?q=%E9%A2%84%E7%AE%97&facets=0")
                #expect(before.body.contains("示范县2026年县级部门预算公开说明"))
                // The same search again comes from the cache; then a correction changes the title.
                #expect(try await browser.get("/api/v1/public/search?q=%E9%A2%84%E7%AE%97&facets=0").body == before.body)
                let id = try #require(try await PublishingQueries(database: database).publicDocuments(indexOrDocNumber: "示财〔2026〕3号").first?.id)
                let reviewer = StaffIdentity(userID: 0, username: "reviewer", role: .reviewer, unitCode: "CZJ")
                try await PublishingService(database: database, clock: clock).correct(
                    id, title: "示范县2026年县级部门预算公开说明（更正）", body: "根据《中华人民共和国预算法》的规定，现将2026年县级部门预算公开如下。", notice: "更正标题",
                    by: reviewer)
                let after = try await browser.get("/api/v1/public/search?q=%E9%A2%84%E7%AE%97&facets=0")
                #expect(after.body.contains("示范县2026年县级部门预算公开说明（更正）"))
                let page = try await browser.get("/search?q=%E9%A2%84%E7%AE%97")
                #expect(page.body.contains("示范县2026年县级部门预算公开说明（更正）"))
            }
        }
    }

    @Test("only a query with a number is looked up as a 索引号 or 文号")
    func mayNameDocument() {
        for text in ["CZJ/2026-00001", "2026-00001", "示财〔2026〕3号", "示财〔二〇二六〕三号", "１２"] {
            #expect(SearchHitDocuments.mayNameDocument(text), "\(text)")
        }
        for text in ["预算", "政府信息公开", "budget report", ""] { #expect(!SearchHitDocuments.mayNameDocument(text), "\(text)") }
    }
}
