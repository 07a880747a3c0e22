import Foundation

/// Whether the database answers, for `/healthz`: the one thing the web layer may ask of the
/// database itself.
public struct DatabaseHealth: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    public func check() async throws { try await database.checkReachable() }
}
