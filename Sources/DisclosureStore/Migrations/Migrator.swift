import DisclosureCore
import Foundation
import SQLKit

/// Applies pending migrations, each in its own transaction, and records what ran.
public struct Migrator: Sendable {
    public let database: Database
    public let migrations: [any Migration]

    public init(database: Database, migrations: [any Migration] = AllMigrations.list) {
        self.database = database
        self.migrations = migrations
    }

    /// Versions recorded as applied, ascending.
    public func appliedVersions() async throws -> [Int] {
        try await ensureLedger()
        return try await database.sql.select().column("version").from("schema_migrations")
            .orderBy("version").all(decodingColumn: "version", as: Int.self)
    }

    /// Runs what is pending and returns the versions applied now.
    ///
    /// Refuses a database that has versions this binary does not know (it was migrated by a newer
    /// release): running older code on a newer schema could corrupt it.
    @discardableResult
    public func migrate(now: Date = Date()) async throws -> [Int] {
        let known = migrations.map(\.version).max() ?? 0
        if let newest = try await appliedVersions().last, newest > known {
            throw DomainError(.conflict, field: "database", "数据库结构版本为 \(newest)，比本程序支持的版本 \(known) 新，请升级程序后再运行")
        }
        var applied: [Int] = []
        for migration in migrations.sorted(by: { $0.version < $1.version }) {
            let dialect = database.dialect
            let ran = try await database.transaction { db in
                if dialect == .postgres {
                    // Several instances may start together; one migrates, the others wait and then skip.
                    try await db.raw("SELECT pg_advisory_xact_lock(\(bind: AdvisoryLock.migrations.rawValue))").run()
                }
                let done = try await db.select().column("version").from("schema_migrations")
                    .where("version", .equal, migration.version).first()
                guard done == nil else { return false }
                try await migration.apply(on: db, dialect: dialect)
                try await db.insert(into: "schema_migrations")
                    .columns("version", "reason", "applied_at")
                    .values(SQLBind(migration.version), SQLBind(migration.reason), SQLBind(Timestamp.text(now)))
                    .run()
                return true
            }
            if ran { applied.append(migration.version) }
        }
        // A bulk import that died left indexes set aside: every command and every start migrates,
        // so this is where they come back.
        if migrations.contains(where: { $0.version == CreateDeferredIndexes().version }) {
            try await DeferredIndexes.restore(on: database)
        }
        return applied
    }

    private func ensureLedger() async throws {
        try await database.transaction { db in
            try await db.create(table: "schema_migrations").ifNotExists()
                .column("version", type: .bigint, .primaryKey(autoIncrement: false))
                .column("reason", type: .text, .notNull)
                .column("applied_at", type: .text, .notNull)
                .run()
        }
    }
}
