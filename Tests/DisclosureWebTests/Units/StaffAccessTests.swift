import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Hummingbird
import Testing

@Suite("Roles and scope in the console")
struct StaffAccessTests {
    @Test(
        "anonymous visitors are sent to the login page",
        arguments: ["/staff", "/staff/units", "/staff/users", "/staff/calendar", "/staff/audit", "/staff/account"])
    func anonymous(path: String) async throws {
        try await WebHarness.run(.sqlite) { browser, _ in
            let page = try await browser.get(path)
            #expect(page.status == .seeOther)
            #expect(page.location == "/staff/login")
        }
    }

    @Test(
        "each role sees only what it may",
        arguments: [
            ("editor", "/staff/users", HTTPResponse.Status.forbidden), ("editor", "/staff/audit", .forbidden), ("editor", "/staff/units", .ok),
            ("editor", "/staff/calendar", .ok), ("reviewer", "/staff/users/office", .forbidden), ("auditor", "/staff/audit", .ok),
            ("auditor", "/staff/users", .forbidden), ("office", "/staff/users", .ok), ("office", "/staff/audit", .ok),
            ("assessor", "/staff/audit", .forbidden),
        ])
    func roles(username: String, path: String, expected: HTTPResponse.Status) async throws {
        try await WebHarness.run(.sqlite) { browser, _ in
            try await browser.login(username)
            let page = try await browser.get(path)
            #expect(page.status == expected)
            if expected == .forbidden { #expect(page.body.contains("无权访问")) }
        }
    }

    @Test("an editor cannot create units or accounts, and nothing changes", arguments: TestDatabase.kinds)
    func editorWrites(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, database in
            try await browser.login("editor")
            let before = try await AuditLog.recent(on: database.sql, limit: 1).first?.id
            let unit = try await browser.post("/staff/units", form: ["code": "HACK", "name": "伪单位", "kind": "other", "parentCode": ""])
            #expect(unit.status == .forbidden)
            let user = try await browser.post(
                "/staff/users",
                form: ["username": "mole", "role": "office", "unit": "ZFB", "password": "Mole2026password", "passwordConfirm": "Mole2026password"])
            #expect(user.status == .forbidden)
            let disable = try await browser.post("/staff/users/office/active", form: ["active": "0"])
            #expect(disable.status == .forbidden)
            #expect(try await UnitRepository(database.sql).find("HACK") == nil)
            #expect(try await StaffAccountRepository(database.sql).find(username: "mole") == nil)
            #expect(try await AuditLog.recent(on: database.sql, limit: 1).first?.id == before)
        }
    }
}
