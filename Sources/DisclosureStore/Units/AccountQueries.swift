import DisclosureCore
import Foundation

/// Reads of staff accounts and their login throttling, for the console and the API.
public struct AccountQueries: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    public func accounts() async throws -> [StaffAccount] { try await StaffAccountRepository(database.sql).all() }

    public func account(username: String) async throws -> StaffAccount? { try await StaffAccountRepository(database.sql).find(username: username) }

    /// Accounts whose failed logins crossed the warning line (the office's dashboard).
    public func accountsUnderAttack(now: Date) async throws -> [ThrottleCounter] {
        try await LoginThrottleRepository(database.sql).accountsUnderAttack(now: now)
    }

    /// Counters now cooling off (the users list marks those accounts).
    public func coolingOff(now: Date) async throws -> [ThrottleCounter] { try await LoginThrottleRepository(database.sql).coolingOff(now: now) }

    public func throttleCounters(username: String) async throws -> [ThrottleCounter] {
        try await LoginThrottleRepository(database.sql).counters(username: username)
    }
}
