import Foundation
import SQLKit

extension Database {
    /// Runs a background job on at most one instance at a time (DESIGN §8). On PostgreSQL a
    /// session advisory lock is held on one pooled connection for the job's duration and other
    /// instances skip the round; SQLite is one process per file, so it simply runs. Returns
    /// whether the job ran.
    @discardableResult
    public func exclusiveJob(_ key: Int64, _ body: @escaping @Sendable () async throws -> Void) async throws -> Bool {
        guard dialect == .postgres else {
            try await body()
            return true
        }
        return try await sql.withSession { session in
            let acquired =
                try await session.raw("SELECT pg_try_advisory_lock(\(bind: key)) AS ok").first(decodingColumn: "ok", as: Bool.self) ?? false
            guard acquired else { return false }
            do {
                try await body()
            } catch {
                _ = try? await session.raw("SELECT pg_advisory_unlock(\(bind: key))").run()
                throw error
            }
            try await session.raw("SELECT pg_advisory_unlock(\(bind: key))").run()
            return true
        }
    }
}
