import AsyncKit
import Logging
import NIOCore
import SQLiteKit

/// Opens SQLite connections with the settings DESIGN §4 asks for: foreign keys on, a finite busy
/// timeout (sqlite-nio's default handler retries forever), and WAL for files.
struct SQLiteSource: ConnectionPoolSource {
    let storage: SQLiteConnection.Storage
    let isFile: Bool

    func makeConnection(logger: Logger, on eventLoop: any EventLoop) -> EventLoopFuture<SQLiteConnection> {
        SQLiteConnection.open(storage: storage, threadPool: .singleton, logger: logger, on: eventLoop).flatMap { conn in
            var pragmas = ["PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 5000"]
            if isFile {
                // Memory-mapped reads and a 64 MiB page cache per connection keep the search index hot.
                pragmas += [
                    "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA mmap_size = 2147483648", "PRAGMA cache_size = -65536",
                ]
            }
            return pragmas.reduce(eventLoop.makeSucceededVoidFuture()) { future, pragma in
                future.flatMap { conn.query(pragma).map { _ in } }
            }.map { conn }
        }
    }
}
