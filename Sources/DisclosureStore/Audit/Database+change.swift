import DisclosureCore
import Foundation
import SQLKit

extension Database {
    /// The one path for every state change: runs `body` and appends its audit entry in the same
    /// transaction, so a change without its entry (or an entry without its change) cannot exist.
    public func change<T: Sendable>(
        by actor: AuditActor, at now: Date,
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> (result: T, event: AuditEvent)
    ) async throws -> T {
        let dialect = self.dialect
        return try await transaction { db in
            let (result, event) = try await body(db)
            try await AuditLog.append(event, by: actor, at: now, on: db, dialect: dialect)
            return result
        }
    }
}
