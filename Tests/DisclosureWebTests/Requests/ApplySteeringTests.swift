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

    @Test("the clerk sees the same documents on the case page and answers with the budget's address in one step; the reviewer gets the reply")
    func clerkAnswersWithPublished() async throws {
        let clock = FixedClock()
        try await TestDatabase.sqlite.with { (database: Database) async throws in
            _ = try await DemoCounty.load(into: database, clock: clock, hasher: PasswordHasher(cost: 4), fixedPassword: WebHarness.password)
            var typed = try ApplicationFormFixture.application()
            typed.infoTitle = "2026年县级部门预算公开表"
            // Not one of the demo's applicants, so the counts are this test's own.
            typed.idNumber = "110105198001010016"
            let application = typed
            let service = RequestService(database: database, clock: clock)
            let filed = try await service.intake(
                application, receivedOn: CivilDate(instant: clock.now()), by: .init(userID: 2, username: "editor", role: .editor, unitCode: "CZJ"))
            var config = AppConfig.testing
            config.site.website = "https://gk.shifan.gov.cn/"
            let app = try await buildApplication(config: config, database: database, clock: clock)
            try await app.test(.router) { client in
                let browser = Browser(client: client)
                try await browser.login("editor")
                var page = try await browser.get("/staff/requests/\(filed.id)")
                #expect(page.body.contains("已主动公开的相近文件"))
                let budget = try #require(page.body.range(of: #"name="document.(\d+)" value="1" checked"#, options: .regularExpression))
                let field = String(page.body[budget].split(separator: "\"")[1])
                #expect(try await browser.post("/staff/requests/\(filed.id)/answer-published", form: [:]).status == .badRequest)
                page = try await browser.post("/staff/requests/\(filed.id)/answer-published", form: [field: "1"])
                #expect(page.status == .seeOther)
                let request = try await service.request(filed.id, visibleTo: .init(userID: 2, username: "editor", role: .editor, unitCode: "CZJ"))
                #expect(request.state == .pendingReview)
                #expect(request.outcome == .disclosed)
                let id = field.dropFirst("document.".count)
                #expect(request.replyText.contains("《示范县2026年县级部门预算公开说明》"))
                #expect(request.replyText.contains("网址：https://gk.shifan.gov.cn/documents/\(id)"))
                // Answered: the one-step form is gone, the list stays for reading.
                page = try await browser.get("/staff/requests/\(filed.id)")
                #expect(!page.body.contains("以所选文件答复并提交审核"))
                #expect(!page.body.contains("重复申请提示"))

                // The same person asks again (issue 24 §4): flagged with the first linked; the clerk records a decision.
                let again = try await service.intake(
                    application, receivedOn: CivilDate(instant: clock.now()), by: .init(userID: 2, username: "editor", role: .editor, unitCode: "CZJ")
                )
                page = try await browser.get("/staff/requests/\(again.id)")
                #expect(page.body.contains("重复申请提示"))
                #expect(page.body.contains(#"<a href="/staff/requests/\#(filed.id)">\#(filed.reference)</a>"#))
                #expect(page.body.contains("该申请人近 12 个月向本机关提出申请 2 件（含本件），本月 2 件。"))
                var refused = try await browser.post("/staff/requests/\(again.id)/repeat", form: ["repeatDecision": "repeated", "repeatNote": ""])
                #expect(refused.status == .badRequest)
                #expect(refused.body.contains("请写明理由"))
                refused = try await browser.post("/staff/requests/\(again.id)/repeat", form: ["repeatDecision": "maybe"])
                #expect(refused.body.contains("请选择认定结果"))
                let saved = try await browser.post(
                    "/staff/requests/\(again.id)/repeat", form: ["repeatDecision": "repeated", "repeatNote": "与前一申请所需信息相同"])
                #expect(saved.status == .seeOther)
                #expect(try await browser.get("/staff/requests/\(again.id)").body.contains("已认定：属于重复申请"))
            }
        }
    }
}
