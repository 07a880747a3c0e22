import DisclosureCore
import Foundation
import SQLKit

/// 政策找人 (issue 24 §2): citizens subscribe by e-mail to a unit, a category or a saved search,
/// confirm by a link (double opt-in) and leave with one click. The answer to a subscription is
/// the same whether or not the address is known, so the form tells nobody who subscribes; nothing
/// about subscribers appears on the portal, and the office sees counts only.
public struct SubscriptionService: Sendable {
    let database: Database
    let clock: any WallClock

    public init(database: Database, clock: any WallClock) {
        self.database = database
        self.clock = clock
    }

    struct Row: StoredRow {
        static let table = "subscriptions"
        var id: Int?
        var email: String
        var kind: SubscriptionKind
        var value: String
        var label: String
        var token: String
        var createdAt: String
        var confirmedAt: String?
        var unsubscribedAt: String?
        var sentThrough: String?
    }

    /// A subscription as its confirmation and unsubscribe pages show it.
    public struct Shown: Sendable {
        public let label: String
        public let kind: SubscriptionKind
        public let confirmed: Bool
        public let unsubscribed: Bool
        public let expired: Bool
    }

    /// Records a subscription waiting for confirmation and queues the confirmation e-mail.
    /// `linkBase` is the portal's address. `label` names what is followed («示范县财政局»).
    public func subscribe(email: String, kind: SubscriptionKind, value: String, label: String, linkBase: String) async throws {
        let email = try MailAddress.validated(email, field: "email").lowercased()
        let value = try SubscriptionRules.validated(kind: kind, value: value)
        let label = PlainText.singleLine(label).prefix(100).description
        let now = clock.now()
        let token = SecretToken.generate()
        try await database.change(by: .system, at: now) { db in
            let existing = try await Row.all(db.select().column("*").from(Row.table).where("email", .equal, email))
            let active = existing.filter { $0.unsubscribedAt == nil }
            // The same subscription again: a fresh confirmation for one still waiting; nothing for a confirmed one.
            if let same = active.first(where: { $0.kind == kind && $0.value == value }) {
                guard same.confirmedAt == nil else { return ((), AuditEvent("subscription.repeat", target: "subscription:\(same.id ?? 0)")) }
                try await db.update(Row.table).set("token", to: token).set("created_at", to: Timestamp.text(now)).where("id", .equal, same.id ?? 0)
                    .run()
                try await Self.queueConfirmation(
                    same.id ?? 0, email: email, label: same.label, kind: kind, token: token, linkBase: linkBase, db: db, at: now)
                return ((), AuditEvent("subscription.reconfirm", target: "subscription:\(same.id ?? 0)"))
            }
            guard active.count < SubscriptionRules.perAddress else {
                throw DomainError.invalid("email", "该邮箱的订阅已达 \(SubscriptionRules.perAddress) 项，请先退订不需要的")
            }
            let row = Row(
                id: nil, email: email, kind: kind, value: value, label: label.isEmpty ? value : label, token: token, createdAt: Timestamp.text(now),
                confirmedAt: nil, unsubscribedAt: nil, sentThrough: Timestamp.text(now))
            guard
                let id = try await db.insert(into: Row.table).model(row, with: Row.insertEncoder).returning("id").first(
                    decodingColumn: "id", as: Int.self)
            else { throw DomainError(.conflict, "订阅保存失败") }
            try await Self.queueConfirmation(id, email: email, label: row.label, kind: kind, token: token, linkBase: linkBase, db: db, at: now)
            return ((), AuditEvent("subscription.create", target: "subscription:\(id)", ["kind": kind.rawValue]))
        }
    }

