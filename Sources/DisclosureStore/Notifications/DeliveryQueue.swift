import DisclosureCore
import Foundation
import SQLKit

/// The queue every instance sends from (issue 24 §1). A message is claimed by one instance for a
/// lease (`FOR UPDATE SKIP LOCKED` on PostgreSQL, so two instances take different rows without
/// waiting for each other; SQLite's single writer serialises the claim), sent, and marked by the
/// instance that holds the claim. A claim whose lease ran out (the instance died mid-send) is
/// taken again; the Message-ID stays the same so a receiving server can see the repeat.
public struct DeliveryQueue: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// How long a claim holds; a send gives up well before (`DeliveryDispatcher.sendTimeout`).
    public static let lease: TimeInterval = 300

    /// Queues a message unless its key is queued already; returns whether it was new.
    @discardableResult
    public func enqueue(_ message: OutgoingDelivery, at now: Date) async throws -> Bool {
        let exists = try await db.select().column("id").from(DeliveryRow.table).where("key", .equal, message.key).first() != nil
        guard !exists else { return false }
        try await db.insert(into: DeliveryRow.table).model(try DeliveryRow(message, next: now, at: now), with: DeliveryRow.insertEncoder)
            .ignoringConflicts(with: ["key"]).run()
        return true
    }

    /// Claims up to `limit` messages that are due on the given channels for `instance`.
    public func claim(channels: [DeliveryChannel], limit: Int, by instance: String, at now: Date, dialect: Database.Dialect) async throws
        -> [Delivery]
    {
        guard !channels.isEmpty, limit > 0 else { return [] }
        let nowText = Timestamp.text(now)
        let until = Timestamp.text(now.addingTimeInterval(Self.lease))
        let channelList = SQLList(channels.map { SQLBind($0.rawValue) })
        let skipLocked: SQLQueryString = dialect == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        let query: SQLQueryString = """
            UPDATE deliveries SET status = 'sending', claimed_by = \(bind: instance), claimed_until = \(bind: until), attempts = attempts + 1
            WHERE id IN (
              SELECT id FROM deliveries
              WHERE channel IN (\(channelList))
                AND ((status = 'queued' AND next_attempt_at <= \(bind: nowText)) OR (status = 'sending' AND claimed_until < \(bind: nowText)))
              ORDER BY next_attempt_at, id LIMIT \(bind: limit)\(skipLocked)
            )
            RETURNING *
            """
        return try await db.raw(query).all().map { try DeliveryRow.read($0).delivery() }.sorted { $0.id < $1.id }
    }

    /// Marks a claimed message sent; false when the claim was lost (the lease ran out and another
    /// instance took it), so the caller does not record anything twice.
    public func markSent(_ id: Int, by instance: String, answer: String, at now: Date) async throws -> Bool {
        try await finish(id, by: instance) {
            $0.set("status", to: DeliveryStatus.sent.rawValue).set("answer", to: String(answer.prefix(500))).set("sent_at", to: Timestamp.text(now))
                .set("last_error", to: String?.none)
        }
    }

    /// Puts a claimed message back for another attempt at `next`, keeping the reason; or marks it
    /// failed for good when `next` is nil.
    public func markFailed(_ id: Int, by instance: String, reason: String, retryAt next: Date?) async throws -> Bool {
        try await finish(id, by: instance) { update in
            let reason = String(reason.prefix(500))
            if let next {
                return update.set("status", to: DeliveryStatus.queued.rawValue).set("last_error", to: reason)
                    .set("next_attempt_at", to: Timestamp.text(next))
            }
            return update.set("status", to: DeliveryStatus.failed.rawValue).set("last_error", to: reason)
        }
    }

    /// Holds a claimed message until `next` without counting the attempt (quiet hours).
    public func postpone(_ id: Int, by instance: String, until next: Date) async throws -> Bool {
        try await finish(id, by: instance) {
            $0.set("status", to: DeliveryStatus.queued.rawValue).set("next_attempt_at", to: Timestamp.text(next))
                .set(SQLColumn("attempts"), to: SQLRaw("attempts - 1"))
        }
    }

    private func finish(_ id: Int, by instance: String, _ change: (SQLUpdateBuilder) -> SQLUpdateBuilder) async throws -> Bool {
        let update = change(db.update(DeliveryRow.table)).set("claimed_by", to: String?.none).set("claimed_until", to: String?.none)
            .where("id", .equal, id).where("status", .equal, DeliveryStatus.sending.rawValue).where("claimed_by", .equal, instance)
        let rows = try await update.returning("id").all()
        return !rows.isEmpty
    }

    /// A failed message queued again by the office, with its retries renewed.
    public func resend(_ id: Int, at now: Date) async throws -> Bool {
        let rows = try await db.update(DeliveryRow.table).set("status", to: DeliveryStatus.queued.rawValue).set("attempts", to: 0)
            .set("next_attempt_at", to: Timestamp.text(now)).where("id", .equal, id).where("status", .equal, DeliveryStatus.failed.rawValue)
            .returning("id").all()
        return !rows.isEmpty
    }

    public func find(_ id: Int) async throws -> Delivery? {
        try await DeliveryRow.first(db.select().column("*").from(DeliveryRow.table).where("id", .equal, id))?.delivery()
    }

    /// The newest messages of the given units, optionally of one status.
    public func recent(units: [String], status: DeliveryStatus? = nil, limit: Int = 200) async throws -> [Delivery] {
        guard !units.isEmpty else { return [] }
        var query = db.select().column("*").from(DeliveryRow.table).where("unit_code", .in, units)
        if let status { query = query.where("status", .equal, status.rawValue) }
        return try await DeliveryRow.all(query.orderBy("id", .descending).limit(limit)).map { try $0.delivery() }
    }

    /// How many messages of the given units stand in each status.
    public func counts(units: [String]) async throws -> [DeliveryStatus: Int] {
        guard !units.isEmpty else { return [:] }
        let rows = try await db.select().column("status").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(DeliveryRow.table)
            .where("unit_code", .in, units).groupBy("status").all()
        var counts: [DeliveryStatus: Int] = [:]
        for row in rows {
            if let status = DeliveryStatus(rawValue: try row.decode(column: "status", as: String.self)) {
                counts[status] = try row.decode(column: "n", as: Int.self)
            }
        }
        return counts
    }

    /// The messages about one letter, newest first (the case page shows whether it went out).
    public func forLetters(_ ids: [Int]) async throws -> [Delivery] {
        guard !ids.isEmpty else { return [] }
        return try await DeliveryRow.all(
            db.select().column("*").from(DeliveryRow.table).where("letter_id", .in, ids).orderBy("id", .descending)
        ).map { try $0.delivery() }
    }
}

