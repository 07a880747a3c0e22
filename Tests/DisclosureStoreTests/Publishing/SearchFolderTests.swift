import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Testing

/// Issue 20 §4–§7: each instance's index folder follows the database's change log — built from
/// the tables the first time, read back afterwards, rebuilt when corrupt, caught up after being
/// closed — and `verify` notices an index that disagrees with the table.
@Suite("Search index folders follow the change log (SQLite and PostgreSQL)")
struct SearchFolderTests {
    static func manifest(_ folder: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("documents/manifest.json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    static func segmentFiles(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("documents").path).filter { $0.hasSuffix(".seg") }.sorted()
    }

    @Test(
        "a folder is built from the tables, read back unchanged after a restart, and catches up on changes made while closed",
        arguments: TestDatabase.kinds)
    func restart(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let fixture = try await PublishingFixture(database)
            let budget = try await fixture.publish(fixture.draft(title: "预算执行情况", body: "预算收入"))
            let school = try await fixture.publish(fixture.draft(title: "学生资助", body: "资助资金按时发放"))
            let minutes = try await fixture.publish(fixture.draft(title: "常务会议纪要", body: "会议"))
            // The first search builds the folder from the documents table.
            #expect(try await fixture.search("预算").documentIDs == [budget])
            let folder = fixture.portalSearch.folder
            let built = try Self.segmentFiles(folder)
            #expect(!built.isEmpty)
            await fixture.portalSearch.close()

            // While no instance runs: one withdrawal, one publication, one correction.
            try await fixture.service.withdraw(budget, reason: "内容有误", by: fixture.reviewer)
            let fresh = try await fixture.publish(fixture.draft(title: "预算调整方案", body: "调整"))
            try await fixture.service.correct(school, title: "学生资助（更正）", body: "资助资金按季度发放", notice: "更正发放周期", by: fixture.reviewer)

            let reopened = PortalSearch(database: database, clock: fixture.clock, folder: folder)
            #expect(
                try await reopened.documents(SearchQuery("预算"), filters: SearchFilters(), order: .newest, offset: 0, limit: 20).documentIDs == [fresh]
            )
            #expect(
                try await reopened.documents(SearchQuery("按季度"), filters: SearchFilters(), order: .newest, offset: 0, limit: 20).documentIDs == [
                    school
                ])
            #expect(try await reopened.documents(SearchQuery("按时发放"), filters: SearchFilters(), order: .newest, offset: 0, limit: 20).total == 0)
            #expect(
                try await reopened.documents(SearchQuery("会议"), filters: SearchFilters(), order: .newest, offset: 0, limit: 20).documentIDs == [
                    minutes
                ])
            // Read back, not rebuilt: the first segment still holds the untouched document, and the log was applied.
            let after = try Self.segmentFiles(folder)
            #expect(Set(built).isSubset(of: Set(after)))
            let applied = try Self.manifest(folder)["appliedSequence"] as? Int
            #expect(applied == Int(try await SearchChangeLog.head(on: database.sql)))
            await reopened.close()
        }
    }

    @Test("a corrupt or missing segment file makes the folder rebuild with the same answers", arguments: TestDatabase.kinds)
    func corrupt(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let fixture = try await PublishingFixture(database)
            let first = try await fixture.publish(fixture.draft(title: "政府信息公开工作年度报告", body: "报告"))
            let second = try await fixture.publish(fixture.draft(title: "政府工作报告", body: "政府"))
            let expected = try await fixture.search("政府").documentIDs
            #expect(Set(expected) == [first, second])
            let folder = fixture.portalSearch.folder
            await fixture.portalSearch.close()
            for (index, name) in try Self.segmentFiles(folder).enumerated() {
                let file = folder.appendingPathComponent("documents").appendingPathComponent(name)
                if index == 0 { try Data("not a segment".utf8).write(to: file) } else { try FileManager.default.removeItem(at: file) }
            }
            let reopened = PortalSearch(database: database, clock: fixture.clock, folder: folder)
            #expect(
                try await reopened.documents(SearchQuery("政府"), filters: SearchFilters(), order: .newest, offset: 0, limit: 20).documentIDs
                    == expected)
            await reopened.close()

            try Data("{".utf8).write(to: folder.appendingPathComponent("documents/manifest.json"))
            let again = PortalSearch(database: database, clock: fixture.clock, folder: folder)
            #expect(
                try await again.documents(SearchQuery("政府"), filters: SearchFilters(), order: .newest, offset: 0, limit: 20).documentIDs == expected)
            await again.close()
        }
    }

    @Test("two instances on one database keep their own folders and both see every change", arguments: TestDatabase.kinds)
    func twoInstances(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let fixture = try await PublishingFixture(database)
            let other = PortalSearch(database: database, clock: fixture.clock, folder: PublishingFixture.temporarySearchFolder())
            func both(_ text: String) async throws -> [[Int]] {
                [
                    try await fixture.search(text).documentIDs,
                    try await other.documents(SearchQuery(text), filters: SearchFilters(), order: .newest, offset: 0, limit: 20).documentIDs,
                ]
            }
            #expect(try await both("预算") == [[], []])
            let id = try await fixture.publish(fixture.draft(title: "预算公开", body: "预算"))
            #expect(try await both("预算") == [[id], [id]])
            try await fixture.service.withdraw(id, reason: "重复发布", by: fixture.reviewer)
            #expect(try await both("预算") == [[], []])
            // One folder, one process: a second index on a folder in use is refused with the reason.
            let intruder = PortalSearch(database: database, clock: fixture.clock, folder: other.folder)
            await #expect(throws: IndexFolderError.self) { try await intruder.open() }
            await other.close()
            await fixture.portalSearch.close()
        }
    }

    @Test("verify passes on a current index and names the query when the table changed behind the log", arguments: TestDatabase.kinds)
    func verify(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let fixture = try await PublishingFixture(database)
            let id = try await fixture.publish(fixture.draft(title: "预算公开", body: "预算"))
            _ = try await fixture.publish(fixture.draft(title: "学生资助", body: "资助"))
            #expect(try await fixture.portalSearch.verify(["预算", "资助", "政府", "预算 资助"]).isEmpty)
            // A change that bypassed the log (as a hand-edited database would).
            try await database.unaudited.update("documents").set("state", to: DocumentState.withdrawn.rawValue).where("id", .equal, id).run()
            let differences = try await fixture.portalSearch.verify(["预算", "资助"])
            #expect(differences.map(\.query) == ["预算"])
            #expect(differences.first?.engineTotal == 1)
            #expect(differences.first?.scanTotal == 0)
            try await fixture.portalSearch.rebuild()
            #expect(try await fixture.portalSearch.verify(["预算", "资助"]).isEmpty)
            await fixture.portalSearch.close()
        }
    }
}
