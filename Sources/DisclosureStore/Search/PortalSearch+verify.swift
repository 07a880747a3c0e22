import DisclosureCore
import DisclosureSearch
import Foundation

/// `disclosure search verify`: the engine against a brute-force scan of the documents table.
extension PortalSearch {
    public struct Difference: Sendable, CustomStringConvertible {
        public let query: String
        public let engineTotal: Int
        public let scanTotal: Int
        public let engineNewest: [Int]
        public let scanNewest: [Int]

        public var description: String {
            engineTotal != scanTotal
                ? "「\(query)」：索引 \(engineTotal) 件，逐件扫描 \(scanTotal) 件"
                : "「\(query)」：最新 20 件不同（索引 \(engineNewest.prefix(5))…，扫描 \(scanNewest.prefix(5))…）"
        }
    }

    /// Queries to verify when none are given: common words of the portal and pieces of titles
    /// taken from documents spread over the table (the same ones for the same table).
    public func sampleQueries(count: Int) async throws -> [String] {
        var queries = ["政府", "公开", "通知", "2024年", "财政 预算", "县"]
        let ids = try await documents.source.indexedIDs(after: 0, limit: 100_000, on: database.sql).ids
        guard !ids.isEmpty else { return queries }
        let step = max(1, ids.count / max(1, count))
        let picked = stride(from: 0, to: ids.count, by: step).prefix(count).map { ids[$0] }
        for document in try await DocumentRepository(database.sql).find(ids: picked) {
            let title = Array(document.draft.title)
            guard title.count >= 4 else { continue }
            let start = (document.id * 7) % (title.count - 3)
            queries.append(String(title[start..<(start + 2 + document.id % 3)]))
        }
        return queries
    }

    /// Compares each query's total and newest 20 with a scan of every public document; returns
    /// the queries that differ (none when the index is right).
    public func verify(_ queries: [String]) async throws -> [Difference] {
        try await catchUp(force: true)
        let parsed = queries.map(SearchQuery.init).filter { !$0.isEmpty }
        var totals = [Int](repeating: 0, count: parsed.count)
        var newest = [[(dateKey: Int64, id: Int)]](repeating: [], count: parsed.count)
        let source = documents.source
        var after = 0
        while true {
            let page = try await source.indexedIDs(after: after, limit: 2_000, on: database.sql)
            guard let last = page.scannedThrough else { break }
            after = last
            for document in try await source.searchDocuments(ids: page.ids, on: database.sql) {
                let scan = PhraseScan(document)
                for (index, query) in parsed.enumerated() where scan.matches(query) {
                    totals[index] += 1
                    newest[index].append((document.dateKey, document.id))
                    if newest[index].count > 200 {
                        newest[index] = Array(newest[index].sorted { ($0.dateKey, $0.id) > ($1.dateKey, $1.id) }.prefix(20))
                    }
                }
            }
        }
        let set = try await currentSet(documents)
        var differences: [Difference] = []
        for (index, query) in parsed.enumerated() {
            let found = set.search(EngineQuery(query, order: .newest, limit: 20, facets: false))
            let expected = newest[index].sorted { ($0.dateKey, $0.id) > ($1.dateKey, $1.id) }.prefix(20).map(\.id)
            if found.total != totals[index] || found.ids != expected {
                differences.append(
                    Difference(
                        query: query.terms.joined(separator: " "), engineTotal: found.total, scanTotal: totals[index], engineNewest: found.ids,
                        scanNewest: expected))
            }
        }
        return differences
    }
}
