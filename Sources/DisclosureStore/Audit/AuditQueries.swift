import DisclosureCore
import Foundation

/// Reads of the audit log: the latest entries (optionally for one target) and the chain check.
public struct AuditQueries: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    public func recent(limit: Int, beforeID: Int? = nil, target: String? = nil) async throws -> [AuditRecord] {
        try await AuditLog.recent(on: database.sql, limit: limit, beforeID: beforeID, target: target)
    }

    /// Walks the hash chain; the first broken link, if any.
    public func verify() async throws -> (checked: Int, firstBreak: AuditChainBreak?) { try await AuditLog.verify(on: database.sql) }
}
