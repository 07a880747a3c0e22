import SQLKit

/// Units, staff accounts, database-backed sessions (so several instances share them), hashed API
/// tokens, calendar imports and overrides, and the hash-chained audit log.
struct CreateFoundationTables: Migration {
    let version = 1
    let reason = "foundation: units, accounts, sessions, tokens, calendar, audit log"

    func apply(on db: any SQLDatabase, dialect: Database.Dialect) async throws {
        try await db.create(table: "units")
            .column("code", type: .text, .primaryKey(autoIncrement: false))
            .column("name", type: .text, .notNull)
            .column("kind", type: .text, .notNull)
            .column("parent_code", type: .text, .references("units", "code"))
            .column("active", type: .custom(SQLRaw("BOOLEAN")), .notNull)
            .column("created_at", type: .text, .notNull)
            .run()
        try await db.create(index: "units_parent").on("units").column("parent_code").run()

        try await db.create(table: "staff_users")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("username", type: .text, .notNull, .unique)
            .column("display_name", type: .text, .notNull)
            .column("password_hash", type: .text, .notNull)
            .column("role", type: .text, .notNull)
            .column("unit_code", type: .text, .notNull, .references("units", "code"))
            .column("active", type: .custom(SQLRaw("BOOLEAN")), .notNull)
            .column("failed_logins", type: .int, .notNull)
            .column("locked_until", type: .text)
            .column("created_at", type: .text, .notNull)
            .column("password_changed_at", type: .text, .notNull)
            .run()
        try await db.create(index: "staff_users_unit").on("staff_users").column("unit_code").run()

        try await db.create(table: "staff_sessions")
            .column("token_hash", type: .text, .primaryKey(autoIncrement: false))
            .column("user_id", type: .bigint, .notNull, .references("staff_users", "id"))
            .column("created_at", type: .text, .notNull)
            .column("expires_at", type: .text, .notNull)
            .run()
        try await db.create(index: "staff_sessions_user").on("staff_sessions").column("user_id").run()

        try await db.create(table: "api_tokens")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("user_id", type: .bigint, .notNull, .references("staff_users", "id"))
            .column("name", type: .text, .notNull)
            .column("token_hash", type: .text, .notNull, .unique)
            .column("created_at", type: .text, .notNull)
            .column("revoked_at", type: .text)
            .run()

        try await db.create(table: "calendar_imports")
            .column("year", type: .int, .primaryKey(autoIncrement: false))
            .column("imported_at", type: .text, .notNull)
            .column("imported_by", type: .text, .notNull)
            .run()
        try await db.create(table: "calendar_imported_days")
            .column("day", type: .text, .primaryKey(autoIncrement: false))
            .column("year", type: .int, .notNull, .references("calendar_imports", "year"))
            .column("kind", type: .text, .notNull)
            .run()
        try await db.create(table: "calendar_overrides")
            .column("day", type: .text, .primaryKey(autoIncrement: false))
            .column("kind", type: .text, .notNull)
            .column("note", type: .text, .notNull)
            .column("updated_at", type: .text, .notNull)
            .column("updated_by", type: .text, .notNull)
            .run()

        // Ids are assigned by the writer (previous + 1) so a removed row leaves a visible gap.
        try await db.create(table: "audit_log")
            .column("id", type: .bigint, .primaryKey(autoIncrement: false))
            .column("at", type: .text, .notNull)
            .column("actor", type: .text, .notNull)
            .column("unit_code", type: .text)
            .column("action", type: .text, .notNull)
            .column("target", type: .text, .notNull)
            .column("summary", type: .text, .notNull)
            .column("previous_hash", type: .text, .notNull)
            .column("hash", type: .text, .notNull)
            .run()
        try await db.create(index: "audit_log_target").on("audit_log").column("target").run()
    }
}
