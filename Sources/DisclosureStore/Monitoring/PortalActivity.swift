import DisclosureCore
import SQLKit

/// What the inspection rules read from the publishing tables: each catalog column with its last
/// published 主动公开 item, and the portal's last publication overall.
struct PortalActivity: Sendable {
    let db: any SQLDatabase

    init(_ db: any SQLDatabase) { self.db = db }

    func columns() async throws -> [ColumnActivity] {
        let published = DocumentState.published.rawValue
        let proactive = DisclosureAttribute.proactive.rawValue
        let rows = try await db.raw(
            """
            SELECT c.unit_code, c.column_name, c.column_kind, MIN(c.updated_at) AS created, MAX(d.published_on) AS last_published, COUNT(d.id) AS n
            FROM catalog_entries c
            LEFT JOIN documents d ON d.catalog_entry_id = c.id AND d.state = \(bind: published) AND d.attribute = \(bind: proactive)
            GROUP BY c.unit_code, c.column_name, c.column_kind
            """
        ).all()
        return try rows.map { try ColumnActivityRow.read($0).activity() }
    }

    func lastPublished() async throws -> CivilDate? {
        try await db.select().column(SQLFunction("max", args: SQLColumn("published_on")), as: "last").from("documents")
            .where("state", .equal, DocumentState.published.rawValue).where("attribute", .equal, DisclosureAttribute.proactive.rawValue)
            .first(decodingColumn: "last", as: String?.self)?.flatMap(CivilDate.init(iso:))
    }

    /// The first day the portal existed, as far as the records know: its first unit.
    func firstDay() async throws -> CivilDate? {
        try await db.select().column(SQLFunction("min", args: SQLColumn("created_at")), as: "first").from("units")
            .first(decodingColumn: "first", as: String?.self)?.flatMap { CivilDate(iso: String($0.prefix(10))) }
    }
}

/// A row of the column-activity query: one catalog column with its publication figures.
struct ColumnActivityRow: StoredRow {
    static let table = "catalog_entries"
    static let idColumn = "column_name"

    var unitCode: String
    var columnName: String
    var columnKind: ColumnKind
    /// The column's first catalog entry's timestamp; its date is when the column began.
    var created: String
    var lastPublished: CivilDate?
    var n: Int

    func activity() throws -> ColumnActivity {
        guard let createdOn = CivilDate(iso: String(created.prefix(10))) else {
            throw CorruptRow(table: Self.table, column: "updated_at", id: "\(unitCode)/\(columnName)", reason: "「\(created.prefix(40))」不是时间")
        }
        return ColumnActivity(
            unitCode: unitCode, column: columnName, kind: columnKind, createdOn: createdOn, lastPublishedOn: lastPublished, publishedCount: n)
    }
}
