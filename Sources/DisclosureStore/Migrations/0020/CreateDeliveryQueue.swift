import SQLKit

/// Issue 24 §1: messages that really go out. Staff accounts gain the e-mail address and mobile
/// number reminders go to; `deliveries` is the queue every instance sends from: one row per
/// message and recipient, claimed by one instance at a time, retried with back-off, and kept with
/// the server's answer when sent or failed.
struct CreateDeliveryQueue: Migration {
    let version = 20
    let reason = "e-mail and SMS: staff contacts and the delivery queue"

    func apply(on db: any SQLDatabase, dialect: Database.Dialect) async throws {
        try await db.alter(table: "staff_users").column("email", type: .text, .notNull, .default("")).run()
        try await db.alter(table: "staff_users").column("mobile", type: .text, .notNull, .default("")).run()
        // email, sms, both or none: how this person wants reminders.
        try await db.alter(table: "staff_users").column("reminders_by", type: .text, .notNull, .default("email")).run()

        try await db.create(table: "deliveries")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            // Makes queueing idempotent: one message per event, recipient and channel.
            .column("key", type: .text, .notNull, .unique)
            .column("purpose", type: .text, .notNull)
            .column("channel", type: .text, .notNull)
            .column("recipient", type: .text, .notNull)
            // Who the recipient is, for the office's log: a staff username, 申请人, 订阅者.
            .column("recipient_label", type: .text, .notNull)
            .column("unit_code", type: .text, .notNull)
            .column("request_id", type: .bigint)
            .column("letter_id", type: .bigint)
            .column("subject", type: .text, .notNull)
            .column("body", type: .text, .notNull)
            // JSON list of what to attach, resolved at sending: letters and released files.
            .column("attachments", type: .text, .notNull)
            .column("status", type: .text, .notNull)
            .column("attempts", type: .int, .notNull)
            .column("next_attempt_at", type: .text, .notNull)
            .column("claimed_by", type: .text)
            .column("claimed_until", type: .text)
            .column("last_error", type: .text)
            .column("answer", type: .text)
            .column("sent_at", type: .text)
            .column("created_at", type: .text, .notNull)
            .run()
        try await db.create(index: "deliveries_due").on("deliveries").column("status").column("next_attempt_at").run()
        try await db.create(index: "deliveries_unit").on("deliveries").column("unit_code").column("created_at").run()
        try await db.create(index: "deliveries_letter").on("deliveries").column("letter_id").run()
    }
}
