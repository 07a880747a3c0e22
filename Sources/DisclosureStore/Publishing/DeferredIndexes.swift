import DisclosureCore
import Foundation
import SQLKit

/// A table's secondary indexes set aside while a bulk import fills it from empty, and built again
/// once at the end — what database dump restores do.
///
/// At a million documents SQLite kept seven B-trees of `documents` in step with every batch, in the
/// order the rows came, and the import's rate fell from 4,900 to 2,800 documents a second as they
/// grew (issue 20: the 5-minute target). Building an index from the loaded table sorts once.
///
/// Unique indexes stay (they enforce a rule while the rows arrive), and so does any index the
/// import reads itself (`keeping`). Each definition is written to `deferred_indexes` in the
/// transaction that drops the index; `restore` builds them again and removes the rows in one
/// transaction. The importer restores at its end, failed or not, and `Migrator.migrate` — which
/// every command and every server start runs — restores what an import killed half-way left.
public enum DeferredIndexes {
    /// Drops `table`'s non-unique indexes except `keeping`, recording each; returns their names.
    public static func setAside(table: String, keeping: Set<String>, on database: Database, at now: Date) async throws -> [String] {
        try await database.transaction { db in
            var aside: [String] = []
            for (name, definition) in try await definitions(of: table, on: db, dialect: database.dialect)
            where !keeping.contains(name) && definition.uppercased().hasPrefix("CREATE INDEX ") {
                try await db.insert(into: "deferred_indexes")
                    .columns("name", "table_name", "definition", "deferred_at")
                    .values(SQLBind(name), SQLBind(table), SQLBind(definition), SQLBind(Timestamp.text(now)))
                    .run()
                try await db.raw("DROP INDEX \(ident: name)").run()
                aside.append(name)
            }
            return aside
        }
    }

    /// Builds every index set aside and forgets them, in one transaction (a no-op when none is).
    public static func restore(on database: Database) async throws {
        let pending = try await database.sql.select().column("name").from("deferred_indexes").all()
        guard !pending.isEmpty else { return }
        try await database.transaction { db in
            if database.dialect == .postgres {
                // Instances starting together take turns, as they do for migrations: the second
                // then finds nothing left to build.
                try await db.raw("SELECT pg_advisory_xact_lock(\(bind: AdvisoryLock.migrations.rawValue))").run()
                // A million rows sort in memory instead of spilling to disk in 64 MB runs.
                try await db.raw("SET LOCAL maintenance_work_mem = '512MB'").run()
            }
            let rows = try await db.select().column("name").column("table_name").column("definition").from("deferred_indexes").orderBy("name")
                .all()
            for row in rows {
                let definition = try row.decode(column: "definition", as: String.self)
                // The definition as the database reported it, now made idempotent: an index another
                // process restored meanwhile is left as it is.
                let statement = "CREATE INDEX IF NOT EXISTS " + definition.dropFirst("CREATE INDEX ".count)
                try await db.raw(SQLQueryString(statement)).run()
            }
            if database.dialect == .postgres {
                // Statistics for the new indexes: an expression index has none until the table is
                // analyzed, and autovacuum analyzed it while the rows were arriving, before the
                // index existed. Without them PostgreSQL looked up an exact 索引号 by walking the
                // whole table in id order (0.7 s at a million documents, on every search page) and
                // the page served 128 req/s instead of 281 (issue 20's 1M run).
                for table in Set(try rows.map { try $0.decode(column: "table_name", as: String.self) }).sorted() {
                    try await db.raw("ANALYZE \(ident: table)").run()
                }
            }
            try await db.delete(from: "deferred_indexes").run()
        }
    }

    /// The table's indexes as (name, the statement that made them), by name; unique constraints'
    /// own indexes are left out on SQLite, unique ones on PostgreSQL.
    public static func definitions(of table: String, on database: Database) async throws -> [(String, String)] {
        try await definitions(of: table, on: database.sql, dialect: database.dialect)
    }

    static func definitions(of table: String, on db: any SQLDatabase, dialect: Database.Dialect) async throws -> [(String, String)] {
        switch dialect {
        case .sqlite:
            // Indexes behind UNIQUE and PRIMARY KEY constraints have no SQL of their own.
            let rows = try await db.raw(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = \(bind: table) AND sql IS NOT NULL ORDER BY name"
            ).all()
            return try rows.map { (try $0.decode(column: "name", as: String.self), try $0.decode(column: "sql", as: String.self)) }
        case .postgres:
            let rows = try await db.raw(
                """
                SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS sql FROM pg_index i
                JOIN pg_class c ON c.oid = i.indexrelid
                WHERE i.indrelid = to_regclass(\(bind: table)) AND NOT i.indisprimary AND NOT i.indisunique ORDER BY c.relname
                """
            ).all()
            return try rows.map { (try $0.decode(column: "name", as: String.self), try $0.decode(column: "sql", as: String.self)) }
        }
    }
}
