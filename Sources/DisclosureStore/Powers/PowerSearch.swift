import DisclosureCore
import SQLKit

/// Full-text search over the power list with the documents' engine (DESIGN §4): the same
/// `SearchTokenizer` bigrams, FTS5 on SQLite and `tsvector('simple')` on PostgreSQL, keyed by the
/// power's id. Every listed power is public (cancelled ones stay listed), so every power is indexed.
public struct PowerSearch: Sendable {
    let dialect: Database.Dialect

    public init(dialect: Database.Dialect) { self.dialect = dialect }

    public func index(_ power: AdministrativePower, unitName: String, on db: any SQLDatabase) async throws {
        try await remove(power.id, on: db)
        let draft = power.draft
        let title = [draft.name, draft.code, draft.category.label, unitName].joined(separator: " ")
        var body = [draft.handlingOffice, draft.bases.map(\.text).joined(separator: " "), draft.responsibilities]
        if let guide = power.guide, power.hasPublishedGuide {
            body += [guide.conditions, guide.materials.map(\.name).joined(separator: " "), guide.questions.map(\.question).joined(separator: " ")]
        }
        let titleTokens = SearchTokenizer.indexText(title)
        let bodyTokens = SearchTokenizer.indexText(body.joined(separator: " "))
        switch dialect {
        case .sqlite:
            try await db.raw("INSERT INTO power_search(rowid, title, body) VALUES (\(bind: power.id), \(bind: titleTokens), \(bind: bodyTokens))")
                .run()
        case .postgres:
            try await db.raw(
                """
                INSERT INTO power_search (power_id, tsv) VALUES (\(bind: power.id),
                  setweight(to_tsvector('simple', \(bind: titleTokens)), 'A') || to_tsvector('simple', \(bind: bodyTokens)))
                """
            ).run()
        }
    }

    public func remove(_ powerID: Int, on db: any SQLDatabase) async throws {
        switch dialect {
        case .sqlite: try await db.raw("DELETE FROM power_search WHERE rowid = \(bind: powerID)").run()
        case .postgres: try await db.raw("DELETE FROM power_search WHERE power_id = \(bind: powerID)").run()
        }
    }

    /// Ids of the powers matching the query, best first (at most `limit`).
    public func matches(_ query: SearchQuery, limit: Int = 2000, on db: any SQLDatabase) async throws -> [Int] {
        guard !query.isEmpty else { return [] }
        let sql: SQLQueryString
        switch dialect {
        case .sqlite:
            sql =
                "SELECT rowid AS k FROM power_search WHERE power_search MATCH \(bind: query.fts5Expression) ORDER BY bm25(power_search, 4.0, 1.0), rowid LIMIT \(literal: limit)"
        case .postgres:
            sql = """
                SELECT power_id AS k FROM power_search WHERE tsv @@ to_tsquery('simple', \(bind: query.tsqueryExpression))
                ORDER BY ts_rank(tsv, to_tsquery('simple', \(bind: query.tsqueryExpression))) DESC, power_id LIMIT \(literal: limit)
                """
        }
        return try await db.raw(sql).all(decodingColumn: "k", as: Int.self)
    }
}
