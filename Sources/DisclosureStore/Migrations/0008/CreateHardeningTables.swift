import DisclosureCore
import SQLKit

/// Hardening (issue 17): login throttling by username and address instead of a hard lock anyone
/// could trigger, the audit chain's head kept outside the chain so a deleted tail is detected,
/// and anonymous upload bytes per address so attachments cannot fill the disk.
struct CreateHardeningTables: Migration {
    let version = 8
    let reason = "hardening: login throttle, audit chain head, anonymous upload quota; clear hard login locks"

    func apply(on db: any SQLDatabase, dialect: Database.Dialect) async throws {
        try await db.create(table: "login_throttle")
            .column("key", type: .text, .primaryKey(autoIncrement: false))
            .column("failures", type: .int, .notNull)
            .column("last_failure_at", type: .text, .notNull)
            .column("blocked_until", type: .text)
            .run()
        // One row (id 1): how many entries the chain has and the hash of the newest.
        try await db.create(table: "audit_head")
            .column("id", type: .int, .primaryKey(autoIncrement: false))
            .column("entries", type: .bigint, .notNull)
            .column("hash", type: .text, .notNull)
            .run()
        let newest = try await db.select().columns("id", "hash").from("audit_log").orderBy("id", .descending).limit(1).first()
        try await db.insert(into: "audit_head").columns("id", "entries", "hash")
            .values(
                SQLBind(1), SQLBind(try newest?.decode(column: "id", as: Int.self) ?? 0),
                SQLBind(try newest?.decode(column: "hash", as: String.self) ?? AuditRecord.genesisHash)
            )
            .run()
        try await db.create(table: "upload_quota")
            .column("address", type: .text, .notNull)
            .column("hour", type: .text, .notNull)
            .column("bytes", type: .bigint, .notNull)
            .primaryKey("address", "hour")
            .run()
        // Accounts locked by the old rule open again; the throttle now decides.
        try await db.update("staff_users").set("failed_logins", to: 0).set("locked_until", to: String?.none).run()
    }
}
