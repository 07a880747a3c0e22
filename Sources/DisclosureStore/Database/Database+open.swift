import AsyncKit
import DisclosureCore
import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit
import SQLiteKit

extension Database {
    /// Opens (and for SQLite files, creates with its folder) the database at `url`.
    public static func open(
        _ url: DatabaseURL, logger: Logger = Logger(label: "disclosure.db"), writeBudget: TimeAmount = defaultWriteBudget
    ) async throws -> Database {
        let eventLoop = MultiThreadedEventLoopGroup.singleton.any()
        switch url {
        case .sqliteFile(let path):
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw DomainError.invalid("database", "无法创建数据库目录 \(folder.path)")
            }
            return try await sqliteFile(url, path: path, eventLoop: eventLoop, logger: logger, writeBudget: writeBudget)
        case .sqliteMemory:
            // One connection for everything: an in-memory database lives as long as its connection.
            let pool = EventLoopConnectionPool(
                source: SQLiteSource(storage: .memory, role: .memory, threadPool: .singleton), maxConnections: 1,
                requestTimeout: writeBudget, pruneInterval: nil, logger: logger, on: eventLoop)
            let box = PoolBox(pool: pool)
            let sql = PooledSQLDatabase(box: box, dialect: SQLiteDialect(), logger: logger)
            let db = Database(url: url, dialect: .sqlite, sql: sql, writer: sql, close: { try await box.pool.close().get() })
            try await db.checkReachableOrClose()
            return db
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
                requestTimeout: writeBudget, pruneInterval: .seconds(60), logger: logger, on: eventLoop)
            let box = PoolBox(pool: pool)
            let sql = PooledSQLDatabase(box: box, dialect: PostgresDialect(), logger: logger)
            let db = Database(url: url, dialect: .postgres, sql: sql, writer: sql, close: { try await box.pool.close().get() })
            try await db.checkReachableOrClose()
            return db
        }
    }

    /// Readers: four read-only connections on their own threads. Writer: one connection on a
    /// thread of its own, so a burst of searches can never delay a commit and a write waiting for
    /// its turn holds neither a thread nor a connection.
    private static func sqliteFile(
        _ url: DatabaseURL, path: String, eventLoop: any EventLoop, logger: Logger, writeBudget: TimeAmount
    ) async throws -> Database {
        let readers = 4
        let readerThreads = NIOThreadPool(numberOfThreads: readers)
        let writerThread = NIOThreadPool(numberOfThreads: 1)
        readerThreads.start()
        writerThread.start()
        // The writer opens first: it switches the file to WAL, which read-only connections cannot do.
        let writerPool = EventLoopConnectionPool(
            source: SQLiteSource(storage: .file(path: path), role: .writer, threadPool: writerThread), maxConnections: 1,
            requestTimeout: writeBudget, pruneInterval: nil, logger: logger, on: eventLoop)
        let readerPool = EventLoopConnectionPool(
            source: SQLiteSource(storage: .file(path: path), role: .reader, threadPool: readerThreads), maxConnections: readers,
            pruneInterval: nil, logger: logger, on: eventLoop)
        let writerBox = PoolBox(pool: writerPool)
        let readerBox = PoolBox(pool: readerPool)
        let writer = PooledSQLDatabase(box: writerBox, dialect: SQLiteDialect(), logger: logger)
        let reader = PooledSQLDatabase(box: readerBox, dialect: SQLiteDialect(), logger: logger)
        let db = Database(
            url: url, dialect: .sqlite, sql: reader, writer: writer,
            close: {
                try await readerBox.pool.close().get()
                try await writerBox.pool.close().get()
                try await readerThreads.shutdownGracefully()
                try await writerThread.shutdownGracefully()
            })
        do {
            // The first writer connection opens the file and switches it to WAL. On a loaded machine
            // that can take longer than a short write budget, and nothing else can hold the writer
            // yet, so a busy answer here only means "not open yet": try again for up to 10 s.
            let deadline = ContinuousClock.now + .seconds(10)
            while true {
                do {
                    _ = try await writer.raw("SELECT 1 AS one").first()
                    break
                } catch let error where DatabaseBusy.translating(error) is DatabaseBusy && ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(50))
                }
            }
            try await db.checkReachable()
        } catch {
            try? await db.close()
            throw DomainError.invalid("database", "无法打开数据库 \(url)")
        }
        return db
    }

    /// `checkReachable`, closing the pools when it fails: a pool released without shutting down
    /// stops the process, which turned an unreachable server into a crash instead of one line.
    private func checkReachableOrClose() async throws {
        do {
            try await checkReachable()
        } catch {
            try? await close()
            throw error
        }
    }
}
