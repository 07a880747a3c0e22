import SQLKit

/// Issue 24 §2 (政策找人): citizens' e-mail subscriptions, confirmed by a link and ended by one
/// click, and the headers a message carries besides its text (List-Unsubscribe on digests).
struct CreateSubscriptions: Migration {
    let version = 22
    let reason = "subscriptions by e-mail with double opt-in; message headers"

    func apply(on db: any SQLDatabase, dialect: Database.Dialect) async throws {
        try await db.create(table: "subscriptions")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("email", type: .text, .notNull)
            .column("kind", type: .text, .notNull)
            .column("value", type: .text, .notNull)
            .column("label", type: .text, .notNull)
            // The links' secret, kept as it is since every digest carries it in its unsubscribe link:
            // it confirms or ends this one subscription and does nothing else.
            .column("token", type: .text, .notNull, .unique)
            .column("created_at", type: .text, .notNull)
            .column("confirmed_at", type: .text)
            .column("unsubscribed_at", type: .text)
            // The newest publication time already sent, so each digest has only what is new.
            .column("sent_through", type: .text)
            .run()
        try await db.create(index: "subscriptions_email").on("subscriptions").column("email").run()
        try await db.alter(table: "deliveries").column("headers", type: .text, .notNull, .default("")).run()
    }
}
