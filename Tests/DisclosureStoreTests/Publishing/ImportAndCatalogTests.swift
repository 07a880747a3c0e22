import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Testing

@Suite("Bulk import and the catalog")
struct ImportAndCatalogTests {
    static func lines(_ objects: [[String: String]]) -> AsyncThrowingStream<[(Int, Data)], any Error> {
        let data = objects.enumerated().map { ($0.offset + 1, try! JSONSerialization.data(withJSONObject: $0.element)) }
        return AsyncThrowingStream { continuation in
            continuation.yield(Array(data.prefix(2)))
            continuation.yield(Array(data.dropFirst(2)))
            continuation.finish()
        }
    }

    @Test("the benchmark's JSON Lines import, index and search", arguments: TestDatabase.kinds)
    func importLines(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let fixture = try await PublishingFixture(database)
            var importer = DocumentImporter(database: database, clock: fixture.clock)
            importer.createUnits = true
            let summary = try await importer.importBatches(
                Self.lines([
                    [
                        "unit": "CZJ", "category": "通知公告", "title": "关于低保标准的通知", "body": "提高城乡低保标准。", "published_at": "2024-05-04",
                        "doc_no": "示财〔2024〕1号",
                    ],
                    [
                        "unit": "兴隆市民政局", "category": "社会救助", "title": "低保名单公示", "body": "公示期五个工作日。", "published_at": "2025-01-02",
                        "doc_no": "兴民〔2025〕3号",
                    ],
                    ["unit": "CZJ", "category": "通知公告", "title": "重复文号", "body": "正文", "published_at": "2024-06-01", "doc_no": "示财〔2024〕1号"],
                ]), by: .commandLine
            ) { _ in }
            #expect(summary.imported == 3)
            #expect(summary.unitsCreated == 1)
            #expect(summary.duplicateDocNumbers == 1)
            let hits = try await fixture.search("低保")
            #expect(hits.total == 2)
            #expect(hits.years.map(\.year) == [2025, 2024])
            // Imported ids continue with the next document drafted by hand, and 索引号 stay unique.
            let next = try await fixture.service.create(fixture.draft(), by: fixture.editor)
            #expect(next.id == 4)
            #expect(next.indexNumber == "CZJ/2026-00001")
        }
    }

    @Test("a later import counts the 文号 each unit already used in the table, as stored, and no other unit's", arguments: TestDatabase.kinds)
    func duplicateNumbersAcrossImports(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let fixture = try await PublishingFixture(database)
            var importer = DocumentImporter(database: database, clock: fixture.clock)
            importer.createUnits = true
            let first = try await importer.importBatches(
                Self.lines([
                    ["unit": "CZJ", "category": "通知公告", "title": "通知一", "body": "正文", "published_at": "2024-05-04", "doc_no": "示财〔2024〕1号"],
                    ["unit": "兴隆市民政局", "category": "社会救助", "title": "公示一", "body": "正文", "published_at": "2025-01-02", "doc_no": "兴民〔2025〕3号"],
                ]), by: .commandLine
            ) { _ in }
            #expect(first.duplicateDocNumbers == 0)
            let second = try await importer.importBatches(
                Self.lines([
                    // The same unit and 文号 (once with the spaces the table's copy was stored without).
                    ["unit": "CZJ", "category": "通知公告", "title": "通知二", "body": "正文", "published_at": "2024-06-01", "doc_no": " 示财〔2024〕1号 "],
                    ["unit": "兴隆市民政局", "category": "社会救助", "title": "公示二", "body": "正文", "published_at": "2025-02-02", "doc_no": "兴民〔2025〕3号"],
                    // Another unit's 文号, and a new one: not duplicates.
                    ["unit": "CZJ", "category": "通知公告", "title": "通知三", "body": "正文", "published_at": "2024-07-01", "doc_no": "兴民〔2025〕3号"],
                    ["unit": "CZJ", "category": "通知公告", "title": "通知四", "body": "正文", "published_at": "2024-08-01", "doc_no": "示财〔2024〕2号"],
                ]), by: .commandLine
            ) { _ in }
            #expect(second.imported == 4)
            #expect(second.duplicateDocNumbers == 2)
        }
    }

    @Test("an import indexes what it writes as it goes; changes made meanwhile are not lost", arguments: TestDatabase.kinds)
    func indexedWhileImporting(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let fixture = try await PublishingFixture(database)
            let before = try await fixture.publish(fixture.draft(title: "低保资金预算", body: "低保资金。"))
            var importer = DocumentImporter(database: database, clock: fixture.clock)
            importer.indexing = try await fixture.portalSearch.beginImport()
            let first = try await importer.importBatches(
                Self.lines([
                    ["unit": "CZJ", "category": "通知公告", "title": "关于低保标准的通知", "body": "提高城乡低保标准。", "published_at": "2024-05-04"],
                    ["unit": "CZJ", "category": "社会救助", "title": "低保名单公示", "body": "公示期五个工作日。", "published_at": "2025-01-02"],
                ]), by: .commandLine
            ) { _ in }
            #expect(first.imported == 2)
            // While the import runs: an imported document is withdrawn, another published by hand.
            try await fixture.service.withdraw(before + 2, reason: "名单有误", by: fixture.reviewer)
            let byHand = try await fixture.publish(fixture.draft(title: "低保审批流程", body: "审批。"))
            _ = try await importer.importBatches(
                Self.lines([["unit": "CZJ", "category": "通知公告", "title": "低保对象复核", "body": "复核。", "published_at": "2025-03-01"]]),
                by: .commandLine
            ) { _ in }
            try await importer.indexing!.finish()
            let hits = try await fixture.search("低保")
            #expect(Set(hits.documentIDs) == [before, before + 1, byHand, byHand + 1])
            #expect(hits.total == 4)
            // The same as an index rebuilt from the table.
            let rebuilt = PortalSearch(database: database, clock: fixture.clock, folder: PublishingFixture.temporarySearchFolder())
            for text in ["低保", "名单", "复核", "公示期", "预算"] {
                let fresh = try await rebuilt.documents(SearchQuery(text), filters: SearchFilters(), order: .newest, offset: 0, limit: 20)
                let found = try await fixture.search(text)
                #expect(found.documentIDs == fresh.documentIDs, "\(text)")
                #expect(found.total == fresh.total, "\(text)")
                #expect(found.years.map(\.year) == fresh.years.map(\.year), "\(text)")
            }
        }
    }

    @Test("a bad line stops the import with its line number", arguments: TestDatabase.kinds)
    func badLine(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let fixture = try await PublishingFixture(database)
            let importer = DocumentImporter(database: database, clock: fixture.clock)
            await #expect(throws: DomainError.self) {
                _ = try await importer.importBatches(
                    Self.lines([["unit": "CZJ", "category": "x", "title": "t", "body": "b", "published_at": "昨天"]]), by: .commandLine
                ) { _ in }
            }
            await #expect(throws: DomainError.self) {
                _ = try await importer.importBatches(
                    Self.lines([["unit": "无此单位", "category": "x", "title": "t", "body": "b", "published_at": "2025-01-01"]]), by: .commandLine
                ) { _ in }
            }
            #expect(try await fixture.search("b").total == 0)
        }
    }

    @Test("catalog CSV import is all or nothing and exports what it imported", arguments: TestDatabase.kinds)
    func catalogCSV(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let fixture = try await PublishingFixture(database)
            let catalog = CatalogService(database: database, clock: fixture.clock)
            let entry = CatalogEntry(
                unitCode: "CZJ", domain: "财政预决算", primaryItem: "财政预决算", secondaryItem: "部门预算", content: "预算报表", basis: "《预算法》",
                channels: [ChannelChoice(.website, mandatory: true)], columnKind: .policies, statutoryItem: .budgets)
            let good = CatalogCSV.export([entry, entry])
            #expect(try await catalog.importCSV(good, by: .commandLine) == 2)
            let bad = good + CSVText.line(["3", "财政", "x", "y", "z", "w", "v", "形成或变更", "20", "NOPE", "■政府网站", "全社会", "主动", "县级", "栏目", "其他", ""])
            await #expect(throws: DomainError.self) { _ = try await catalog.importCSV(bad, by: .commandLine) }
            #expect(try await catalog.entries().count == 2)
            let exported = CatalogCSV.export(try await catalog.entries(unit: "CZJ"))
            #expect(try CatalogCSV.parse(exported).map(\.secondaryItem) == ["部门预算", "部门预算"])
            #expect(PortalColumn.derive(from: try await catalog.entries(unit: "CZJ")).map(\.name) == ["财政预决算"])
        }
    }
}
