import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Hummingbird
import Testing

@Suite("Units and accounts in the console")
struct StaffUnitsAndUsersTests {
    @Test("the office creates a unit; it is stored, listed and audited", arguments: TestDatabase.kinds)
    func createUnit(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, database in
            try await browser.login("office")
            let done = try await browser.post(
                "/staff/units", form: ["code": "swj", "name": "示范县税务局", "kind": "vertical_agency", "parentCode": "XZF"])
            #expect(done.status == .seeOther)
            #expect(done.location == "/staff/units?notice=created")
            #expect(try await UnitRepository(database.sql).find("SWJ")?.kind == .verticalAgency)
            let list = try await browser.get("/staff/units?notice=created")
            #expect(list.body.contains("示范县税务局"))
            #expect(list.body.contains("已创建。"))
            let entry = try await AuditLog.recent(on: database.sql, limit: 1).first
            #expect(entry?.actor == "office")
            #expect(entry?.action == "unit.create")
            #expect(entry?.target == "unit:SWJ")
        }
    }

    @Test(
        "bad unit input is a 4xx naming the field and changes nothing",
        arguments: [
            (["code": "", "name": "某局", "kind": "other", "parentCode": ""], "单位代码不能为空", 400),
            (["code": "X Y", "name": "某局", "kind": "other", "parentCode": ""], "单位代码只能包含", 400),
            (["code": "XYZ", "name": "", "kind": "other", "parentCode": ""], "单位名称不能为空", 400),
            (["code": "XYZ", "name": "某局", "kind": "ministry", "parentCode": ""], "单位类型无效", 400),
            (["code": "XYZ", "name": "某局", "kind": "other", "parentCode": "NOPE"], "上级单位 NOPE 不存在", 400),
            (["code": "CZJ", "name": "重复", "kind": "other", "parentCode": ""], "单位代码 CZJ 已存在", 409),
        ])
    func badUnit(form: [String: String], message: String, status: Int) async throws {
        try await WebHarness.run(.sqlite) { browser, database in
            try await browser.login("office")
            let before = try await AuditLog.recent(on: database.sql, limit: 1).first?.id
            let page = try await browser.post("/staff/units", form: form)
            #expect(Int(page.status.code) == status)
            #expect(page.body.contains(message))
            #expect(try await UnitRepository(database.sql).all().count == 4)
            #expect(try await AuditLog.recent(on: database.sql, limit: 1).first?.id == before)
        }
    }

    @Test("an unknown unit page is a 404; a percent-encoded code is decoded", arguments: TestDatabase.kinds)
    func unitPages(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, _ in
            try await browser.login("editor")
            #expect(try await browser.get("/staff/units/NOPE").status == .notFound)
            let page = try await browser.get("/staff/units/%43ZJ")
            #expect(page.status == .ok)
            #expect(page.body.contains("示范县财政局"))
        }
    }

    @Test("the office creates an account; weak passwords and mismatches are refused", arguments: TestDatabase.kinds)
    func createUser(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, database in
            try await browser.login("office")
            let weak = try await browser.post(
                "/staff/users", form: ["username": "zhaoliu", "role": "editor", "unit": "JYJ", "password": "short", "passwordConfirm": "short"])
            #expect(weak.status == .badRequest)
            #expect(weak.body.contains("密码至少需要 10 个字符"))
            #expect(!weak.body.contains("value=\"short\""))
            let mismatch = try await browser.post(
                "/staff/users",
                form: ["username": "zhaoliu", "role": "editor", "unit": "JYJ", "password": "Zhao2026county", "passwordConfirm": "Zhao2026count"])
            #expect(mismatch.status == .badRequest)
            #expect(mismatch.body.contains("两次输入的密码不一致"))
            let made = try await browser.post(
                "/staff/users",
                form: [
                    "username": "zhaoliu", "displayName": "王五", "role": "editor", "unit": "JYJ", "password": "Zhao2026county",
                    "passwordConfirm": "Zhao2026county",
                ])
            #expect(made.status == .seeOther)
            #expect(try await StaffAccountRepository(database.sql).find(username: "zhaoliu")?.unitCode == "JYJ")
            // Disable, and the account can no longer log in.
            #expect(try await browser.post("/staff/users/zhaoliu/active", form: ["active": "0"]).status == .seeOther)
            let other = Browser(client: browser.client)
            #expect(try await other.login("zhaoliu", password: "Zhao2026county").status == .unauthorized)
        }
    }

    @Test("staff change their own password with the current one", arguments: TestDatabase.kinds)
    func ownPassword(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, _ in
            try await browser.login("editor")
            let wrong = try await browser.post(
                "/staff/account/password", form: ["current": "nope-nope-1", "password": "Bianji2027pass", "passwordConfirm": "Bianji2027pass"])
            #expect(wrong.status == .badRequest)
            #expect(wrong.body.contains("当前密码不正确"))
            let done = try await browser.post(
                "/staff/account/password", form: ["current": WebHarness.password, "password": "Bianji2027pass", "passwordConfirm": "Bianji2027pass"])
            #expect(done.status == .seeOther)
            #expect(done.location == "/staff/login?notice=password")
            #expect(try await browser.get("/staff").status == .seeOther)
            #expect(try await browser.login("editor", password: "Bianji2027pass").status == .seeOther)
        }
    }

    @Test("names are escaped on every page", arguments: TestDatabase.kinds)
    func escaping(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, _ in
            try await browser.login("office")
            try await browser.post("/staff/units", form: ["code": "XSS", "name": "<script>alert(1)</script>局", "kind": "other", "parentCode": "XZF"])
            for path in ["/staff/units", "/staff/units/XSS", "/"] {
                let page = try await browser.get(path)
                #expect(!page.body.contains("<script>alert(1)</script>"))
                #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;局"))
            }
        }
    }
}
