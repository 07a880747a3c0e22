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
            // People and things by name, the raw entry behind 「详情」 (issue 22 §4).
            #expect(filtered.body.contains(#"<td><a href="/staff/units/CZJ">示范县财政局</a></td>"#))
            #expect(!filtered.body.contains(#"href="/staff/users/office""#))
            #expect(filtered.body.contains("<summary>详情</summary>"))
            #expect(!page.body.contains("<td>cli</td>"))
            #expect(try await browser.get("/staff/audit/verify").body.contains("校验通过"))
            try await database.unaudited.update("audit_log").set("target", to: "unit:FAKE").where("id", .equal, 2).run()
            let broken = try await browser.get("/staff/audit/verify")
            #expect(broken.body.contains("校验失败"))
            #expect(broken.body.contains("记录 2"))
        }
    }
}
