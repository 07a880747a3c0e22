import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import DisclosureWeb

/// Issue 24 §2 on the portal: the subscription form without JavaScript, the same answer for any
/// address, confirmation by a POST from the link's page, one-click unsubscribe without a page.
@Suite("政策找人 on the portal: subscribe, confirm, unsubscribe")
struct SubscriptionPagesTests {
    @Test("a citizen subscribes to 财政局, confirms from the e-mailed link and unsubscribes with one click; bad input is named")
    func journey() async throws {
        let clock = FixedClock()
        try await TestDatabase.sqlite.with { (database: Database) async throws in
            _ = try await DemoCounty.load(into: database, clock: clock, hasher: PasswordHasher(cost: 4), fixedPassword: WebHarness.password)
            var config = AppConfig.testing
            config.site.website = "https://gk.shifan.gov.cn"
            let app = try await buildApplication(config: config, database: database, clock: clock)
            try await app.test(.router) { client in
                let browser = Browser(client: client)
                var page = try await browser.get("/subscribe?unit=CZJ")
                #expect(page.body.contains(#"<option value="CZJ" selected>"#))
                #expect(try await browser.get("/").body.contains(#"<a href="/subscribe">订阅新信息</a>"#))
                let search = try await browser.get("/search?q=%E9%A2%84%E7%AE%97")
                #expect(search.body.contains(#"<a href="/subscribe?q=%E9%A2%84%E7%AE%97">订阅「预算」的新公开信息</a>"#))

                page = try await browser.post("/subscribe", form: ["kind": "unit", "unit": "CZJ", "email": "nobody"])
                #expect(page.status == .badRequest)
                #expect(page.body.contains("电子邮箱地址无效"))
                page = try await browser.post("/subscribe", form: ["kind": "unit", "unit": "NOPE", "email": "reader@example.cn"])
                #expect(page.body.contains("请选择单位"))
                page = try await browser.post("/subscribe", form: ["kind": "unit", "unit": "CZJ", "email": "reader@example.cn"])
                #expect(page.status == .ok)
                #expect(page.body.contains("请查收确认邮件"))
                // The same again reads the same (nobody learns who subscribes).
                #expect(
                    try await browser.post("/subscribe", form: ["kind": "unit", "unit": "CZJ", "email": "reader@example.cn"]).body.contains("请查收确认邮件")
                )

                let queued = try await DeliveryQueue(database.sql).recent(units: try await UnitRepository(database.sql).all().map(\.code), limit: 10)
                let confirmation = try #require(queued.first { $0.message.purpose == .subscription })
                #expect(confirmation.message.body.contains("https://gk.shifan.gov.cn/subscribe/confirm?token="))
                let link = try #require(confirmation.message.body.range(of: #"token=[A-Za-z0-9_-]{43}"#, options: .regularExpression))
                let token = String(confirmation.message.body[link].dropFirst("token=".count))

                #expect(try await browser.get("/subscribe/confirm?token=nonsense").status == .notFound)
                page = try await browser.get("/subscribe/confirm?token=\(token)")
                #expect(page.body.contains("确认订阅「示范县财政局」（单位）"))
                page = try await browser.post("/subscribe/confirm?token=\(token)", form: [:])
                #expect(page.body.contains("订阅已确认"))

                // RFC 8058: the mail client posts to the link itself, with no page, cookie or CSRF token.
                let oneClick = try await client.execute(
                    uri: "/unsubscribe?token=\(token)", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: "List-Unsubscribe=One-Click"))
                #expect(oneClick.status == .ok)
                #expect(try await browser.get("/unsubscribe?token=\(token)").body.contains("已退订"))
                #expect(try await SubscriptionService(database: database, clock: clock).counts().isEmpty)
            }
        }
    }
}
