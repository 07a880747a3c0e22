import DisclosureCore
import Foundation
import SQLKit

/// One throttle counter as stored.
public struct ThrottleCounter: Sendable, Equatable {
    public let key: String
    public let failures: Int
    public let lastFailure: Date
    public let blockedUntil: Date?

    /// The username of a `pair:` or `acct:` counter.
    public var username: String? { LoginThrottle.Key(text: key)?.username }

    /// The address of a `pair:` or `addr:` counter.
    public var address: String? { LoginThrottle.Key(text: key)?.address }
}

/// Named queries over `login_throttle`, the failure counters of `LoginThrottle`.
public struct LoginThrottleRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// The latest cool-off end among `keys` that is still in the future at `now`.
    public func blockedUntil(_ keys: [LoginThrottle.Key], now: Date) async throws -> Date? {
        let rows = try await db.select().column("blocked_until").from("login_throttle")
            .where("key", .in, keys.map(\.text)).where("blocked_until", .greaterThan, Timestamp.text(now)).all()
        return try rows.compactMap { row -> Date? in
            guard let text = try row.decode(column: "blocked_until", as: String?.self) else { return nil }
            return Timestamp.date(text)
        }.max()
    }

    /// Counts one more failure against each key and returns the new counts, in the keys' order.
    public func recordFailure(_ keys: [LoginThrottle.Key], now: Date) async throws -> [Int] {
        var counts: [Int] = []
        for key in keys {
            let row = try await db.select().columns("failures", "last_failure_at").from("login_throttle").where("key", .equal, key.text).first()
            let previous = try row?.decode(column: "failures", as: Int.self) ?? 0
            let last = try row.map { try $0.decode(column: "last_failure_at", as: String.self) }.flatMap(Timestamp.date)
            let failures = LoginThrottle.failures(after: previous, lastFailure: last, now: now)
            let coolOff = LoginThrottle.coolOff(for: key, failures: failures)
            let blocked = coolOff > 0 ? Timestamp.text(now.addingTimeInterval(coolOff)) : nil
            if row == nil {
                try await db.insert(into: "login_throttle").columns("key", "failures", "last_failure_at", "blocked_until")
                    .values(SQLBind(key.text), SQLBind(failures), SQLBind(Timestamp.text(now)), SQLBind(blocked)).run()
            } else {
                try await db.update("login_throttle").set("failures", to: failures).set("last_failure_at", to: Timestamp.text(now))
                    .set("blocked_until", to: blocked).where("key", .equal, key.text).run()
            }
            counts.append(failures)
        }
        return counts
    }

    /// A successful login from this address clears its pair counter (the owner is back in).
    public func clear(_ key: LoginThrottle.Key) async throws {
        try await db.delete(from: "login_throttle").where("key", .equal, key.text).run()
    }

    /// The office's unlock: every counter of one username, from every address.
    public func clearAccount(username: String) async throws {
        try await db.delete(from: "login_throttle").where("key", .equal, LoginThrottle.Key.account(username).text).run()
        try await db.delete(from: "login_throttle").where(Self.hasPrefix(Self.pairPrefix(username))).run()
    }

    /// Counters of one username: its cool-offs by address, and the account-wide count.
    public func counters(username: String) async throws -> [ThrottleCounter] {
        try await db.select().column("*").from("login_throttle")
            .where { group in
                group.where("key", .equal, LoginThrottle.Key.account(username).text)
                    .orWhere(Self.hasPrefix(Self.pairPrefix(username)))
            }
            .orderBy("key").all().map(Self.decode)
    }

    /// Counters whose cool-off has not ended at `now`.
    public func coolingOff(now: Date) async throws -> [ThrottleCounter] {
        try await db.select().column("*").from("login_throttle").where("blocked_until", .greaterThan, Timestamp.text(now))
            .orderBy("key").all().map(Self.decode)
    }

    /// Usernames that failed at least `LoginThrottle.attackThreshold` times within the last hour.
    public func accountsUnderAttack(now: Date) async throws -> [ThrottleCounter] {
        try await db.select().column("*").from("login_throttle")
            .where(Self.hasPrefix("acct:"))
            .where("failures", .greaterThanOrEqual, LoginThrottle.attackThreshold)
            .where("last_failure_at", .greaterThan, Timestamp.text(now.addingTimeInterval(-LoginThrottle.memory)))
            .orderBy("failures", .descending).all().map(Self.decode)
    }

    /// Every `pair:` key of `username` starts like this (the text of `.accountFromAddress` with an empty address).
    static func pairPrefix(_ username: String) -> String {
        LoginThrottle.Key.accountFromAddress(username: username, address: "").text
    }

    /// `key` starts with `prefix`, spelled without LIKE so `_` in a username matches only itself.
    static func hasPrefix(_ prefix: String) -> any SQLExpression {
        SQLBinaryExpression(
            SQLFunction("substr", args: SQLColumn("key"), SQLLiteral.numeric("1"), SQLLiteral.numeric(String(prefix.count))), .equal,
            SQLBind(prefix))
    }

    static func decode(_ row: any SQLRow) throws -> ThrottleCounter { try ThrottleRow.read(row).counter() }
}

/// A row of `login_throttle` as read.
struct ThrottleRow: StoredRow {
    static let table = "login_throttle"
    static let idColumn = "key"

    var key: String
    var failures: Int
    var lastFailureAt: String
    var blockedUntil: String?

    func counter() throws -> ThrottleCounter {
        ThrottleCounter(
            key: key, failures: failures, lastFailure: try CorruptRow.timestamp(lastFailureAt, table: Self.table, column: "last_failure_at", id: key),
            blockedUntil: try blockedUntil.map { try CorruptRow.timestamp($0, table: Self.table, column: "blocked_until", id: key) })
    }
}
