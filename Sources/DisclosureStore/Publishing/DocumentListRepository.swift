import DisclosureCore
import Foundation
import SQLKit

/// List queries for the console, the portal and the timeliness figures.
public struct DocumentListRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    static let columns = [
        "d.id", "d.index_number", "d.unit_code", "d.title", "d.doc_number", "d.category", "d.attribute", "d.state", "d.generated_on",
        "d.published_on", "d.is_normative", "d.effective_from", "d.expires_on", "d.repealed_on", "c.rule_anchor", "c.rule_days",
        "r.published_on AS related_published_on",
    ]

    func base() -> SQLSelectBuilder {
        var query = db.select()
        for column in Self.columns { query = query.column(SQLRaw(column)) }
        return query.from(SQLAlias(SQLIdentifier("documents"), as: SQLIdentifier("d")))
            .join(
                SQLAlias(SQLIdentifier("catalog_entries"), as: SQLIdentifier("c")), method: SQLJoinMethod.left,
                on: SQLRaw("c.id = d.catalog_entry_id")
            )
            .join(
                SQLAlias(SQLIdentifier("documents"), as: SQLIdentifier("r")), method: SQLJoinMethod.left,
                on: SQLRaw("r.id = d.interprets_document_id"))
    }

    /// Staff list for the units in scope, newest change first.
    public func staffList(units: [String], state: DocumentState?, offset: Int, limit: Int) async throws -> [DocumentSummary] {
        var query = base().where(SQLColumn("unit_code", table: "d"), SQLBinaryOperator.in, SQLBind.group(units))
        if let state { query = query.where(SQLColumn("state", table: "d"), SQLBinaryOperator.equal, SQLBind(state.rawValue)) }
        return try await query.orderBy(SQLColumn("updated_at", table: "d"), SQLDirection.descending).orderBy(
            SQLColumn("id", table: "d"), SQLDirection.descending
        )
        .offset(offset).limit(limit).all().map(Self.decode)
    }

    public func staffCount(units: [String], state: DocumentState?) async throws -> Int {
        var query = db.select().column(SQLFunction("count", args: SQLLiteral.all), as: "n").from("documents").where("unit_code", .in, units)
        if let state { query = query.where("state", .equal, state.rawValue) }
        return try await query.first(decodingColumn: "n", as: Int.self) ?? 0
    }

    /// 主动公开 documents not yet published, and those published on or after `since`: the
    /// candidates for the timeliness flags (the rule itself is applied in Core).
    public func timelinessCandidates(units: [String]?, publishedSince since: CivilDate) async throws -> [DocumentSummary] {
        var query = base().where(SQLColumn("attribute", table: "d"), SQLBinaryOperator.equal, SQLBind(DisclosureAttribute.proactive.rawValue))
            .where { group in
                group.where(
                    SQLColumn("state", table: "d"), SQLBinaryOperator.in,
                    SQLBind.group([DocumentState.draft, .pendingReview, .approved, .scheduled].map(\.rawValue))
                )
                .orWhere(SQLColumn("published_on", table: "d"), SQLBinaryOperator.greaterThanOrEqual, SQLBind(since.description))
            }
        if let units { query = query.where(SQLColumn("unit_code", table: "d"), SQLBinaryOperator.in, SQLBind.group(units)) }
        return try await query.orderBy(SQLColumn("generated_on", table: "d")).limit(2000).all().map(Self.decode)
    }

    /// Every 主动公开 document whose 生成日期 falls in `year`, published or not (the timeliness
    /// tally counts an unpublished one once it is overdue).
    public func proactiveGenerated(in year: Int, units: [String]? = nil) async throws -> [DocumentSummary] {
        var query = base().where(SQLColumn("attribute", table: "d"), SQLBinaryOperator.equal, SQLBind(DisclosureAttribute.proactive.rawValue))
            .where(SQLColumn("generated_on", table: "d"), SQLBinaryOperator.greaterThanOrEqual, SQLBind("\(year)-01-01"))
            .where(SQLColumn("generated_on", table: "d"), SQLBinaryOperator.lessThanOrEqual, SQLBind("\(year)-12-31"))
        if let units { query = query.where(SQLColumn("unit_code", table: "d"), SQLBinaryOperator.in, SQLBind.group(units)) }
        return try await query.all().map(Self.decode)
    }

    /// The portal's list: public documents, newest publication first, with optional filters.
    public func publicList(units: [String]?, category: String?, catalogEntries: [Int]? = nil, offset: Int, limit: Int) async throws
        -> [DocumentSummary]
    {
        try await publicQuery(base(), units: units, category: category, catalogEntries: catalogEntries)
            .orderBy(SQLColumn("published_at", table: "d"), SQLDirection.descending).orderBy(SQLColumn("id", table: "d"), SQLDirection.descending)
            .offset(offset).limit(limit).all().map(Self.decode)
    }

    public func publicCount(units: [String]?, category: String?, catalogEntries: [Int]? = nil) async throws -> Int {
        let query = db.select().column(SQLFunction("count", args: SQLLiteral.all), as: "n")
            .from(SQLAlias(SQLIdentifier("documents"), as: SQLIdentifier("d")))
        return try await publicQuery(query, units: units, category: category, catalogEntries: catalogEntries).first(decodingColumn: "n", as: Int.self)
            ?? 0
    }

    /// Public documents changed since `since` (the API's change feed and the Atom feed).
    public func publicChanges(since: Date?, limit: Int) async throws -> [DocumentSummary] {
        var query = publicQuery(base(), units: nil, category: nil, catalogEntries: nil)
        if let since { query = query.where(SQLColumn("updated_at", table: "d"), SQLBinaryOperator.greaterThan, SQLBind(Timestamp.text(since))) }
        return try await query.orderBy(SQLColumn("published_at", table: "d"), SQLDirection.descending).limit(limit).all().map(Self.decode)
    }

    func publicQuery(_ query: SQLSelectBuilder, units: [String]?, category: String?, catalogEntries: [Int]?) -> SQLSelectBuilder {
        var query = query.where(SQLColumn("state", table: "d"), SQLBinaryOperator.equal, SQLBind(DocumentState.published.rawValue))
            .where(SQLColumn("attribute", table: "d"), SQLBinaryOperator.equal, SQLBind(DisclosureAttribute.proactive.rawValue))
        if let units { query = query.where(SQLColumn("unit_code", table: "d"), SQLBinaryOperator.in, SQLBind.group(units)) }
        if let category { query = query.where(SQLColumn("category", table: "d"), SQLBinaryOperator.equal, SQLBind(category)) }
        if let catalogEntries { query = query.where(SQLColumn("catalog_entry_id", table: "d"), SQLBinaryOperator.in, SQLBind.group(catalogEntries)) }
        return query
    }

    static func decode(_ row: any SQLRow) throws -> DocumentSummary { try DocumentSummaryRow.read(row).summary() }
}

