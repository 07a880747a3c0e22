import AsyncKit
import DisclosureCore
import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit
import SQLiteKit

/// The open database: one SQLKit handle for both dialects, transactions, and shutdown.
public final class Database: Sendable {
    public enum Dialect: Sendable { case sqlite, postgres }

    public let url: DatabaseURL
    public let dialect: Dialect
    /// Statement-at-a-time access; each statement borrows a pooled connection.
    public let sql: any SQLDatabase
    private let closePool: @Sendable () async throws -> Void

    private init(url: DatabaseURL, dialect: Dialect, sql: any SQLDatabase, close: @escaping @Sendable () async throws -> Void) {
        self.url = url
        self.dialect = dialect
        self.sql = sql
        self.closePool = close
    }

    /// Opens (and for SQLite files, creates with its folder) the database at `url`.
    public static func open(_ url: DatabaseURL, logger: Logger = Logger(label: "disclosure.db")) async throws -> Database {
        let eventLoop = MultiThreadedEventLoopGroup.singleton.any()
        switch url {
        case .sqliteFile(let path):
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw DomainError.invalid("database", "无法创建数据库目录 \(folder.path)")
            }
            // Several connections read in parallel under WAL; writers queue on the busy timeout.
            return try await sqlite(url, storage: .file(path: path), isFile: true, connections: 4, eventLoop: eventLoop, logger: logger)
        case .sqliteMemory:
            // One connection: an in-memory database lives as long as its connection and is not shared.
            return try await sqlite(url, storage: .memory, isFile: false, connections: 1, eventLoop: eventLoop, logger: logger)
        case .postgres(let text, let searchPath):
            var configuration: SQLPostgresConfiguration
            do {
                configuration = try SQLPostgresConfiguration(url: text)
            } catch {
                throw DomainError.invalid("database", "PostgreSQL 地址无效：\(url)")
            }
            if let searchPath { configuration.searchPath = [searchPath] }
            let pool = EventLoopConnectionPool(
                source: PostgresConnectionSource(sqlConfiguration: configuration), maxConnections: 8,
                pruneInterval: .seconds(60), logger: logger, on: eventLoop)
            let box = PoolBox(pool: pool)
            let db = Database(
                url: url, dialect: .postgres, sql: PooledSQLDatabase(box: box, dialect: PostgresDialect(), logger: logger),
                close: { try await box.pool.close().get() })
            try await db.checkReachable()
            return db
        }
    }

    private static func sqlite(
        _ url: DatabaseURL, storage: SQLiteConnection.Storage, isFile: Bool, connections: Int,
        eventLoop: any EventLoop, logger: Logger
    ) async throws -> Database {
        let pool = EventLoopConnectionPool(
            source: SQLiteSource(storage: storage, isFile: isFile), maxConnections: connections,
            pruneInterval: nil, logger: logger, on: eventLoop)
        let box = PoolBox(pool: pool)
        let db = Database(
            url: url, dialect: .sqlite, sql: PooledSQLDatabase(box: box, dialect: SQLiteDialect(), logger: logger),
            close: { try await box.pool.close().get() })
        try await db.checkReachable()
        return db
    }

    /// Runs a trivial query; `/healthz` and `open` use it.
    public func checkReachable() async throws {
        do {
            _ = try await sql.raw("SELECT 1 AS one").first()
        } catch {
            throw DomainError.invalid("database", "无法连接数据库 \(url)")
        }
    }

    /// Runs `body` in one transaction on one connection; rolls back if it throws.
    ///
    /// SQLite starts with `BEGIN IMMEDIATE` so the write lock is taken up front and a concurrent
    /// writer waits on the busy timeout instead of failing when it upgrades a read lock.
    public func transaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let begin = dialect == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN"
        return try await sql.withSession { session in
            try await session.raw(SQLQueryString(begin)).run()
            do {
                let result = try await body(session)
                try await session.raw("COMMIT").run()
                return result
            } catch {
                try? await session.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    public func close() async throws {
        try await closePool()
    }
}
