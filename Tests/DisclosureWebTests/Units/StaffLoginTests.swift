import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Hummingbird
import Testing

@Suite("Staff login")
struct StaffLoginTests {
    @Test("signing in through the form with its CSRF token opens the console", arguments: TestDatabase.kinds)
    func login(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, _ in
            let form = try await browser.get("/staff/login")
            #expect(form.status == .ok)
            #expect(form.csrf == browser.cookies["dsc_csrf"])
            #expect(form.headers[values: .setCookie].first?.contains("HttpOnly") == true)
            #expect(form.headers[values: .setCookie].first?.contains("SameSite=Lax") == true)
            let response = try await browser.post("/staff/login", form: ["username": "office", "password": WebHarness.password])
            #expect(response.status == .seeOther)
            #expect(response.location == "/staff")
            let session = response.headers[values: .setCookie].first { $0.hasPrefix("dsc_session=") }
            #expect(session?.contains("HttpOnly") == true)
            #expect(session?.contains("SameSite=Lax") == true)
            let dashboard = try await browser.get("/staff")
            #expect(dashboard.status == .ok)
            #expect(dashboard.body.contains("工作台"))
            #expect(dashboard.body.contains("待办期限"))
        }
    }

    @Test("login renews the CSRF cookie and binds the forms' token to the new session", arguments: TestDatabase.kinds)
    func csrfRotation(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, _ in
            try await browser.get("/staff/login")
            let planted = try #require(browser.cookies["dsc_csrf"])
            try await browser.post("/staff/login", form: ["username": "office", "password": WebHarness.password])
            #expect(browser.cookies["dsc_csrf"] != planted)
            let page = try await browser.get("/staff/account")
            let token = try #require(page.csrf)
            #expect(token != browser.cookies["dsc_csrf"])
            #expect(token == browser.csrfToken)
            // The anonymous cookie token (old or new) no longer works for a signed-in account.
            let refusedOld = try await browser.post("/staff/logout", form: [:], csrf: planted)
            #expect(refusedOld.status == .forbidden)
            let refusedCookie = try await browser.post("/staff/logout", form: [:], csrf: browser.cookies["dsc_csrf"] ?? "")
            #expect(refusedCookie.status == .forbidden)
            #expect(try await browser.post("/staff/logout", form: [:], csrf: token).status == .seeOther)
        }
    }

    @Test("an account attacked from many addresses is flagged on the office's dashboard only", arguments: TestDatabase.kinds)
    func attackWarning(kind: TestDatabase) async throws {
        let clock = FixedClock()
        try await WebHarness.run(kind, clock: clock) { browser, database in
            let auth = Authentication(database: database, clock: clock, hasher: PasswordHasher(cost: 4))
            for index in 1...LoginThrottle.attackThreshold {
                _ = try await auth.login(username: "reviewer", password: "wrong-password-9", address: "203.0.113.\(index)")
            }
            try await browser.login("editor")
            #expect(try await browser.get("/staff").body.contains("可能正遭受密码猜测攻击") == false)
            try await browser.post("/staff/logout", form: [:])
            try await browser.login("office")
            let dashboard = try await browser.get("/staff")
            #expect(dashboard.body.contains("账号 reviewer 近 1 小时内密码错误 20 次，可能正遭受密码猜测攻击"))
            // The owner is not locked out by any of it.
            try await browser.post("/staff/logout", form: [:])
            #expect(try await browser.login("reviewer").status == .seeOther)
        }
    }

    @Test("a form without the CSRF token is refused and logs nobody in", arguments: TestDatabase.kinds)
    func csrf(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, database in
            try await browser.get("/staff/login")
            let forged = try await browser.post("/staff/login", form: ["username": "office", "password": WebHarness.password], csrf: "")
            #expect(forged.status == .forbidden)
            #expect(forged.body.contains("表单已过期"))
            let wrong = try await browser.post(
                "/staff/login", form: ["username": "office", "password": WebHarness.password], csrf: String(repeating: "x", count: 43))
            #expect(wrong.status == .forbidden)
            #expect(browser.cookies["dsc_session"] == nil)
            #expect(try await AuditLog.recent(on: database.sql, limit: 1).first?.action != "login.success")
        }
    }

    @Test("five wrong passwords cool this address off, for real and unknown usernames alike", arguments: TestDatabase.kinds)
    func lockout(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, _ in
            try await browser.get("/staff/login")
            for _ in 1...4 {
                let page = try await browser.post("/staff/login", form: ["username": "editor", "password": "wrong-password-9"])
                #expect(page.status == .unauthorized)
                #expect(page.body.contains("用户名或密码错误"))
            }
            let fifth = try await browser.post("/staff/login", form: ["username": "editor", "password": "wrong-password-9"])
            #expect(fifth.status == .tooManyRequests)
            #expect(fifth.body.contains("本机登录失败次数过多"))
            let right = try await browser.post("/staff/login", form: ["username": "editor", "password": WebHarness.password])
            #expect(right.status == .tooManyRequests)
            #expect(browser.cookies["dsc_session"] == nil)
            // A username that does not exist earns the same answer after the same five failures.
            for _ in 1...4 {
                let page = try await browser.post("/staff/login", form: ["username": "nosuchuser", "password": "wrong-password-9"])
                #expect(page.status == .unauthorized)
            }
            let unknown = try await browser.post("/staff/login", form: ["username": "nosuchuser", "password": "wrong-password-9"])
            #expect(unknown.status == .tooManyRequests)
            #expect(unknown.body.contains("本机登录失败次数过多"))
        }
    }

    @Test("empty fields are named in the error and the typed username is kept, escaped", arguments: TestDatabase.kinds)
    func emptyFields(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, _ in
            try await browser.get("/staff/login")
            let page = try await browser.post("/staff/login", form: ["username": "<b>x</b>", "password": ""])
            #expect(page.status == .badRequest)
            #expect(page.body.contains("请填写密码（password）"))
            #expect(page.body.contains("&lt;b&gt;x&lt;/b&gt;"))
            #expect(!page.body.contains("<b>x</b>"))
        }
    }

    @Test("logging out ends the session", arguments: TestDatabase.kinds)
    func logout(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, _ in
            try await browser.login("office")
            let session = browser.cookies["dsc_session"]
            let out = try await browser.post("/staff/logout", form: [:])
            #expect(out.status == .seeOther)
            #expect(out.location == "/staff/login?notice=logout")
            #expect(browser.cookies["dsc_session"] == nil)
            // The old cookie no longer works even if replayed.
            let replay = try await browser.send("/staff", method: .get, headers: [.cookie: "dsc_session=\(session ?? "")"], body: nil)
            #expect(replay.status == .seeOther)
            #expect(replay.location == "/staff/login")
        }
    }
}
