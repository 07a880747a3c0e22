import SQLKit

/// One numbered, append-only schema change. A committed migration is never edited.
public protocol Migration: Sendable {
    /// Position in `AllMigrations.list`, starting at 1.
    var version: Int { get }
    /// One line saying why the change exists.
    var reason: String { get }
    func apply(on db: any SQLDatabase, dialect: Database.Dialect) async throws
}
