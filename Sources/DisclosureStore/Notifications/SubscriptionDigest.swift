import DisclosureCore
import Foundation
import SQLKit

/// The daily digest of 政策找人 (issue 24 §2): for each confirmed subscription, the publications
/// since its last digest that match it, in one e-mail with a one-click unsubscribe (link and
/// RFC 8058 headers). Runs once a day from 08:00 Beijing time (`serve`'s hourly monitor round, or
/// `disclosure notify digest`).
public struct SubscriptionDigest: Sendable {
    let database: Database
    let clock: any WallClock
    /// The portal's address when the office has not set one in 消息发送设置.
    let fallbackLinkBase: String

    public init(database: Database, clock: any WallClock, fallbackLinkBase: String) {
        self.database = database
        self.clock = clock
        self.fallbackLinkBase = fallbackLinkBase
    }

    static let dayKey = "subscriptions.digest.day"
    /// Beijing time from which the day's digest goes out.
    static let hour = 8
    /// The most publications one digest lists; the rest are on the portal.
    static let itemLimit = 30

    public struct Summary: Equatable, Sendable {
        public var ran = false
        public var digests = 0
    }

    /// Queues today's digests unless they were queued already (or it is before 08:00, unless `force`).
    public func run(force: Bool = false) async throws -> Summary {
        let now = clock.now()
        let today = CivilDate(instant: now)
        let db = database.sql
        let lastDay = try await SettingsTable(db).value(Self.dayKey)
        guard force || lastDay != today.description else { return Summary() }
        guard force || QuietHours.minuteOfDay(now) >= Self.hour * 60 else { return Summary() }
        let settings = try await NotificationSettingsStore(database: database, clock: clock).load()
        let base = settings.siteURL.isEmpty ? fallbackLinkBase : settings.siteURL
        let subscriptions = try await SubscriptionService.Row.all(
            db.select().column("*").from(SubscriptionService.Row.table).where("unsubscribed_at", .is, SQLLiteral.null)
                .where("confirmed_at", .isNot, SQLLiteral.null).orderBy("id"))
        let earliest = subscriptions.compactMap(\.sentThrough).min() ?? Timestamp.text(now)
        let published = try await Self.publishedSince(earliest, on: db)
        let tree = try await UnitRepository(db).tree()
        let office = try await UnitRepository(db).rootCode()
        var summary = Summary(ran: true)
        summary.digests = try await database.change(by: .system, at: now) { db in
            var queued = 0
            for subscription in subscriptions {
                guard let id = subscription.id else { continue }
                let since = subscription.sentThrough ?? subscription.confirmedAt ?? Timestamp.text(now)
                let scope = subscription.kind == .unit ? tree.scope(of: subscription.value) : []
                let items = published.filter { $0.at > since }.filter {
                    SubscriptionRules.matches(kind: subscription.kind, value: subscription.value, scope: scope, item: $0.item)
                }
                guard let newest = items.map(\.at).max() else { continue }
                let message = Self.message(subscription, id: id, items: items.map(\.item), base: base, office: office, today: today)
                if try await DeliveryQueue(db).enqueue(message, at: now) { queued += 1 }
                try await db.update(SubscriptionService.Row.table).set("sent_through", to: newest).where("id", .equal, id).run()
            }
            try await SettingsTable(db).set(Self.dayKey, today.description, by: "system", at: now)
            return (queued, AuditEvent("subscription.digest", target: "subscriptions", ["digests": "\(queued)"]))
        }
        return summary
    }

    static func message(_ subscription: SubscriptionService.Row, id: Int, items: [PublishedItem], base: String, office: String, today: CivilDate)
        -> OutgoingDelivery
    {
        let unsubscribe = "\(base)/unsubscribe?token=\(subscription.token)"
        var lines = ["您好：", "", "您订阅的「\(subscription.label)」（\(subscription.kind.label)）有 \(items.count) 条新公开的政府信息："]
        for (index, item) in items.sorted(by: { ($0.publishedOn, $0.id) > ($1.publishedOn, $1.id) }).prefix(itemLimit).enumerated() {
            let number = item.docNumber.isEmpty ? "" : "（\(item.docNumber)）"
            lines.append("")
            lines.append("\(index + 1). \(item.title)\(number) \(item.publishedOn.chineseText)")
            lines.append("   \(base)/documents/\(item.id)")
        }
        if items.count > itemLimit { lines += ["", "另有 \(items.count - itemLimit) 条，请到政府信息公开平台查看。"] }
        lines += ["", "退订本项：\(unsubscribe)", "（本邮件由政府信息公开平台自动发送，请勿直接回复。）"]
        return OutgoingDelivery(
            key: "digest:\(id):\(today)", purpose: .subscription, channel: .email, recipient: subscription.email, recipientLabel: "订阅者",
            unitCode: office, subject: "新公开信息：\(subscription.label)（\(items.count) 条）", body: lines.joined(separator: "\n"),
            headers: ["List-Unsubscribe": "<\(unsubscribe)>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"])
    }

    /// Public documents published after `since`, with the time they were published.
    static func publishedSince(_ since: String, on db: any SQLDatabase) async throws -> [(at: String, item: PublishedItem)] {
        try await db.select().columns("id", "unit_code", "category", "title", "doc_number", "body", "published_at").from("documents")
            .where("state", .equal, DocumentState.published.rawValue).where("attribute", .equal, DisclosureAttribute.proactive.rawValue)
            .where("published_at", .greaterThan, since).orderBy("published_at").limit(2_000).all()
            .compactMap { row in
                let at = try row.decode(column: "published_at", as: String.self)
                guard let instant = Timestamp.date(at) else { return nil }
                return (
                    at,
                    PublishedItem(
                        id: try row.decode(column: "id", as: Int.self), unitCode: try row.decode(column: "unit_code", as: String.self),
                        category: try row.decode(column: "category", as: String.self), title: try row.decode(column: "title", as: String.self),
                        docNumber: try row.decode(column: "doc_number", as: String.self), body: try row.decode(column: "body", as: String.self),
                        publishedOn: CivilDate(instant: instant))
                )
            }
    }
}
