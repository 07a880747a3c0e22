import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Testing

@Suite("索引号 sequences")
struct IndexSequencesTests {
    @Test("drafts by hand and imports share one sequence per unit and year, with no gap and no repeat", arguments: TestDatabase.kinds)
    func handAndImportInterleave(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let fixture = try await PublishingFixture(database)
            let first = try await fixture.service.create(fixture.draft(), by: fixture.editor)
            #expect(first.indexNumber == "CZJ/2026-00001")
            var importer = DocumentImporter(database: database, clock: fixture.clock)
            importer.createUnits = true
            let summary = try await importer.importBatches(
                ImportAndCatalogTests.lines([
                    ["unit": "CZJ", "category": "通知公告", "title": "通知一", "body": "正文", "published_at": "2026-03-04"],
                    ["unit": "CZJ", "category": "通知公告", "title": "通知二", "body": "正文", "published_at": "2025-03-04"],
                    ["unit": "CZJ", "category": "通知公告", "title": "通知三", "body": "正文", "published_at": "2026-04-04"],
                    ["unit": "CZJ", "category": "通知公告", "title": "通知四", "body": "正文", "published_at": "2026-05-04"],
                ]), by: .commandLine
            ) { _ in }
            #expect(summary.imported == 4)
            var imported: [String] = []
            for id in first.id + 1...first.id + 4 { imported.append(try #require(try await fixture.service.document(id)).indexNumber) }
            // In line order within each year; the first batch held two lines, the second the rest.
            #expect(imported == ["CZJ/2026-00002", "CZJ/2025-00001", "CZJ/2026-00003", "CZJ/2026-00004"])
            let after = try await fixture.service.create(fixture.draft(), by: fixture.editor)
            #expect(after.indexNumber == "CZJ/2026-00005")
        }
    }

    @Test("drafts created at the same moment get different 索引号", arguments: TestDatabase.kinds)
    func concurrentDrafts(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let fixture = try await PublishingFixture(database)
            let numbers = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<12 { group.addTask { try await fixture.service.create(fixture.draft(), by: fixture.editor).indexNumber } }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(numbers.sorted() == (1...12).map { String(format: "CZJ/2026-%05d", $0) })
        }
    }

    @Test("one reservation answers the first number of each key's range", arguments: TestDatabase.kinds)
    func reserveRanges(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            _ = try await PublishingFixture(database)
            let a = IndexSequences.Key(unit: "CZJ", year: 2026)
            let b = IndexSequences.Key(unit: "JYJ", year: 2026)
            let c = IndexSequences.Key(unit: "CZJ", year: 2025)
            let (first, second, next) = try await database.transaction { db in
                let sequences = IndexSequences(db)
                return (
                    try await sequences.reserve([a: 3, b: 1, c: 0]), try await sequences.reserve([a: 2, b: 5, c: 1]),
                    try await sequences.next(unit: "CZJ", year: 2026)
                )
            }
            #expect(first == [a: 1, b: 1])
            #expect(second == [a: 4, b: 2, c: 1])
            #expect(next == 6)
        }
    }
}
