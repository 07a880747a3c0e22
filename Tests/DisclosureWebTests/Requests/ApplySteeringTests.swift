import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Hummingbird
import Testing

@testable import DisclosureWeb

/// Issue 24 §3: /apply for information already published shows it first; 「仍要申请」 files the
/// same application unchanged, 「已找到，不再申请」 files nothing.
@Suite("先查一查 on /apply")
struct ApplySteeringTests {
    @Test("an application for the published budget shows the document first; applying anyway files it once; finding it files nothing")
    func steering() async throws {
        try await PortalPagesTests.demoCounty(.sqlite) { browser in
            var page = try await browser.get("/apply")
            var form = RequestPagesTests.form
            form["infoTitle"] = "2026年县级部门预算公开表"
            form["formToken"] = RequestPagesTests.formToken(in: page.body) ?? ""
            page = try await browser.post("/apply", form: form)
            #expect(page.status == .ok)
            #expect(page.body.contains("先查一查：这些信息可能已经公开"))
            #expect(page.body.contains("示范县2026年县级部门预算公开说明</a>"))
            #expect(!page.body.contains("公务卡管理暂行办法"))
            #expect(page.body.contains(#"<a class="button-link" href="/apply/found">已找到，不再申请</a>"#))
            #expect(page.body.contains(#"<input type="hidden" name="idNumber" value="360421199003071231">"#))
            #expect(page.body.contains(#"<input type="hidden" name="checked" value="1">"#))
            let found = try await browser.get("/apply/found")
            #expect(found.body.contains("您的申请没有提交"))

            // 仍要申请: the same values with `checked`, filed once (the form token holds).
            var anyway = form
            anyway["checked"] = "1"
            let filed = try await browser.post("/apply", form: anyway)
            #expect(filed.status == .seeOther)
            #expect(try await browser.post("/apply", form: anyway).location == filed.location)

            // Nothing published matches: filed at once.
            page = try await browser.get("/apply")
            var other = RequestPagesTests.form
            other["infoTitle"] = "某村2019年修路补助的发放名单"
            other["formToken"] = RequestPagesTests.formToken(in: page.body) ?? ""
            #expect(try await browser.post("/apply", form: other).status == .seeOther)
        }
    }
}
