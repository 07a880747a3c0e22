import DisclosureCore
import Foundation
import SQLKit

/// What a portal search asks for besides the text.
public struct SearchFilters: Equatable, Sendable {
    /// Unit codes to search within (a unit and its sub-units); nil for all units.
    public var unitCodes: [String]?
    public var category: String?
    public var year: Int?
    public var validity: ValidityStatus?

    public init(unitCodes: [String]? = nil, category: String? = nil, year: Int? = nil, validity: ValidityStatus? = nil) {
        self.unitCodes = unitCodes
        self.category = category
        self.year = year
        self.validity = validity
    }
}

public enum SearchOrder: String, Sendable, CaseIterable {
    case relevance
    case newest
}

/// One page of hits with the total and the facet counts over every match.
public struct SearchResult: Sendable {
    public var total: Int
    public var documentIDs: [Int]
    public var units: [(name: String, count: Int)]
    public var categories: [(name: String, count: Int)]
    public var years: [(year: Int, count: Int)]
    public var validity: [(status: ValidityStatus, count: Int)]

    public static let empty = SearchResult(total: 0, documentIDs: [], units: [], categories: [], years: [], validity: [])
}

/// The portal's full-text index (DESIGN §4): FTS5 over `SearchTokenizer` tokens on SQLite,
/// `tsvector('simple')` + GIN on PostgreSQL. Only published 主动公开 documents are ever in it.
public struct SearchIndex: Sendable {
    let dialect: Database.Dialect
    let ordinals: SearchOrdinals

    public init(dialect: Database.Dialect, ordinals: SearchOrdinals) {
        self.dialect = dialect
        self.ordinals = ordinals
    }

    /// The key a public document gets, from its publication day, unit, category and validity.
    public func key(for document: GovernmentDocument, today: CivilDate, on db: any SQLDatabase) async throws -> SearchKey {
        let unit = try await ordinals.ordinal(of: document.draft.unitCode, kind: .unit, on: db)
        let category = document.draft.category.isEmpty ? 0 : try await ordinals.ordinal(of: document.draft.category, kind: .category, on: db)
        return try SearchKey(
            day: document.publishedOn ?? today, unitOrdinal: unit, categoryOrdinal: category,
            validityCode: SearchKey.validityCode(document.validityStatus(on: today)), documentID: document.id)
    }

    /// Adds (or replaces) a document; does nothing for a document that is not public.
    public func index(_ document: GovernmentDocument, today: CivilDate, on db: any SQLDatabase) async throws {
        try await remove(document.id, on: db)
        try await ChangeMarker.bump(on: db)
        guard document.isPublic else { return }
        let key = try await self.key(for: document, today: today, on: db)
        try await insert(key: key.rawValue, title: document.draft.title + " " + document.draft.docNumber, body: document.draft.body, on: db)
        try await DocumentRepository(db).setSearchKey(document.id, key.rawValue)
    }

    /// Inserts prepared text under `key` (the bulk importer calls this directly).
    public func insert(key: Int64, title: String, body: String, on db: any SQLDatabase) async throws {
        let titleTokens = SearchTokenizer.indexText(title)
        let bodyTokens = SearchTokenizer.indexText(body)
        switch dialect {
        case .sqlite:
            try await db.raw("INSERT INTO document_search(rowid, title, body) VALUES (\(bind: key), \(bind: titleTokens), \(bind: bodyTokens))").run()
        case .postgres:
            try await db.raw(
                """
                INSERT INTO document_search (search_key, tsv) VALUES (\(bind: key),
                  setweight(to_tsvector('simple', \(bind: titleTokens)), 'A') || to_tsvector('simple', \(bind: bodyTokens)))
                """
            ).run()
        }
    }

    public func remove(_ documentID: Int, on db: any SQLDatabase) async throws {
        guard
            let key = try await db.select().column("search_key").from("documents").where("id", .equal, documentID)
                .first(decodingColumn: "search_key", as: Int64?.self) ?? nil
        else { return }
        try await ChangeMarker.bump(on: db)
        switch dialect {
        case .sqlite: try await db.raw("DELETE FROM document_search WHERE rowid = \(bind: key)").run()
        case .postgres: try await db.raw("DELETE FROM document_search WHERE search_key = \(bind: key)").run()
        }
        try await DocumentRepository(db).setSearchKey(documentID, nil)
    }

