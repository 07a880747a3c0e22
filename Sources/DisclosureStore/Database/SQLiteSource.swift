import AsyncKit
import Logging
import NIOCore
import NIOPosix
import SQLiteKit

/// Opens SQLite connections with the settings DESIGN §4 asks for: foreign keys on, a finite busy
/// timeout (sqlite-nio's default handler retries forever), and WAL for files.
struct SQLiteSource: ConnectionPoolSource {
    enum Role: Sendable {
        /// The one connection of a file database that writes.
        case writer
        /// A read-only connection of a file database: a stray write fails at once instead of
        /// queueing for the lock behind the writer.
        case reader
        /// The single connection of an in-memory database, which does both.
        case memory
    }

    let storage: SQLiteConnection.Storage
    let role: Role
    let threadPool: NIOThreadPool

    func makeConnection(logger: Logger, on eventLoop: any EventLoop) -> EventLoopFuture<SQLiteConnection> {
        SQLiteConnection.open(storage: storage, threadPool: threadPool, logger: logger, on: eventLoop).flatMap { conn in
            var pragmas = ["PRAGMA foreign_keys = ON"]
            switch role {
            case .writer:
                // Only another process (the CLI, a backup) can hold the lock; wait for it briefly.
                pragmas += ["PRAGMA busy_timeout = 5000", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA cache_size = -65536"]
            case .reader:
                // A 16 MiB page cache per connection and no memory map: four readers each mapping a
                // multi-gigabyte file counted every page they touched four times in the server's
                // resident memory (issue 20 measures it); the OS page cache still holds the file.
                pragmas += ["PRAGMA busy_timeout = 5000", "PRAGMA query_only = ON", "PRAGMA mmap_size = 0", "PRAGMA cache_size = -16384"]
            case .memory:
                pragmas += ["PRAGMA busy_timeout = 5000"]
            }
            return pragmas.reduce(eventLoop.makeSucceededVoidFuture()) { future, pragma in
                future.flatMap { conn.query(pragma).map { _ in } }
            }.map { conn }
        }
    }
}
