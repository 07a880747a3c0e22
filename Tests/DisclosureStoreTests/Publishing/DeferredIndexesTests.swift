import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Testing

/// A bulk import into an empty `documents` table sets its secondary indexes aside and builds them
/// again; whatever way the import ends, the table keeps the indexes the migrations made.
@Suite("Indexes set aside during a bulk import")
struct DeferredIndexesTests {
    static let documents: [[String: String]] = [
        ["unit": "CZJ", "category": "通知公告", "title": "关于低保标准的通知", "body": "提高城乡低保标准。", "published_at": "2024-05-04", "doc_no": "示财〔2024〕1号"],
        ["unit": "CZJ", "category": "社会救助", "title": "低保名单公示", "body": "公示期五个工作日。", "published_at": "2025-01-02"],
        ["unit": "CZJ", "category": "通知公告", "title": "低保对象复核", "body": "复核。", "published_at": "2025-03-01", "doc_no": "示财〔2024〕1号"],
    ]

    static func indexes(_ database: Database) async throws -> [String] {
        try await DeferredIndexes.definitions(of: "documents", on: database).map { "\($0.0): \($0.1)" }
    }

    @Test("built again after an import, after a failed one, and at the next start after one killed half-way", arguments: TestDatabase.kinds)
    func restored(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let fixture = try await PublishingFixture(database)
            let migrated = try await Self.indexes(database)
            #expect(migrated.count >= 6)

            // A failed import (a bad line in its first batch, which is written whole or not at all).
            let importer = DocumentImporter(database: database, clock: fixture.clock)
            let bad = [["unit": "CZJ", "category": "x", "title": "t", "body": "b", "published_at": "昨天"]] + Self.documents
            await #expect(throws: DomainError.self) {
                _ = try await importer.importBatches(ImportAndCatalogTests.lines(bad), by: .commandLine) { _ in }
            }
            #expect(try await Self.indexes(database) == migrated)

            // The table is still empty: a good import, with the indexes set aside again.
            let summary = try await importer.importBatches(ImportAndCatalogTests.lines(Self.documents), by: .commandLine) { _ in }
            #expect(summary.imported == 3)
            #expect(summary.duplicateDocNumbers == 1)
            #expect(try await Self.indexes(database) == migrated)
            #expect(try await fixture.search("低保").total == 3)
            if database.dialect == .postgres {
                // Analyzed after the indexes came back: the 索引号 tail's expression index has
                // statistics, without which an exact 索引号 lookup walked the whole table.
                let rows = try await database.sql.raw(
                    "SELECT count(*) AS n FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'documents_index_tail'"
                ).first(decodingColumn: "n", as: Int.self)
                #expect((rows ?? 0) > 0)
            }

            // An import killed after setting them aside leaves them gone and recorded: every
            // command and every server start migrates, and that builds them again.
            let aside = try await DeferredIndexes.setAside(table: "documents", keeping: ["documents_unit_doc_number"], on: database, at: Date())
            #expect(aside.count == migrated.count - 1)
            #expect(try await DeferredIndexes.definitions(of: "documents", on: database).map(\.0) == ["documents_unit_doc_number"])
            try await Migrator(database: database).migrate()
            #expect(try await Self.indexes(database) == migrated)
        }
    }
}
