import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import HummingbirdTesting
import Testing

@testable import DisclosureWeb

/// Issue 24 §1 in the console: the office's settings (the password never shown, bad input named),
/// a clerk's own reminder contact, the message log with its resend button, scope and roles.
@Suite("Messages in the console: settings, reminder contact, log and resend")
struct NotificationPagesTests {
    @Test("the office saves the mail server; the password is kept but never shown; bad input keeps the form and names the field; others may not")
    func settings() async throws {
        try await PortalPagesTests.demoCounty(.sqlite) { browser in
            try await browser.login("editor")
            #expect(try await browser.get("/staff/notifications/settings").status == .forbidden)
            try await browser.post("/staff/logout", form: [:])
            try await browser.login("office")
            var page = try await browser.get("/staff/notifications/settings")
            #expect(page.status == .ok)
            #expect(page.body.contains(#"<option value="starttls" selected>"#))
            let form = [
                "mailEnabled": "1", "smtpHost": "smtp.shifan.gov.cn", "smtpPort": "587", "smtpSecurity": "starttls", "smtpUsername": "zwgk",
                "smtpPassword": "Relay-secret-2026", "smtpFrom": "zwgk@shifan.gov.cn", "smtpFromName": "示范县政务公开办", "quietStart": "21:30",
                "quietEnd": "07:30", "retryMinutes": "1、10、60", "siteURL": "https://gk.shifan.gov.cn",
            ]
            page = try await browser.post("/staff/notifications/settings", form: form)
            #expect(page.status == .seeOther)
            page = try await browser.get("/staff/notifications/settings")
            #expect(page.body.contains(#"value="smtp.shifan.gov.cn""#))
            #expect(page.body.contains("已保存；不修改请留空"))
            #expect(page.body.contains(#"value="21:30""#))
            #expect(!page.body.contains("Relay-secret-2026"))

            // Saved again without the password: the stored one stays.
            var again = form
            again["smtpPassword"] = ""
            again["smtpFromName"] = "示范县人民政府办公室"
            #expect(try await browser.post("/staff/notifications/settings", form: again).status == .seeOther)
            let audit = try await browser.get("/staff/audit")
            #expect(!audit.body.contains("Relay-secret-2026"))

            for (field, value, words) in [
                ("smtpPort", "99999", "端口"), ("smtpFrom", "zwgk", "电子邮箱地址无效"), ("quietStart", "25:00", "时间须写作"),
                ("retryMinutes", "0", "重试间隔"), ("siteURL", "javascript:alert(1)", "平台网址"),
            ] {
                var bad = form
                bad[field] = value
                let refused = try await browser.post("/staff/notifications/settings", form: bad)
                #expect(refused.status == .badRequest, "\(field)")
                #expect(refused.body.contains(words), "\(field)")
                #expect(refused.body.contains(#"value="smtp.shifan.gov.cn""#), "\(field)")
            }
            page = try await browser.get("/staff/notifications/settings")
            #expect(page.body.contains(#"value="示范县人民政府办公室""#))
        }
    }

    @Test("a clerk sets where reminders reach them; a choice without its address is refused naming the field")
    func contact() async throws {
        try await PortalPagesTests.demoCounty(.sqlite) { browser in
            try await browser.login("editor")
            var page = try await browser.post("/staff/account/contact", form: ["email": "", "mobile": "", "remindersBy": "email"])
            #expect(page.status == .badRequest)
            #expect(page.body.contains("选择电子邮件提醒须填写电子邮箱"))
            page = try await browser.post("/staff/account/contact", form: ["email": "li@shifan.gov.cn", "mobile": "1380000", "remindersBy": "both"])
            #expect(page.status == .badRequest)
            #expect(page.body.contains("手机号码须为 11 位"))
            #expect(page.body.contains(#"value="li@shifan.gov.cn""#))
            page = try await browser.post(
                "/staff/account/contact", form: ["email": "li@shifan.gov.cn", "mobile": "138 0000 0001", "remindersBy": "both"])
            #expect(page.status == .seeOther)
            page = try await browser.get("/staff/account")
            #expect(page.body.contains(#"value="13800000001""#))
            #expect(page.body.contains(#"value="both" checked"#))
        }
    }

    @Test("the log shows a failed message with its reason; the unit's clerk sends it again, an assessor cannot; citizens' addresses are masked")
    func logAndResend() async throws {
        let clock = FixedClock()
        try await TestDatabase.sqlite.with { (database: Database) async throws in
            _ = try await DemoCounty.load(into: database, clock: clock, hasher: PasswordHasher(cost: 4), fixedPassword: WebHarness.password)
            let queue = DeliveryQueue(database.unaudited)
            let message = OutgoingDelivery(
                key: "letter:1:email", purpose: .applicantLetter, channel: .email, recipient: "zhangsan@example.cn", recipientLabel: "申请人",
                unitCode: "CZJ", requestID: nil, letterID: nil, subject: "受理回执", body: "正文")
            try await queue.enqueue(message, at: clock.now())
            // The demo's own answers by e-mail wait in the queue too: take ours among them.
            let claimed = try await queue.claim(channels: [.email], limit: 100, by: "test", at: clock.now(), dialect: database.dialect)
                .filter { $0.message.key == "letter:1:email" }
            #expect(try await queue.markFailed(claimed[0].id, by: "test", reason: "邮件服务器在「收件人」时答复 550 mailbox unavailable", retryAt: nil))
            let app = try await buildApplication(config: .testing, database: database, clock: clock)
            try await app.test(.router) { client in
                let browser = Browser(client: client)
                try await browser.login("assessor")
                #expect(!(try await browser.get("/staff/notifications").body.contains(">重新发送</button>")))
                #expect(try await browser.post("/staff/notifications/\(claimed[0].id)/resend", form: [:]).status == .forbidden)
                try await browser.post("/staff/logout", form: [:])
                try await browser.login("editor")
                var page = try await browser.get("/staff/notifications?status=failed")
                #expect(page.body.contains("550 mailbox unavailable"))
                #expect(page.body.contains("申请人 \(PersonalDataMask.email("zhangsan@example.cn"))"))
                #expect(!page.body.contains("zhangsan@example.cn"))
                #expect(page.body.contains(">重新发送</button>"))
                page = try await browser.post("/staff/notifications/\(claimed[0].id)/resend", form: [:])
                #expect(page.status == .seeOther)
                #expect(try await queue.find(claimed[0].id)?.status == .queued)
                page = try await browser.post("/staff/notifications/\(claimed[0].id)/resend", form: [:])
                #expect(page.status == .conflict)
                // The same through the API: masked, filtered, and resent only when failed.
                let token = try await APITests.token(database, "editor")
                let listed = try await client.execute(
                    uri: "/api/v1/deliveries?status=queued", method: .get, headers: [.authorization: "Bearer \(token)"])
                #expect(listed.status == .ok)
                let text = String(buffer: listed.body)
                #expect(text.contains(PersonalDataMask.email("zhangsan@example.cn")) && !text.contains("zhangsan@example.cn"))
                #expect(
                    try await client.execute(uri: "/api/v1/deliveries?status=lost", method: .get, headers: [.authorization: "Bearer \(token)"]).status
                        == .badRequest)
                #expect(
                    try await client.execute(
                        uri: "/api/v1/deliveries/\(claimed[0].id)/resend", method: .post, headers: [.authorization: "Bearer \(token)"]
                    ).status
                        == .conflict)
                #expect(try await browser.post("/staff/notifications/99999999999/resend", form: [:]).status == .notFound)
            }
        }
    }
}