/// A row of the list query: a document's list columns with its catalog rule and, for a 政策解读,
/// the interpreted document's publication date.
struct DocumentSummaryRow: StoredRow {
    static let table = "documents"

    var id: Int
    var indexNumber: String
    var unitCode: String
    var title: String
    var docNumber: String
    var category: String
    var attribute: DisclosureAttribute
    var state: DocumentState
    var generatedOn: CivilDate
    var publishedOn: CivilDate?
    var isNormative: Bool
    var effectiveFrom: CivilDate?
    var expiresOn: CivilDate?
    var repealedOn: CivilDate?
    var ruleAnchor: PublicationRule.Anchor?
    var ruleDays: Int?
    var relatedPublishedOn: CivilDate?

    func summary() throws -> DocumentSummary {
        var rule = PublicationRule.statutoryDefault
        if let ruleAnchor, let ruleDays {
            do { rule = try PublicationRule(anchor: ruleAnchor, workingDays: ruleDays) } catch {
                throw CorruptRow(table: "catalog_entries", column: "rule_days", id: "文件 \(id) 的目录项", reason: "公开时限 \(ruleDays) 个工作日无效")
            }
        }
        return DocumentSummary(
            id: id, indexNumber: indexNumber, unitCode: unitCode, title: title, docNumber: docNumber, category: category, attribute: attribute,
            state: state, generatedOn: generatedOn, publishedOn: publishedOn, isNormative: isNormative,
            validity: DocumentValidity(effectiveFrom: effectiveFrom, expiresOn: expiresOn, repealedOn: repealedOn), rule: rule,
            relatedPublishedOn: relatedPublishedOn)
    }
}
