import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import SQLKit
import Testing

@Suite("Migrations")
struct MigratorTests {
    @Test("migrations run once, are recorded, and a second run does nothing", arguments: TestDatabase.kinds)
    func runsOnce(kind: TestDatabase) async throws {
        try await kind.with(migrated: false) { (database: Database) async throws in
            let migrator = Migrator(database: database)
            let all = AllMigrations.list.map(\.version)
            #expect(all == Array(1...all.count))
            #expect(try await migrator.migrate() == all)
            #expect(try await migrator.migrate() == [])
            #expect(try await migrator.appliedVersions() == all)
            // The tables exist and are empty.
            #expect(try await UnitRepository(database.sql).all().isEmpty)
        }
    }

    @Test("a database migrated by a newer release is refused", arguments: TestDatabase.kinds)
    func refusesNewer(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            try await database.unaudited.insert(into: "schema_migrations").columns("version", "reason", "applied_at")
                .values(SQLBind(999), SQLBind("from the future"), SQLBind("2030-01-01T00:00:00.000Z")).run()
            await #expect(throws: DomainError.self) { try await Migrator(database: database).migrate() }
        }
    }

    @Test("a failing change rolls back with its audit entry", arguments: TestDatabase.kinds)
    func transactionRollsBack(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let unit = OrgUnit(code: "XZF", name: "示范县人民政府", kind: .countyGovernment, parentCode: nil)
            await #expect(throws: DomainError.self) {
                try await database.change(by: .system, at: FixedClock.t0) { db -> ((), AuditEvent) in
                    try await UnitRepository(db).insert(unit, at: FixedClock.t0)
                    throw DomainError.invalid("x", "中途失败")
                }
            }
            #expect(try await UnitRepository(database.sql).find("XZF") == nil)
            #expect(try await AuditLog.recent(on: database.sql, limit: 10).isEmpty)
        }
    }
}

@Suite("Database URLs")
struct DatabaseURLTests {
    @Test("valid URLs parse", arguments: ["sqlite:data/x.sqlite", "sqlite:///tmp/x.sqlite", "sqlite::memory:", "postgres://u:p@127.0.0.1:5432/db"])
    func valid(text: String) throws {
        _ = try DatabaseURL(parsing: text)
    }

    @Test("bad URLs are refused in Chinese", arguments: ["mysql://x", "sqlite:", "postgres://", "postgres://host-only", "data.sqlite"])
    func invalid(text: String) {
        #expect(throws: DomainError.self) { try DatabaseURL(parsing: text) }
    }

    @Test("passwords never appear in the printable form")
    func redacted() throws {
        let url = try DatabaseURL(parsing: "postgres://user:secret@db.example:5432/disclosure")
        #expect(!url.description.contains("secret"))
    }
}
