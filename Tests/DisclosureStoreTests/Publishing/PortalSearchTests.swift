import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Testing

@Suite("Portal search (issue 20): the engine gives the same answers on SQLite and PostgreSQL")
struct PortalSearchTests {
    /// Three public documents with known text; expected hits are what a substring search gives.
    static func corpus(_ fixture: PublishingFixture) async throws -> [String: Int] {
        [
            "budget": try await fixture.publish(fixture.draft(title: "关于2025年预算执行情况的报告", body: "全县一般公共预算收入完成年度目标。", category: "财政预决算")),
            "tax": try await fixture.publish(
                fixture.draft(title: "个人所得税政策解读", body: "税务局发布个人所得税专项附加扣除说明。", docNumber: "示财〔2026〕7号", category: "政策解读")),
            "school": try await fixture.publish(
                fixture.draft(title: "义务教育学生资助办法", body: "Open data 开放数据。学生资助资金按时发放。", unit: "CZJ-GKK", category: "通知公告")),
        ]
    }

    @Test(
        "queries match substrings: 1- and 2-character Chinese, mixed, Latin prefixes",
        arguments: [
            ("预算", ["budget"]), ("税", ["tax"]), ("得税", ["tax"]), ("2025 预算", ["budget"]), ("2025年", ["budget"]), ("资助", ["school"]),
            ("open", ["school"]), ("OPEN DATA", ["school"]), ("预执", []), ("示财〔2026〕7号", ["tax"]), ("预算 税", []), ("报告 收入", ["budget"]),
        ])
    func substrings(query: String, expected: [String]) async throws {
        for kind in TestDatabase.kinds {
            try await kind.with { (database: Database) async throws in
                let fixture = try await PublishingFixture(database)
                let ids = try await Self.corpus(fixture)
                let result = try await fixture.search(query)
                #expect(Set(result.documentIDs) == Set(expected.map { ids[$0]! }), "\(kind) \(query)")
                #expect(result.total == expected.count)
            }
        }
    }

    @Test("filters and facet counts", arguments: TestDatabase.kinds)
    func facets(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let fixture = try await PublishingFixture(database)
            let ids = try await Self.corpus(fixture)
            let all = try await fixture.search("资")  // 资助 and no other: 1-char prefix
            #expect(all.documentIDs == [ids["school"]!])
            let broad = try await fixture.search("的")
            #expect(broad.total == 1)
            let everything = try await fixture.search("20")
            #expect(everything.total == 2)
            #expect(everything.units.map(\.code).sorted() == ["CZJ"])
            let scoped = try await fixture.search("学生", filters: SearchFilters(unitCodes: ["CZJ", "CZJ-GKK"]))
            #expect(scoped.documentIDs == [ids["school"]!])
            #expect(scoped.units.map(\.code) == ["CZJ-GKK"])
            #expect(scoped.categories.map(\.name) == ["通知公告"])
            #expect(scoped.years.map(\.year) == [2026])
            #expect(try await fixture.search("学生", filters: SearchFilters(category: "政策解读")).total == 0)
            #expect(try await fixture.search("学生", filters: SearchFilters(year: 2025)).total == 0)
            #expect(try await fixture.search("学生", filters: SearchFilters(category: "没有的类别")).total == 0)
        }
    }

    @Test(
        "hostile queries return results or nothing, never an error",
        arguments: ["", "\"", "*", "NEAR(", "a\" OR \"b", "\u{0}\u{7}", "'; --", "政府) OR (1"])
    func hostile(query: String) async throws {
        for kind in TestDatabase.kinds {
            try await kind.with { (database: Database) async throws in
                let fixture = try await PublishingFixture(database)
                _ = try await Self.corpus(fixture)
                _ = try await fixture.search(query)
                _ = try await fixture.search(String(repeating: query + "政", count: 2000), order: .relevance)
            }
        }
    }

    @Test("newest first follows the publication day; relevance puts the title match first", arguments: TestDatabase.kinds)
    func ordering(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let fixture = try await PublishingFixture(database)
            let older = try await fixture.publish(fixture.draft(title: "预算公开", body: "预算"))
            fixture.clock.advance(by: 86_400 * 3)
            let newer = try await fixture.publish(fixture.draft(title: "工作动态", body: "会议研究了预算编制。"))
            #expect(try await fixture.search("预算").documentIDs == [newer, older])
            #expect(try await fixture.search("预算", order: .relevance).documentIDs.first == older)
        }
    }
}