extension DeliveryQueue {
    /// Queues a test message to an e-mail address or a mobile number (the console's and the
    /// settings page's 「发送测试消息」); returns its id.
    public static func queueTest(to recipient: String, on database: Database, at now: Date) async throws -> Int {
        let trimmed = recipient.trimmingCharacters(in: .whitespaces)
        let channel: DeliveryChannel
        let address: String
        if let mobile = IdentityNumbers.normalizedMobile(trimmed) {
            (channel, address) = (.sms, mobile)
        } else {
            (channel, address) = (.email, try MailAddress.validated(trimmed, field: "to"))
        }
        let office = try await UnitRepository(database.sql).rootCode()
        let key = "test:\(UUID().uuidString)"
        let message = OutgoingDelivery(
            key: key, purpose: .test, channel: channel, recipient: address, recipientLabel: "测试", unitCode: office, subject: "政务公开平台测试消息",
            body: "这是一条测试消息：政务公开平台的\(channel.label)发送设置可以使用。")
        try await DeliveryQueue(database.unaudited).enqueue(message, at: now)
        guard
            let id = try await database.sql.select().column("id").from(DeliveryRow.table).where("key", .equal, key).first(
                decodingColumn: "id", as: Int.self)
        else { throw DomainError(.conflict, "测试消息保存失败") }
        return id
    }
}
