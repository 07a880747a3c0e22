import DisclosureStore
import Foundation
import Logging
import PostgresKit
import SQLKit
import Testing

/// A fresh, migrated database per test: a temporary SQLite file always, and PostgreSQL (a new schema per
/// test) when `DISCLOSURE_TEST_POSTGRES_URL` is set. Store and web tests take `TestDatabase.kinds`
/// as arguments so one `swift test` run covers both dialects.
public enum TestDatabase: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    public static let postgresURL = ProcessInfo.processInfo.environment["DISCLOSURE_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// The dialects this run covers.
    public static var kinds: [TestDatabase] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    public var testDescription: String { rawValue }

    /// Opens a fresh database, migrates it, runs `body`, and removes the database even if `body` throws.
    public func with<T>(migrated: Bool = true, _ body: (Database) async throws -> T) async throws -> T {
        let (database, cleanup) = try await open()
        do {
            if migrated { try await Migrator(database: database).migrate() }
            let result = try await body(database)
            try await cleanup()
            return result
        } catch {
            try? await cleanup()
            throw error
        }
    }

    /// A fresh SQLite file for a CLI subprocess, and how to remove it.
    public static func temporarySQLiteFile() -> (url: String, path: String, cleanup: @Sendable () -> Void) {
        let path = NSTemporaryDirectory() + "disclosure-test-\(UUID().uuidString).sqlite"
        return (
            "sqlite:\(path)", path,
            {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
        )
    }

    private func open() async throws -> (Database, @Sendable () async throws -> Void) {
        var logger = Logger(label: "test.db")
        logger.logLevel = .warning
        switch self {
        case .sqlite:
            // A real file, as in production: one writer connection and read-only readers in WAL
            // mode, so a write that bypasses the writer fails here as it would in a county.
            let file = Self.temporarySQLiteFile()
            // A generous write budget: the suite runs many tests at once on two cores, and these
            // tests are about behaviour; the budget itself has its own test.
            let database = try await Database.open(.sqliteFile(path: file.path), logger: logger, writeBudget: .seconds(60))
            return (
                database,
                {
                    try await database.close()
                    file.cleanup()
                }
            )
        case .postgres:
            let (schema, base, drop) = try await Self.createSchema()
            let database = try await Database.open(.postgres(url: base, searchPath: schema), logger: logger, writeBudget: .seconds(60))
            return (
                database,
                {
                    try? await database.close()
                    try await drop()
                }
            )
        }
    }

    /// Creates a uniquely named schema and returns it with the base URL and a function that drops it.
    public static func createSchema() async throws -> (String, String, @Sendable () async throws -> Void) {
        guard let base = postgresURL else { throw TestDatabaseError.postgresNotConfigured }
        let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        let admin = try await Database.open(.postgres(url: base, searchPath: nil))
        try await admin.sql.raw("CREATE SCHEMA \(ident: schema)").run()
        try await admin.close()
        return (
            schema, base,
            {
                let admin = try await Database.open(.postgres(url: base, searchPath: nil))
                try await admin.sql.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
                try await admin.close()
            }
        )
    }
}

public enum TestDatabaseError: Error {
    case postgresNotConfigured
}
