import AsyncKit
import Logging
import NIOCore
import PostgresKit
import SQLKit
import SQLiteKit

/// A connection that can present itself to SQLKit.
protocol SQLConnectionConvertible: ConnectionPoolItem, Sendable {
    func sqlDatabase() -> any SQLDatabase
}

extension SQLiteConnection: SQLConnectionConvertible {
    func sqlDatabase() -> any SQLDatabase { sql() }
}

extension PostgresConnection: SQLConnectionConvertible {
    func sqlDatabase() -> any SQLDatabase { sql() }
}

/// An `SQLDatabase` over a connection pool: each statement borrows a connection, and
/// `withSession` keeps one connection for a whole transaction.
struct PooledSQLDatabase<Source: ConnectionPoolSource>: SQLDatabase where Source.Connection: SQLConnectionConvertible {
    let box: PoolBox<Source>
    var pool: EventLoopConnectionPool<Source> { box.pool }
    let dialect: any SQLDialect
    let logger: Logger

    var eventLoop: any EventLoop { pool.eventLoop }
    var queryLogLevel: Logger.Level? { .trace }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        pool.withConnection { conn in conn.sqlDatabase().execute(sql: query, onRow) }
            .flatMapErrorThrowing { error in throw DatabaseBusy.translating(error) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await withSession { db in try await db.execute(sql: query, onRow) }
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        let connection: Source.Connection
        do {
            connection = try await pool.requestConnection(logger: logger).get()
        } catch {
            throw DatabaseBusy.translating(error)
        }
        do {
            let result = try await closure(connection.sqlDatabase())
            pool.releaseConnection(connection, logger: logger)
            return result
        } catch {
            pool.releaseConnection(connection, logger: logger)
            throw DatabaseBusy.translating(error)
        }
    }
}

/// Carries a pool across concurrency domains. Sound because every public method of
/// `EventLoopConnectionPool` hops onto the pool's own event loop before touching its state.
struct PoolBox<Source: ConnectionPoolSource>: @unchecked Sendable {
    let pool: EventLoopConnectionPool<Source>
}