    static func queueConfirmation(
        _ id: Int, email: String, label: String, kind: SubscriptionKind, token: String, linkBase: String, db: any SQLDatabase, at now: Date
    ) async throws {
        let office = try await UnitRepository(db).rootCode()
        let body = [
            "您好：", "",
            "有人用本邮箱订阅了政府信息公开平台的「\(label)」（\(kind.label)）新公开信息。如果是您本人，请在 \(SubscriptionRules.confirmHours) 小时内打开下面的链接确认：",
            "\(linkBase)/subscribe/confirm?token=\(token)", "",
            "确认后，每天有新公开的信息时，我们发一封汇总邮件给您；每封邮件都有退订链接。",
            "如果不是您本人订阅，请忽略本邮件，不确认就不会收到任何邮件。",
        ].joined(separator: "\n")
        try await DeliveryQueue(db).enqueue(
            OutgoingDelivery(
                key: "subscribe:\(id):\(token.prefix(8))", purpose: .subscription, channel: .email, recipient: email, recipientLabel: "订阅者",
                unitCode: office, subject: "请确认订阅：\(label)", body: body),
            at: now)
    }

    func find(token: String) async throws -> Row? {
        guard token.utf8.count == 43 else { return nil }
        return try await Row.first(database.sql.select().column("*").from(Row.table).where("token", .equal, token))
    }

    public func shown(token: String) async throws -> Shown? {
        guard let row = try await find(token: token) else { return nil }
        return Shown(
            label: row.label, kind: row.kind, confirmed: row.confirmedAt != nil, unsubscribed: row.unsubscribedAt != nil,
            expired: row.confirmedAt == nil && Self.expired(row, now: clock.now()))
    }

    static func expired(_ row: Row, now: Date) -> Bool {
        guard let created = Timestamp.date(row.createdAt) else { return true }
        return now.timeIntervalSince(created) > TimeInterval(SubscriptionRules.confirmHours * 3600)
    }

    /// Confirms by the link's token (a POST from the page the link opens, so a mail scanner that
    /// follows links confirms nothing). Returns false for an unknown or expired link.
    public func confirm(token: String) async throws -> Bool {
        guard let row = try await find(token: token), row.unsubscribedAt == nil, let id = row.id else { return false }
        if row.confirmedAt != nil { return true }
        guard !Self.expired(row, now: clock.now()) else { return false }
        let now = clock.now()
        try await database.change(by: .system, at: now) { db in
            try await db.update(Row.table).set("confirmed_at", to: Timestamp.text(now)).set("sent_through", to: Timestamp.text(now))
                .where("id", .equal, id).run()
            return ((), AuditEvent("subscription.confirm", target: "subscription:\(id)"))
        }
        return true
    }

    /// Ends the subscription the token belongs to (one click, RFC 8058). Unknown tokens do nothing.
    public func unsubscribe(token: String) async throws -> Bool {
        guard let row = try await find(token: token), let id = row.id else { return false }
        if row.unsubscribedAt != nil { return true }
        let now = clock.now()
        try await database.change(by: .system, at: now) { db in
            try await db.update(Row.table).set("unsubscribed_at", to: Timestamp.text(now)).where("id", .equal, id).run()
            return ((), AuditEvent("subscription.unsubscribe", target: "subscription:\(id)"))
        }
        return true
    }

    /// Confirmed subscriptions by kind, for the office (counts only, never addresses).
    public func counts() async throws -> [SubscriptionKind: Int] {
        let rows = try await Row.all(database.sql.select().column("*").from(Row.table).where("unsubscribed_at", .is, SQLLiteral.null))
        var counts: [SubscriptionKind: Int] = [:]
        for row in rows where row.confirmedAt != nil { counts[row.kind, default: 0] += 1 }
        return counts
    }
}

extension SubscriptionService {
    /// The categories public documents use, for the subscription form.
    public func categories() async throws -> [String] {
        try await database.sql.select().distinct().column("category").from("documents").where("state", .equal, DocumentState.published.rawValue)
            .where("attribute", .equal, DisclosureAttribute.proactive.rawValue).orderBy("category").limit(200).all()
            .map { try $0.decode(column: "category", as: String.self) }
    }
}
