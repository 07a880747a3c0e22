import SQLKit

/// Issue 23 §3: what a reviewer decided about each piece of personal data the scan found in
/// something about to go public (遮盖, or 确认可以公开 with a reason). Kept by kind and masked
/// text — the value itself is never stored — so a confirmed hotline is not asked about again and
/// the nightly watch raises no finding for it.
struct CreatePrivacyDecisions: Migration {
    let version = 15
    let reason = "保密审查: the reviewer's decision on each personal-data hit, by kind and masked text"

    func apply(on db: any SQLDatabase, dialect: Database.Dialect) async throws {
        try await db.create(table: "privacy_decisions")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("subject", type: .text, .notNull)
            .column("kind", type: .text, .notNull)
            .column("masked", type: .text, .notNull)
            .column("action", type: .text, .notNull)
            .column("reason", type: .text, .notNull)
            .column("decided_by", type: .text, .notNull)
            .column("decided_at", type: .text, .notNull)
            .run()
        try await db.create(index: "privacy_decisions_subject").on("privacy_decisions").column("subject").run()
    }
}
