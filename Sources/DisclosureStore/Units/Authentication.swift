import DisclosureCore
import Foundation
import Logging
import SQLKit

/// What a login attempt came to.
public enum LoginOutcome: Sendable, Equatable {
    /// `sessionToken` goes in the cookie; only its hash is stored.
    case success(account: StaffAccount, sessionToken: String)
    /// Wrong username or password (the two are not told apart), or a disabled account.
    case rejected
    /// Too many recent failures for this username from this address, or from this address at
    /// all; try again after `until`. Said alike for unknown and existing usernames.
    case throttled(until: Date)
}

/// Staff login with throttling, database sessions and API tokens; every attempt is audited.
public struct Authentication: Sendable {
    let database: Database
    let clock: any WallClock
    let hasher: PasswordHasher
    public let sessionLifetime: TimeInterval
    /// Where an attack on an account is reported, besides the audit log and the dashboard.
    let logger: Logger

    public init(
        database: Database, clock: any WallClock, hasher: PasswordHasher, sessionLifetime: TimeInterval = 8 * 3600,
        logger: Logger = Logger(label: "disclosure.login")
    ) {
        self.database = database
        self.clock = clock
        self.hasher = hasher
        self.sessionLifetime = sessionLifetime
        self.logger = logger
    }

    /// Checks a password typed at `address` (the client's address as the web layer resolved it).
    ///
    /// Throttling comes first and does not look at the account, so a throttled answer says
    /// nothing about whether the username exists; unknown usernames spend the same bcrypt time
    /// and are counted like real ones (issue 17).
    public func login(username rawUsername: String, password: String, address: String) async throws -> LoginOutcome {
        let username = String(rawUsername.trimmingCharacters(in: .whitespaces).lowercased().prefix(64))
        let address = String(address.prefix(45))
        let now = clock.now()
        let target = "user:\(username.prefix(40))"
        let keys = LoginThrottle.keys(username: username, address: address)
        if let until = try await LoginThrottleRepository(database.sql).blockedUntil(keys, now: now) {
            try await audit(AuditEvent("login.throttled", target: target, ["address": address]), by: .anonymous, at: now)
            return .throttled(until: until)
        }
        let stored = try await StaffAccountRepository(database.sql).credentials(username: username)
        let matches: Bool
        if let stored {
            matches = try await hasher.verify(password, hash: stored.passwordHash)
        } else {
            // Spend the same time as a real check so response time does not reveal which usernames exist.
            try await hasher.verifyDecoy(password)
            matches = false
        }
        guard let stored, matches, stored.account.active else {
            let reason = stored == nil ? "unknown_user" : matches ? "disabled" : "wrong_password"
            let actor = stored.map { AuditActor.staff($0.account.identity) } ?? .anonymous
            return try await recordFailure(keys, reason: reason, actor: actor, target: target, address: address, now: now)
        }
        let token = SecretToken.generate()
        let lifetime = sessionLifetime
        let actor = AuditActor.staff(stored.account.identity)
        try await database.change(by: actor, at: now) { db in
            try await LoginThrottleRepository(db).clear(keys[0])
            try await SessionRepository(db).create(
                tokenHash: SecretToken.storedForm(token), userID: stored.account.id, at: now, expires: now.addingTimeInterval(lifetime))
            return ((), AuditEvent("login.success", target: target, ["address": address]))
        }
        return .success(account: stored.account, sessionToken: token)
    }

    private func recordFailure(
        _ keys: [LoginThrottle.Key], reason: String, actor: AuditActor, target: String, address: String, now: Date
    ) async throws -> LoginOutcome {
        let counts = try await database.change(by: actor, at: now) { db in
            let counts = try await LoginThrottleRepository(db).recordFailure(keys, now: now)
            var summary = ["reason": reason, "address": address, "failures": String(counts[0])]
            if counts[2] == LoginThrottle.attackThreshold { summary["alarm"] = "under_attack" }
            return (counts, AuditEvent("login.failed", target: target, summary))
        }
        if counts[2] == LoginThrottle.attackThreshold {
            logger.warning(
                "many failed logins for one account from several addresses",
                metadata: ["target": "\(target)", "failures": "\(counts[2])", "last_address": "\(address)"])
        }
        let coolOff = zip(keys, counts).map { LoginThrottle.coolOff(for: $0, failures: $1) }.max() ?? 0
        return coolOff > 0 ? .throttled(until: now.addingTimeInterval(coolOff)) : .rejected
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