    /// One page of matches for `query` plus facet counts over all matches.
    public func search(
        _ query: SearchQuery, filters: SearchFilters, order: SearchOrder, offset: Int, limit: Int, facets: Bool = true, on db: any SQLDatabase
    ) async throws -> SearchResult {
        guard !query.isEmpty else { return .empty }
        guard let condition = try await condition(query, filters, on: db) else { return .empty }
        let column = dialect == .sqlite ? "rowid" : "search_key"
        let ordering: SQLQueryString
        switch (dialect, order) {
        case (_, .newest): ordering = SQLQueryString(String("\(column) DESC"))
        case (.sqlite, .relevance): ordering = "bm25(document_search, 4.0, 1.0), rowid DESC"
        case (.postgres, .relevance): ordering = "ts_rank(tsv, to_tsquery('simple', \(bind: query.tsqueryExpression))) DESC, search_key DESC"
        }
        let page = try await db.raw(
            SQLQueryString(String("SELECT \(column) AS k FROM document_search WHERE ")) + condition + " ORDER BY " + ordering
                + SQLQueryString(String(" LIMIT \(max(1, min(limit, 100))) OFFSET \(max(0, min(offset, 10_000)))"))
        ).all(decodingColumn: "k", as: Int64.self)
        var result = SearchResult.empty
        result.documentIDs = page.map { SearchKey(rawValue: $0).documentID }
        if facets {
            try await fillFacets(&result, condition: condition, column: column, on: db)
        } else {
            result.total = result.documentIDs.count
        }
        return result
    }

    /// The WHERE clause: the text match plus filters expressed on the key's bit fields; nil when a
    /// filter names something the index has never seen (so nothing can match).
    func condition(_ query: SearchQuery, _ filters: SearchFilters, on db: any SQLDatabase) async throws -> SQLQueryString? {
        let column = dialect == .sqlite ? "rowid" : "search_key"
        var sql: SQLQueryString
        switch dialect {
        case .sqlite: sql = "document_search MATCH \(bind: query.fts5Expression)"
        case .postgres: sql = "tsv @@ to_tsquery('simple', \(bind: query.tsqueryExpression))"
        }
        if let year = filters.year {
            let range = SearchKey.range(year: year)
            sql = sql + " AND \(ident: column) BETWEEN \(bind: range.lowerBound) AND \(bind: range.upperBound)"
        }
        if let units = filters.unitCodes {
            var known: [Int] = []
            for unit in units { if let ordinal = try await ordinals.existingOrdinal(of: unit, kind: .unit, on: db) { known.append(ordinal) } }
            guard !known.isEmpty else { return nil }
            let list = known.map(String.init).joined(separator: ",")
            sql = sql + SQLQueryString(String(" AND \(SearchKey.unitExpression(column)) IN (\(list))"))
        }
        if let category = filters.category {
            guard let ordinal = try await ordinals.existingOrdinal(of: category, kind: .category, on: db) else { return nil }
            sql = sql + SQLQueryString(String(" AND \(SearchKey.categoryExpression(column)) = \(ordinal)"))
        }
        if let validity = filters.validity {
            sql = sql + SQLQueryString(String(" AND \(SearchKey.validityExpression(column)) = \(SearchKey.validityCode(validity))"))
        }
        return sql
    }

    /// One pass over the matches, kept in a materialized table and grouped twice: by unit ×
    /// category × validity, and by year (exact for days before 2100-03-01: 1970 + (4d + 2) / 1461).
    func fillFacets(_ result: inout SearchResult, condition: SQLQueryString, column: String, on db: any SQLDatabase) async throws {
        let select =
            SQLQueryString(String("WITH m AS MATERIALIZED (SELECT \(column) AS k FROM document_search WHERE ")) + condition
            + SQLQueryString(
                String(
                    ") SELECT 0 AS t, \(SearchKey.facetGroupExpression("k")) AS g, count(*) AS n FROM m GROUP BY 2"
                        + " UNION ALL SELECT 1 AS t, 1970 + (\(SearchKey.dayExpression("k")) * 4 + 2) / 1461 AS g, count(*) AS n FROM m GROUP BY 2"))
        var units: [Int: Int] = [:]
        var categories: [Int: Int] = [:]
        var validity: [Int: Int] = [:]
        var years: [Int: Int] = [:]
        var total = 0
        for row in try await db.raw(select).all() {
            let count = try row.decode(column: "n", as: Int.self)
            let value = try row.decode(column: "g", as: Int.self)
            if try row.decode(column: "t", as: Int.self) == 1 {
                years[value, default: 0] += count
                continue
            }
            let group = SearchKey.decodeFacetGroup(value)
            units[group.unit, default: 0] += count
            categories[group.category, default: 0] += count
            validity[group.validity, default: 0] += count
            total += count
        }
        let unitNames = try await ordinals.names(.unit, on: db, covering: units.keys)
        let categoryNames = try await ordinals.names(.category, on: db, covering: categories.keys)
        result.total = total
        result.units = units.compactMap { key, count in unitNames[key].map { ($0, count) } }.sorted { ($0.count, $1.name) > ($1.count, $0.name) }
        result.categories = categories.compactMap { key, count in categoryNames[key].map { ($0, count) } }
            .sorted { ($0.count, $1.name) > ($1.count, $0.name) }
        result.years = years.map { ($0.key, $0.value) }.sorted { $0.year > $1.year }
        result.validity = validity.compactMap { code, count in SearchKey.validityStatus(code: code).map { ($0, count) } }
            .sorted { $0.status.rawValue < $1.status.rawValue }
    }
}
