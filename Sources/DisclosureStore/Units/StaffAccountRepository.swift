import DisclosureCore
import Foundation
import SQLKit

/// An account row with the secrets the login check needs.
public struct StoredCredentials: Sendable {
    public let account: StaffAccount
    public let passwordHash: String
    public let failedLogins: Int
}

/// Named queries over `staff_users`.
public struct StaffAccountRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func all() async throws -> [StaffAccount] {
        try await db.select().column("*").from("staff_users").orderBy("unit_code").orderBy("username").all().map(Self.decode)
    }

    public func find(id: Int) async throws -> StaffAccount? {
        try await db.select().column("*").from("staff_users").where("id", .equal, id).first().map(Self.decode)
    }

    public func find(username: String) async throws -> StaffAccount? {
        try await credentials(username: username)?.account
    }

    public func credentials(username: String) async throws -> StoredCredentials? {
        guard let row = try await db.select().column("*").from("staff_users").where("username", .equal, username.lowercased()).first()
        else { return nil }
        return StoredCredentials(
            account: try Self.decode(row), passwordHash: try row.decode(column: "password_hash", as: String.self),
            failedLogins: try row.decode(column: "failed_logins", as: Int.self))
    }

    public func insert(_ new: NewStaffAccount, passwordHash: String, at now: Date) async throws -> Int {
        let stamp = Timestamp.text(now)
        return try await db.insert(into: "staff_users")
            .columns("username", "display_name", "password_hash", "role", "unit_code", "active", "failed_logins", "created_at", "password_changed_at")
            .values(
                SQLBind(new.username), SQLBind(new.displayName), SQLBind(passwordHash), SQLBind(new.role.rawValue),
                SQLBind(new.unitCode), SQLBind(true), SQLBind(0), SQLBind(stamp), SQLBind(stamp)
            )
            .returning("id").first(decodingColumn: "id", as: Int.self) ?? 0
    }

    public func setPassword(id: Int, hash: String, at now: Date) async throws {
        try await db.update("staff_users").set("password_hash", to: hash).set("password_changed_at", to: Timestamp.text(now))
            .set("failed_logins", to: 0).set("locked_until", to: String?.none)
            .where("id", .equal, id).run()
    }

    public func setActive(id: Int, _ active: Bool) async throws {
        try await db.update("staff_users").set("active", to: active).where("id", .equal, id).run()
    }

    public func update(id: Int, displayName: String, role: Role, unitCode: String) async throws {
        try await db.update("staff_users").set("display_name", to: displayName).set("role", to: role.rawValue)
            .set("unit_code", to: unitCode).where("id", .equal, id).run()
    }

    public func clearFailures(id: Int) async throws {
        try await db.update("staff_users").set("failed_logins", to: 0).set("locked_until", to: String?.none)
            .where("id", .equal, id).run()
    }

    static func decode(_ row: any SQLRow) throws -> StaffAccount {
        StaffAccount(
            id: try row.decode(column: "id", as: Int.self), username: try row.decode(column: "username", as: String.self),
            displayName: try row.decode(column: "display_name", as: String.self),
            role: Role(rawValue: try row.decode(column: "role", as: String.self)) ?? .auditor,
            unitCode: try row.decode(column: "unit_code", as: String.self), active: try row.decode(column: "active", as: Bool.self),
            lockedUntil: try row.decode(column: "locked_until", as: String?.self).flatMap(Timestamp.date))
    }
}
