import AsyncKit
import SQLiteKit

/// The database could not take the work within its budget: the writer queue is too long, the
/// pool has no free connection, or another process holds SQLite's lock. Nothing was changed;
/// the web layer answers 503 with `Retry-After` and the CLI asks to run the command again.
public struct DatabaseBusy: Error, Sendable, CustomStringConvertible {
    /// Seconds a client should wait before trying again.
    public let retryAfter: Int

    public init(retryAfter: Int = 2) { self.retryAfter = retryAfter }

    public var description: String { "系统繁忙，数据库暂时无法处理写入，请 \(retryAfter) 秒后重试。" }

    /// `error` itself when it is not a busy condition, otherwise a `DatabaseBusy`.
    static func translating(_ error: any Error) -> any Error {
        switch error {
        case ConnectionPoolTimeoutError.connectionRequestTimeout:
            return DatabaseBusy()
        case let sqlite as SQLiteError where [.busy, .busyTimeout, .busyInRecovery, .busyInSnapshot, .locked].contains(sqlite.reason):
            return DatabaseBusy()
        default:
            return error
        }
    }
}
