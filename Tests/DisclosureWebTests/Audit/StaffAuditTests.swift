import DisclosureStore
import DisclosureTestSupport
import Hummingbird
import SQLKit
import Testing

@Suite("Audit log in the console")
struct StaffAuditTests {
    @Test("the auditor reads logins and changes and sees a broken chain named", arguments: TestDatabase.kinds)
    func auditor(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, database in
            try await browser.login("auditor")
            let page = try await browser.get("/staff/audit")
            #expect(page.status == .ok)
            #expect(page.body.contains("登录成功"))
            #expect(page.body.contains("新建账号"))
            let filtered = try await browser.get("/staff/audit?target=unit%3ACZJ")
            #expect(filtered.body.contains("<td>unit:CZJ</td>"))
            #expect(!filtered.body.contains("<td>user:office</td>"))
            #expect(try await browser.get("/staff/audit/verify").body.contains("校验通过"))
            try await database.unaudited.update("audit_log").set("target", to: "unit:FAKE").where("id", .equal, 2).run()
            let broken = try await browser.get("/staff/audit/verify")
            #expect(broken.body.contains("校验失败"))
            #expect(broken.body.contains("记录 2"))
        }
    }
}
