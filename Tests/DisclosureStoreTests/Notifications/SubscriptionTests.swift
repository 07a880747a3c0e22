import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Testing

/// Issue 24 §2 (政策找人) through a real SMTP server: double opt-in, the daily digest of what is
/// newly published, one-click unsubscribe.
@Suite("Subscriptions: confirm by link, digest of new publications, unsubscribe", .serialized)
struct SubscriptionTests {
    static func token(in text: String) -> String? {
        guard let range = text.range(of: #"token=[A-Za-z0-9_-]{43}"#, options: .regularExpression) else { return nil }
        return String(text[range].dropFirst("token=".count))
    }

    @Test(
        "a subscriber to 财政局 confirms, then receives the next publication (its 国库科's too, nothing from before) once, and leaves with one click",
        arguments: TestDatabase.kinds)
    func subscribeDigestUnsubscribe(kind: TestDatabase) async throws {
        try await kind.with { database in
            let fixture = try await DeliveryFixture(database)
            defer { fixture.stop() }
            let service = SubscriptionService(database: database, clock: fixture.clock)
            let digest = SubscriptionDigest(database: database, clock: fixture.clock, fallbackLinkBase: "https://fallback.example.cn")
            try await service.subscribe(email: "Reader@Example.cn", kind: .unit, value: "CZJ", label: "示范县财政局", linkBase: "https://gk.shifan.gov.cn")
            try await service.subscribe(
                email: "reader@example.cn", kind: .search, value: "低保 发放", label: "关键词：低保 发放", linkBase: "https://gk.shifan.gov.cn")
            await #expect(throws: DomainError.self) {
                try await service.subscribe(email: "not-an-address", kind: .unit, value: "CZJ", label: "示范县财政局", linkBase: "")
            }
            await #expect(throws: DomainError.self) {
                try await service.subscribe(email: "reader@example.cn", kind: .search, value: "，，", label: "", linkBase: "")
            }
            #expect(try await fixture.dispatcher().runOnce().sent == 2)
            let confirmations = try fixture.smtp.received()
            #expect(confirmations.allSatisfy { $0.envelopeTo == "reader@example.cn" && $0.subject.hasPrefix("请确认订阅：") })
            let unitMail = try #require(confirmations.first { $0.subject.contains("示范县财政局") })
            #expect(unitMail.text.contains("https://gk.shifan.gov.cn/subscribe/confirm?token="))
            let token = try #require(Self.token(in: unitMail.text))

            // Not confirmed: nothing is sent, whatever is published.
            fixture.clock.advance(by: 60)
            try await fixture.base.publish(fixture.base.draft(title: "关于下达2026年财政专项资金的通知"))
            #expect(try await digest.run(force: true).digests == 0)

            #expect(try await service.confirm(token: token))
            #expect(try await service.confirm(token: "x") == false)
            fixture.clock.advance(by: 60)
            let own = try await fixture.base.publish(fixture.base.draft(title: "示范县财政局2026年部门整体支出绩效自评报告"))
            let section = try await fixture.base.publish(fixture.base.draft(title: "国库集中支付业务办理指南", unit: "CZJ-GKK"))
            // Before 08:00 without force, and after: one digest, then none the same day.
            #expect(try await digest.run(force: true).digests == 1)
            #expect(try await digest.run().ran == false)
            #expect(try await fixture.dispatcher().runOnce().sent == 1)
            let mail = try #require(try fixture.smtp.received().last)
            #expect(mail.subject == "新公开信息：示范县财政局（2 条）")
            #expect(mail.text.contains("https://gk.shifan.gov.cn/documents/\(own)"))
            #expect(mail.text.contains("https://gk.shifan.gov.cn/documents/\(section)"))
            #expect(!mail.text.contains("财政专项资金"))
            #expect(mail.headers["list-unsubscribe"] == "<https://gk.shifan.gov.cn/unsubscribe?token=\(token)>")
            #expect(mail.headers["list-unsubscribe-post"] == "List-Unsubscribe=One-Click")

            // Nothing new: no digest. Unsubscribed: none for the next publication either.
            fixture.clock.advance(by: 86_400)
            #expect(try await digest.run(force: true).digests == 0)
            #expect(try await service.unsubscribe(token: token))
            fixture.clock.advance(by: 60)
            try await fixture.base.publish(fixture.base.draft(title: "示范县财政局关于政府采购意向公开的通知"))
            #expect(try await digest.run(force: true).digests == 0)
            let audit = try await AuditLog.recent(on: database.sql, limit: 200)
            #expect(!audit.contains { $0.summary.contains("reader@example.cn") })
            #expect(try await service.counts()[.search] == nil)
        }
    }
}
