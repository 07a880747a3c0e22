import SQLKit

/// Administrative powers (issue 6): the power list with its flow and guide kept as JSON documents
/// beside the columns that are filtered on, every version with its reason, the yearly figures for
/// annual-report table 二, and a full-text index for the portal's power search.
struct CreatePowerTables: Migration {
    let version = 5
    let reason = "powers: power list, versions with reasons, yearly decision and fee figures, power search"

    func apply(on db: any SQLDatabase, dialect: Database.Dialect) async throws {
        try await db.create(table: "powers")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("code", type: .text, .notNull, .unique)
            .column("unit_code", type: .text, .notNull, .references("units", "code"))
            .column("category", type: .text, .notNull)
            .column("name", type: .text, .notNull)
            .column("status", type: .text, .notNull)
            .column("status_since", type: .text, .notNull)
            .column("version", type: .int, .notNull)
            .column("facts_json", type: .text, .notNull)
            .column("workflow_json", type: .text, .notNull)
            .column("guide_json", type: .text)
            .column("guide_published_on", type: .text)
            .column("created_by", type: .text, .notNull)
            .column("created_at", type: .text, .notNull)
            .column("updated_at", type: .text, .notNull)
            .run()
        try await db.create(index: "powers_unit_category").on("powers").column("unit_code").column("category").run()

        try await db.create(table: "power_versions")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("power_id", type: .bigint, .notNull, .references("powers", "id"))
            .column("version", type: .int, .notNull)
            .column("change", type: .text, .notNull)
            .column("reason", type: .text, .notNull)
            .column("status", type: .text, .notNull)
            .column("effective_on", type: .text, .notNull)
            .column("snapshot_json", type: .text, .notNull)
            .column("changed_by", type: .text, .notNull)
            .column("changed_at", type: .text, .notNull)
            .run()
        try await db.create(index: "power_versions_power").on("power_versions").column("power_id").column("version").run()

        try await db.create(table: "power_counts")
            .column("power_id", type: .bigint, .notNull, .references("powers", "id"))
            .column("year", type: .int, .notNull)
            .column("decisions", type: .int, .notNull)
            .column("fee_fen", type: .bigint, .notNull)
            .column("updated_by", type: .text, .notNull)
            .column("updated_at", type: .text, .notNull)
            .primaryKey("power_id", "year")
            .run()

        switch dialect {
        case .sqlite:
            try await db.raw(
                "CREATE VIRTUAL TABLE power_search USING fts5(title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')"
            ).run()
        case .postgres:
            try await db.raw("CREATE TABLE power_search (power_id BIGINT PRIMARY KEY, tsv TSVECTOR NOT NULL)").run()
            try await db.raw("CREATE INDEX power_search_tsv ON power_search USING gin (tsv)").run()
        }
    }
}
