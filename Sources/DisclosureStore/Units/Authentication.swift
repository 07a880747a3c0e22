import DisclosureCore
import Foundation
import SQLKit

/// What a login attempt came to.
public enum LoginOutcome: Sendable, Equatable {
    /// `sessionToken` goes in the cookie; only its hash is stored.
    case success(account: StaffAccount, sessionToken: String)
    /// Wrong username or password (the two are not told apart), or a disabled account.
    case rejected
    /// Too many failures; try again after `until`.
    case locked(until: Date)
}

/// Staff login with lockout, database sessions and API tokens; every attempt is audited.
public struct Authentication: Sendable {
    let database: Database
    let clock: any WallClock
    let hasher: PasswordHasher
    public let sessionLifetime: TimeInterval

    public init(database: Database, clock: any WallClock, hasher: PasswordHasher, sessionLifetime: TimeInterval = 8 * 3600) {
        self.database = database
        self.clock = clock
        self.hasher = hasher
        self.sessionLifetime = sessionLifetime
    }

    public func login(username rawUsername: String, password: String) async throws -> LoginOutcome {
        let username = rawUsername.trimmingCharacters(in: .whitespaces).lowercased()
        let now = clock.now()
        let target = "user:\(username.prefix(40))"
        guard let stored = try await StaffAccountRepository(database.sql).credentials(username: username) else {
            // Spend the same time as a real check so response time does not reveal which usernames exist.
            try await hasher.verifyDecoy(password)
            try await audit(AuditEvent("login.failed", target: target, ["reason": "unknown_user"]), by: .anonymous, at: now)
            return .rejected
        }
        let actor = AuditActor.staff(stored.account.identity)
        if let until = stored.account.lockedUntil, until > now {
            try await audit(AuditEvent("login.locked", target: target), by: actor, at: now)
            return .locked(until: until)
        }
        let matches = try await hasher.verify(password, hash: stored.passwordHash)
        guard matches, stored.account.active else {
            return try await recordFailure(stored, inactive: matches, actor: actor, target: target, now: now)
        }
        let token = SecretToken.generate()
        let lifetime = sessionLifetime
        try await database.change(by: actor, at: now) { db in
            try await StaffAccountRepository(db).clearFailures(id: stored.account.id)
            try await SessionRepository(db).create(
                tokenHash: SecretToken.storedForm(token), userID: stored.account.id, at: now, expires: now.addingTimeInterval(lifetime))
            return ((), AuditEvent("login.success", target: target))
        }
        return .success(account: stored.account, sessionToken: token)
    }

    private func recordFailure(_ stored: StoredCredentials, inactive: Bool, actor: AuditActor, target: String, now: Date) async throws -> LoginOutcome
    {
        if inactive {
            try await audit(AuditEvent("login.failed", target: target, ["reason": "disabled"]), by: actor, at: now)
            return .rejected
        }
        let failures = stored.failedLogins + 1
        let lockUntil = LoginLockout.lockUntil(afterFailures: failures, now: now)
        try await database.change(by: actor, at: now) { db in
            // After a lock the count starts again, so the next lock needs another five failures.
            try await StaffAccountRepository(db).recordFailure(
                id: stored.account.id, failures: lockUntil == nil ? failures : 0, lockedUntil: lockUntil)
            var summary = ["reason": "wrong_password", "failures": String(failures)]
            if let lockUntil { summary["locked_until"] = Timestamp.text(lockUntil) }
            return ((), AuditEvent("login.failed", target: target, summary))
        }
        if let lockUntil { return .locked(until: lockUntil) }
        return .rejected
    }

    public func account(forSession token: String) async throws -> StaffAccount? {
        try await SessionRepository(database.sql).account(tokenHash: SecretToken.storedForm(token), now: clock.now())
    }

    public func logout(sessionToken token: String, account: StaffAccount) async throws {
        try await database.change(by: .staff(account.identity), at: clock.now()) { db in
            try await SessionRepository(db).delete(tokenHash: SecretToken.storedForm(token))
            return ((), AuditEvent("logout", target: "user:\(account.username)"))
        }
    }

    /// Creates an API token for `username`; the secret is returned once and never stored.
    public func createToken(username: String, name: String, by actor: AuditActor) async throws -> (id: Int, token: String) {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard name.count <= 60 else { throw DomainError.invalid("name", "令牌名称不能超过 60 个字") }
        let token = "dsc_" + SecretToken.generate()
        let id = try await database.change(by: actor, at: clock.now()) { [clock] db in
            guard let account = try await StaffAccountRepository(db).find(username: username) else {
                throw DomainError(.notFound, field: "user", "用户 \(username) 不存在")
            }
            guard account.active else { throw DomainError.invalid("user", "用户 \(username) 已停用，不能创建令牌") }
            let id = try await ApiTokenRepository(db).insert(
                userID: account.id, name: name.isEmpty ? "api" : name, tokenHash: SecretToken.storedForm(token), at: clock.now())
            return (id, AuditEvent("token.create", target: "token:\(id)", ["user": account.username, "name": name]))
        }
        return (id, token)
    }

    public func revokeToken(id: Int, by actor: AuditActor) async throws {
        let now = clock.now()
        try await database.change(by: actor, at: now) { db in
            guard try await ApiTokenRepository(db).revoke(id: id, at: now) else {
                throw DomainError(.notFound, field: "id", "令牌 \(id) 不存在或已撤销")
            }
            return ((), AuditEvent("token.revoke", target: "token:\(id)"))
        }
    }

    public func account(forToken token: String) async throws -> StaffAccount? {
        try await ApiTokenRepository(database.sql).account(tokenHash: SecretToken.storedForm(token))
    }

    private func audit(_ event: AuditEvent, by actor: AuditActor, at now: Date) async throws {
        try await database.change(by: actor, at: now) { _ in ((), event) }
    }
}
