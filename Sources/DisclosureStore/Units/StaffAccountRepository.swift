import DisclosureCore
import Foundation
import SQLKit

/// An account row with the secrets the login check needs.
public struct StoredCredentials: Sendable {
    public let account: StaffAccount
    public let passwordHash: String
    public let failedLogins: Int
}

/// A row of `staff_users`.
struct StaffUserRow: StoredRow {
    static let table = "staff_users"

    var id: Int?
    var username: String
    var displayName: String
    var passwordHash: String
    var role: Role
    var unitCode: String
    var active: Bool
    var failedLogins: Int
    var lockedUntil: String?
    var createdAt: String
    var passwordChangedAt: String?

    func account() throws -> StaffAccount {
        StaffAccount(
            id: id ?? 0, username: username, displayName: displayName, role: role, unitCode: unitCode, active: active,
            lockedUntil: try lockedUntil.map { try CorruptRow.timestamp($0, table: Self.table, column: "locked_until", id: "\(id ?? 0)") })
    }
}

/// Named queries over `staff_users`.
public struct StaffAccountRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func all() async throws -> [StaffAccount] {
        try await StaffUserRow.all(db.select().column("*").from(StaffUserRow.table).orderBy("unit_code").orderBy("username")).map { try $0.account() }
    }

    public func find(id: Int) async throws -> StaffAccount? {
        try await StaffUserRow.first(db.select().column("*").from(StaffUserRow.table).where("id", .equal, id))?.account()
    }

    public func find(username: String) async throws -> StaffAccount? {
        try await credentials(username: username)?.account
    }

    public func credentials(username: String) async throws -> StoredCredentials? {
        guard
            let row = try await StaffUserRow.first(db.select().column("*").from(StaffUserRow.table).where("username", .equal, username.lowercased()))
        else { return nil }
        return StoredCredentials(account: try row.account(), passwordHash: row.passwordHash, failedLogins: row.failedLogins)
    }

    public func insert(_ new: NewStaffAccount, passwordHash: String, at now: Date) async throws -> Int {
        let stamp = Timestamp.text(now)
        let row = StaffUserRow(
            id: nil, username: new.username, displayName: new.displayName, passwordHash: passwordHash, role: new.role, unitCode: new.unitCode,
            active: true, failedLogins: 0, lockedUntil: nil, createdAt: stamp, passwordChangedAt: stamp)
        return try await db.insert(into: StaffUserRow.table).model(row, with: StaffUserRow.insertEncoder)
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
}
