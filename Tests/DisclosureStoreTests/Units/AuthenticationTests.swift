import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Testing

@Suite("Accounts and login")
struct AuthenticationTests {
    static let password = "Shifan2026county"

    /// A county, a department and one editor account.
    static func seed(_ database: Database, clock: FixedClock) async throws -> (AccountService, Authentication) {
        let units = UnitService(database: database, clock: clock)
        try await units.create(UnitAdministrationTests.county, by: .system)
        try await units.create(UnitAdministrationTests.finance, by: .system)
        let hasher = PasswordHasher(cost: 4)
        let accounts = AccountService(database: database, clock: clock, hasher: hasher)
        try await accounts.create(
            try NewStaffAccount(username: "editor", displayName: "编辑", role: "editor", unitCode: "CZJ"), password: password, by: .system)
        return (accounts, Authentication(database: database, clock: clock, hasher: hasher))
    }

    @Test("a right password opens a session that resolves to the account", arguments: TestDatabase.kinds)
    func login(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let clock = FixedClock()
            let (_, auth) = try await Self.seed(database, clock: clock)
            guard case .success(let account, let token) = try await auth.login(username: "Editor", password: Self.password, address: Self.home) else {
                Issue.record("login failed")
                return
            }
            #expect(account.username == "editor")
            #expect(try await auth.account(forSession: token)?.username == "editor")
            #expect(try await auth.account(forSession: "not-a-token") == nil)
            // Sessions expire.
            clock.advance(by: auth.sessionLifetime + 1)
            #expect(try await auth.account(forSession: token) == nil)
            #expect(try await AuditLog.recent(on: database.sql, limit: 1).first?.action == "login.success")
        }
    }

    static let home = "192.0.2.10"
    static let attacker = "203.0.113.66"

    @Test("wrong passwords from one address cool that address off, never the owner elsewhere", arguments: TestDatabase.kinds)
    func throttle(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let clock = FixedClock()
            let (accounts, auth) = try await Self.seed(database, clock: clock)
            for _ in 1...4 { #expect(try await auth.login(username: "editor", password: "wrong-password-1", address: Self.attacker) == .rejected) }
            let fifth = try await auth.login(username: "editor", password: "wrong-password-1", address: Self.attacker)
            #expect(fifth == .throttled(until: clock.now().addingTimeInterval(30)))
            // The attacker's address is refused even with the right password ...
            #expect(try await auth.login(username: "editor", password: Self.password, address: Self.attacker) == fifth)
            // ... while the owner, at the office, signs in.
            guard case .success = try await auth.login(username: "editor", password: Self.password, address: Self.home) else {
                Issue.record("the owner was locked out by someone else's failures")
                return
            }
            // Each further failure after the cool-off doubles it.
            clock.advance(by: 31)
            #expect(
                try await auth.login(username: "editor", password: "wrong-password-1", address: Self.attacker)
                    == .throttled(until: clock.now().addingTimeInterval(60)))
            // The office can clear every cool-off of the account.
            try await accounts.unlock(username: "editor", by: .commandLine)
            guard case .success = try await auth.login(username: "editor", password: Self.password, address: Self.attacker) else {
                Issue.record("unlock did not work")
                return
            }
            let actions = try await AuditLog.recent(on: database.sql, limit: 100).map(\.action)
            #expect(actions.filter { $0 == "login.failed" }.count == 6)
            #expect(actions.filter { $0 == "login.throttled" }.count == 1)
            #expect(actions.contains("user.unlock"))
        }
    }

    @Test("an unknown username is counted, refused and throttled exactly like a real one", arguments: TestDatabase.kinds)
    func noOracle(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let clock = FixedClock()
            let (_, auth) = try await Self.seed(database, clock: clock)
            var real: [LoginOutcome] = []
            var unknown: [LoginOutcome] = []
            for _ in 1...7 {
                real.append(try await auth.login(username: "editor", password: "wrong-password-1", address: Self.attacker))
                unknown.append(try await auth.login(username: "nobody", password: "wrong-password-1", address: "198.51.100.9"))
            }
            #expect(real == unknown)
            #expect(real.last == .throttled(until: clock.now().addingTimeInterval(30)))
        }
    }

    @Test("twenty failures on one account from many addresses raise the alarm without blocking the owner", arguments: TestDatabase.kinds)
    func alarm(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let clock = FixedClock()
            let (_, auth) = try await Self.seed(database, clock: clock)
            for index in 1...LoginThrottle.attackThreshold {
                _ = try await auth.login(username: "editor", password: "wrong-password-1", address: "203.0.113.\(index)")
            }
            let attacked = try await LoginThrottleRepository(database.sql).accountsUnderAttack(now: clock.now())
            #expect(attacked.map(\.key) == ["acct:editor"])
            #expect(attacked.first?.failures == LoginThrottle.attackThreshold)
            guard case .success = try await auth.login(username: "editor", password: Self.password, address: Self.home) else {
                Issue.record("a distributed attack locked the owner out")
                return
            }
            let alarms = try await AuditLog.recent(on: database.sql, limit: 100).filter { $0.summary.contains("under_attack") }
            #expect(alarms.count == 1)
        }
    }

    @Test("unknown users and disabled accounts are rejected alike", arguments: TestDatabase.kinds)
    func rejected(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let clock = FixedClock()
            let (accounts, auth) = try await Self.seed(database, clock: clock)
            #expect(try await auth.login(username: "nobody", password: Self.password, address: Self.home) == .rejected)
            guard case .success(_, let token) = try await auth.login(username: "editor", password: Self.password, address: Self.home) else {
                Issue.record("login failed")
                return
            }
            try await accounts.setActive(username: "editor", false, by: .commandLine)
            #expect(try await auth.account(forSession: token) == nil)
            #expect(try await auth.login(username: "editor", password: Self.password, address: Self.home) == .rejected)
        }
    }

    @Test("account rules: weak password, duplicate name, unknown unit", arguments: TestDatabase.kinds)
    func accountRules(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let (accounts, _) = try await Self.seed(database, clock: FixedClock())
            let reviewer = try NewStaffAccount(username: "reviewer", displayName: "", role: "reviewer", unitCode: "CZJ")
            await #expect(throws: DomainError.self) { try await accounts.create(reviewer, password: "weak", by: .system) }
            let duplicate = try NewStaffAccount(username: "editor", displayName: "", role: "editor", unitCode: "CZJ")
            await #expect(throws: DomainError.self) { try await accounts.create(duplicate, password: Self.password, by: .system) }
            let nowhere = try NewStaffAccount(username: "ghost", displayName: "", role: "editor", unitCode: "NOPE")
            await #expect(throws: DomainError.self) { try await accounts.create(nowhere, password: Self.password, by: .system) }
            #expect(try await StaffAccountRepository(database.sql).all().map(\.username) == ["editor"])
        }
    }

    @Test("API tokens authenticate until revoked and are stored only as hashes", arguments: TestDatabase.kinds)
    func tokens(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let (_, auth) = try await Self.seed(database, clock: FixedClock())
            let (id, token) = try await auth.createToken(username: "editor", name: "报表工具", by: .commandLine)
            #expect(token.hasPrefix("dsc_"))
            #expect(try await auth.account(forToken: token)?.username == "editor")
            let stored = try await database.sql.select().column("token_hash").from("api_tokens").all(decodingColumn: "token_hash", as: String.self)
            #expect(stored == [SecretToken.storedForm(token)])
            try await auth.revokeToken(id: id, by: .commandLine)
            #expect(try await auth.account(forToken: token) == nil)
            await #expect(throws: DomainError.self) { try await auth.revokeToken(id: id, by: .commandLine) }
        }
    }

    @Test("changing a password ends the account's sessions", arguments: TestDatabase.kinds)
    func passwordChange(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let (accounts, auth) = try await Self.seed(database, clock: FixedClock())
            guard case .success(_, let token) = try await auth.login(username: "editor", password: Self.password, address: Self.home) else {
                Issue.record("login failed")
                return
            }
            try await accounts.setPassword(username: "editor", password: "Another2026pass", by: .commandLine)
            #expect(try await auth.account(forSession: token) == nil)
            #expect(try await auth.login(username: "editor", password: Self.password, address: Self.home) == .rejected)
        }
    }
}
