import Foundation
import SQLKit

extension Database {
    /// Runs a background job on at most one instance at a time (DESIGN §8). On PostgreSQL a
    /// session advisory lock is held on one pooled connection for the job's duration and other
    /// instances skip the round; SQLite is one process per file, so it simply runs. Returns
    /// whether the job ran.
    ///
    /// Only job keys are accepted: the job's own writes take the transaction keys (the audit
    /// chain's among them) on other connections, so holding one of those here would make the job
    /// wait for itself and every other writer wait for the job.
    ///
    /// The lock is the job's key paired with the schema's (`hashtext(current_schema())`, in
    /// PostgreSQL's two-integer key space, apart from the transaction keys): advisory locks belong
    /// to the whole database, so two counties kept in two schemas of one database skipped each
    /// other's rounds — an hourly job skipped once waits an hour (found when the two-instance
    /// tests, each in a schema of its own, ran side by side).
    @discardableResult
    public func exclusiveJob(_ lock: AdvisoryLock, _ body: @escaping @Sendable () async throws -> Void) async throws -> Bool {
        precondition(lock.isJobLock, "\(lock) is a transaction lock, not a job lock")
        let key = Int32(lock.rawValue)
        guard dialect == .postgres else {
            try await body()
            return true
        }
        return try await sql.withSession { session in
            let acquired =
                try await session.raw("SELECT pg_try_advisory_lock(\(bind: key), hashtext(current_schema())) AS ok").first(
                    decodingColumn: "ok", as: Bool.self) ?? false
            guard acquired else { return false }
            do {
                try await body()
            } catch {
                _ = try? await session.raw("SELECT pg_advisory_unlock(\(bind: key), hashtext(current_schema()))").run()
                throw error
            }
            try await session.raw("SELECT pg_advisory_unlock(\(bind: key), hashtext(current_schema()))").run()
            return true
        }
    }
}
