import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Testing

@Suite("Accounts and login")
struct AuthenticationTests {
    static let password = "Shifan2026county"

    /// A county, a department and one editor account.
    static func seed(_ database: Database, clock: FixedClock) async throws -> (AccountAdministration, Authentication) {
        let units = UnitAdministration(database: database, clock: clock)
        try await units.create(UnitAdministrationTests.county, by: .system)
        try await units.create(UnitAdministrationTests.finance, by: .system)
        let hasher = PasswordHasher(cost: 4)
        let accounts = AccountAdministration(database: database, clock: clock, hasher: hasher)
        try await accounts.create(
            try NewStaffAccount(username: "editor", displayName: "编辑", role: "editor", unitCode: "CZJ"), password: password, by: .system)
        return (accounts, Authentication(database: database, clock: clock, hasher: hasher))
    }

    @Test("a right password opens a session that resolves to the account", arguments: TestDatabase.kinds)
    func login(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let clock = FixedClock()
            let (_, auth) = try await Self.seed(database, clock: clock)
            guard case .success(let account, let token) = try await auth.login(username: "Editor", password: Self.password) else {
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

    @Test("five wrong passwords lock the account for fifteen minutes", arguments: TestDatabase.kinds)
    func lockout(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let clock = FixedClock()
            let (accounts, auth) = try await Self.seed(database, clock: clock)
            for _ in 1...4 { #expect(try await auth.login(username: "editor", password: "wrong-password-1") == .rejected) }
            guard case .locked(let until) = try await auth.login(username: "editor", password: "wrong-password-1") else {
                Issue.record("fifth failure did not lock")
                return
            }
            #expect(until == clock.now().addingTimeInterval(900))
            // Even the right password is refused while locked.
            #expect(try await auth.login(username: "editor", password: Self.password) == .locked(until: until))
            clock.advance(by: 901)
            guard case .success = try await auth.login(username: "editor", password: Self.password) else {
                Issue.record("lock did not expire")
                return
            }
            // The office can also clear a lock.
            for _ in 1...5 { _ = try await auth.login(username: "editor", password: "wrong-password-1") }
            try await accounts.unlock(username: "editor", by: .commandLine)
            guard case .success = try await auth.login(username: "editor", password: Self.password) else {
                Issue.record("unlock did not work")
                return
            }
            let actions = try await AuditLog.recent(on: database.sql, limit: 100).map(\.action)
            #expect(actions.filter { $0 == "login.failed" }.count == 10)
            #expect(actions.contains("login.locked"))
            #expect(actions.contains("user.unlock"))
        }
    }

    @Test("unknown users and disabled accounts are rejected alike", arguments: TestDatabase.kinds)
    func rejected(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let clock = FixedClock()
            let (accounts, auth) = try await Self.seed(database, clock: clock)
            #expect(try await auth.login(username: "nobody", password: Self.password) == .rejected)
            guard case .success(_, let token) = try await auth.login(username: "editor", password: Self.password) else {
                Issue.record("login failed")
                return
            }
            try await accounts.setActive(username: "editor", false, by: .commandLine)
            #expect(try await auth.account(forSession: token) == nil)
            #expect(try await auth.login(username: "editor", password: Self.password) == .rejected)
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
            guard case .success(_, let token) = try await auth.login(username: "editor", password: Self.password) else {
                Issue.record("login failed")
                return
            }
            try await accounts.setPassword(username: "editor", password: "Another2026pass", by: .commandLine)
            #expect(try await auth.account(forSession: token) == nil)
            #expect(try await auth.login(username: "editor", password: Self.password) == .rejected)
        }
    }
}
