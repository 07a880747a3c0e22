import AsyncKit
import DisclosureCore
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import SQLKit

/// The open database: a handle for reads, one path for writes, and shutdown.
///
/// On a SQLite file every write goes through one writer connection and reads through a pool of
/// readers in WAL mode (DESIGN §4, issue 17): SQLite admits one writer at a time anyway, and
/// letting several pooled connections race for its lock parked threads in the busy handler until
/// the whole server stalled. Writers now wait in an asynchronous queue that holds no connection
/// and no thread; a write that cannot start within `writeBudget` fails with `DatabaseBusy`
/// (HTTP 503 with Retry-After). PostgreSQL keeps one pool for both.
public final class Database: Sendable {
    public enum Dialect: Sendable { case sqlite, postgres }

    public let url: DatabaseURL
    public let dialect: Dialect
    /// Statement-at-a-time reads; each statement borrows a pooled connection. On a SQLite file
    /// these connections are read-only (`PRAGMA query_only`), so a write must use `transaction`.
    public let sql: any SQLDatabase
    /// Where transactions run: the single writer on a SQLite file, the shared pool otherwise.
    let writer: any SQLDatabase

    /// Statement-at-a-time writes on the writer, each its own transaction and **not audited**:
    /// for tests that tamper with rows on purpose and for housekeeping that records nothing a
    /// person did. Every change a person makes goes through `change(by:at:_:)`.
    public var unaudited: any SQLDatabase { writer }
    private let closeAll: @Sendable () async throws -> Void
    private let commits = NIOLockedValueBox<UInt64>(0)

    /// How many transactions this process has committed: a reader of derived data (the search
    /// index) asks the database for changes at once after one of its own, and less often otherwise.
    public var localCommits: UInt64 { commits.withLockedValue { $0 } }

    init(url: DatabaseURL, dialect: Dialect, sql: any SQLDatabase, writer: any SQLDatabase, close: @escaping @Sendable () async throws -> Void) {
        self.url = url
        self.dialect = dialect
        self.sql = sql
        self.writer = writer
        self.closeAll = close
    }

    /// How long a write waits for the writer (or any statement for a pooled connection) before it
    /// is refused as busy, unless `open` is given another.
    public static let defaultWriteBudget: TimeAmount = .seconds(10)

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
    /// SQLite starts with `BEGIN IMMEDIATE` so the write lock is taken up front (only another
    /// process, such as the CLI, can hold it: in this process the writer is already exclusive).
    public func transaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let begin = dialect == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN"
        return try await writer.withSession { session in
            try await session.raw(SQLQueryString(begin)).run()
            do {
                let result = try await body(session)
                try await session.raw("COMMIT").run()
                self.commits.withLockedValue { $0 &+= 1 }
                return result
            } catch {
                try? await session.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    public func close() async throws {
        try await closeAll()
    }
}
