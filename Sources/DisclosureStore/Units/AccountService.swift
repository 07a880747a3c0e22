import DisclosureCore
import Foundation
import SQLKit

/// Creating accounts, setting passwords, enabling and disabling: validation and audit for web and CLI.
public struct AccountService: Sendable {
    let database: Database
    let clock: any WallClock
    let hasher: PasswordHasher

    public init(database: Database, clock: any WallClock, hasher: PasswordHasher) {
        self.database = database
        self.clock = clock
        self.hasher = hasher
    }

    /// Creates an account; the password must pass `PasswordPolicy`. Returns the new id.
    @discardableResult
    public func create(_ new: NewStaffAccount, password: String, by actor: AuditActor) async throws -> Int {
        try PasswordPolicy.check(password, username: new.username)
        let hash = try await hasher.hash(password)
        let now = clock.now()
        return try await database.change(by: actor, at: now) { db in
            guard try await UnitRepository(db).find(new.unitCode) != nil else {
                throw DomainError.invalid("unit", "单位 \(new.unitCode) 不存在")
            }
            let accounts = StaffAccountRepository(db)
            if try await accounts.find(username: new.username) != nil {
                throw DomainError(.conflict, field: "username", "用户名 \(new.username) 已被使用")
            }
            let id = try await accounts.insert(new, passwordHash: hash, at: now)
            let event = AuditEvent("user.create", target: "user:\(new.username)", ["role": new.role.rawValue, "unit": new.unitCode])
            return (id, event)
        }
    }

    public func setPassword(username: String, password: String, by actor: AuditActor) async throws {
        try PasswordPolicy.check(password, username: username)
        let hash = try await hasher.hash(password)
        let now = clock.now()
        try await database.change(by: actor, at: now) { db in
            let accounts = StaffAccountRepository(db)
            let account = try await Self.existing(username, in: accounts)
            try await accounts.setPassword(id: account.id, hash: hash, at: now)
            // A new password ends every session opened with the old one.
            try await SessionRepository(db).deleteAll(userID: account.id)
            return ((), AuditEvent("user.password", target: "user:\(account.username)"))
        }
    }

    /// A staff member changes their own password; the current one must be given.
    public func changeOwnPassword(username: String, current: String, new password: String, by actor: AuditActor) async throws {
        guard let stored = try await StaffAccountRepository(database.sql).credentials(username: username),
            try await hasher.verify(current, hash: stored.passwordHash)
        else { throw DomainError.invalid("current", "当前密码不正确") }
        try await setPassword(username: username, password: password, by: actor)
    }

    public func setActive(username: String, _ active: Bool, by actor: AuditActor) async throws {
        try await database.change(by: actor, at: clock.now()) { db in
            let accounts = StaffAccountRepository(db)
            let account = try await Self.existing(username, in: accounts)
            if !active && actor.name == account.username {
                throw DomainError.invalid("username", "不能停用自己的账号")
            }
            try await accounts.setActive(id: account.id, active)
            if !active { try await SessionRepository(db).deleteAll(userID: account.id) }
            return ((), AuditEvent(active ? "user.enable" : "user.disable", target: "user:\(account.username)"))
        }
    }

    public func update(username: String, displayName: String, role: Role, unitCode: String, by actor: AuditActor) async throws {
        try await database.change(by: actor, at: clock.now()) { db in
            let accounts = StaffAccountRepository(db)
            let account = try await Self.existing(username, in: accounts)
            guard try await UnitRepository(db).find(unitCode) != nil else {
                throw DomainError.invalid("unit", "单位 \(unitCode) 不存在")
            }
            try await accounts.update(id: account.id, displayName: displayName, role: role, unitCode: unitCode)
            // Role or unit changes take effect at the next login.
            try await SessionRepository(db).deleteAll(userID: account.id)
            let summary = ["role": role.rawValue, "unit": unitCode, "before": "\(account.role.rawValue)/\(account.unitCode)"]
            return ((), AuditEvent("user.update", target: "user:\(account.username)", summary))
        }
    }

    public func unlock(username: String, by actor: AuditActor) async throws {
        try await database.change(by: actor, at: clock.now()) { db in
            let accounts = StaffAccountRepository(db)
            let account = try await Self.existing(username, in: accounts)
            try await accounts.clearFailures(id: account.id)
            // Every cool-off of this username, from every address (issue 17 throttle).
            try await LoginThrottleRepository(db).clearAccount(username: account.username)
            return ((), AuditEvent("user.unlock", target: "user:\(account.username)"))
        }
    }

    static func existing(_ username: String, in accounts: StaffAccountRepository) async throws -> StaffAccount {
        guard let account = try await accounts.find(username: username) else {
            throw DomainError(.notFound, field: "username", "用户 \(username) 不存在")
        }
        return account
    }
}
