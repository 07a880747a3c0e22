import SQLKit

/// Annual reports (issue 8): one row per unit and year with its narrative, entered table 二
/// cells, the county's roll-up choice, status dates, and the tables frozen when it was filed;
/// and the legacy requests imported so a first report on the platform is complete.
struct CreateAnnualReportTables: Migration {
    let version = 6
    let reason = "annual reports: narrative, entered figures, filing and publication, frozen tables, legacy requests"

    func apply(on db: any SQLDatabase, dialect: Database.Dialect) async throws {
        try await db.create(table: "annual_reports")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("unit_code", type: .text, .notNull, .references("units", "code"))
            .column("year", type: .int, .notNull)
            .column("status", type: .text, .notNull)
            .column("narrative_json", type: .text, .notNull)
            .column("entered_json", type: .text, .notNull)
            .column("rollup_units", type: .text, .notNull)
            .column("tables_json", type: .text)
            .column("checks_json", type: .text)
            .column("filed_on", type: .text)
            .column("filed_by", type: .text)
            .column("returned_reason", type: .text)
            .column("published_on", type: .text)
            .column("published_by", type: .text)
            .column("version", type: .int, .notNull)
            .column("created_at", type: .text, .notNull)
            .column("updated_at", type: .text, .notNull)
            .unique("unit_code", "year")
            .run()
        try await db.create(index: "annual_reports_year").on("annual_reports").column("year").column("status").run()

        try await db.create(table: "legacy_requests")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("unit_code", type: .text, .notNull, .references("units", "code"))
            .column("reference", type: .text, .notNull)
            .column("applicant_kind", type: .text, .notNull)
            .column("received_on", type: .text, .notNull)
            .column("answered_on", type: .text)
            .column("outcome", type: .text)
            .column("imported_by", type: .text, .notNull)
            .column("imported_at", type: .text, .notNull)
            .unique("unit_code", "reference")
            .run()
    }
}
