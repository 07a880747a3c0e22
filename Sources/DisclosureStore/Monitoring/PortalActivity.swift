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
        return try rows.map { row in
            let created = try row.decode(column: "created", as: String.self)
            return ColumnActivity(
                unitCode: try row.decode(column: "unit_code", as: String.self), column: try row.decode(column: "column_name", as: String.self),
                kind: ColumnKind(rawValue: try row.decode(column: "column_kind", as: String.self)) ?? .other,
                createdOn: CivilDate(iso: String(created.prefix(10))) ?? CivilDate(year: 1970, month: 1, day: 1)!,
                lastPublishedOn: try row.decode(column: "last_published", as: String?.self).flatMap(CivilDate.init(iso:)),
                publishedCount: try row.decode(column: "n", as: Int.self))
        }
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
