import SQLKit

/// Issue 23 §1–§2 (条例 第三十七条): a released file may be a redacted copy of one the applicant
/// never receives; each withheld region is logged with its page, place, ground, who and when, and
/// the 部分公开 letter's reasons are written from that log. A PDF's page count is kept for the letter.
struct CreateRedactions: Migration {
    let version = 18
    let reason = "部分公开: redacted copies of reply files and the redaction log"

    func apply(on db: any SQLDatabase, dialect: Database.Dialect) async throws {
        try await db.alter(table: "request_files").column("source_file_id", type: .bigint).run()
        try await db.alter(table: "request_files").column("withheld", type: .custom(SQLRaw("BOOLEAN")), .notNull, .default(false)).run()
        try await db.alter(table: "request_files").column("pages", type: .bigint).run()
        try await db.create(table: "redactions")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("request_id", type: .bigint, .notNull, .references("requests", "id"))
            .column("source_file_id", type: .bigint, .notNull, .references("request_files", "id"))
            .column("redacted_file_id", type: .bigint, .notNull, .references("request_files", "id"))
            .column("page", type: .bigint, .notNull)
            .column("x", type: .real, .notNull)
            .column("y", type: .real, .notNull)
            .column("width", type: .real, .notNull)
            .column("height", type: .real, .notNull)
            .column("ground", type: .text, .notNull)
            .column("what", type: .text, .notNull)
            .column("redacted_by", type: .text, .notNull)
            .column("redacted_at", type: .text, .notNull)
            .run()
        try await db.create(index: "redactions_request").on("redactions").column("request_id").run()
    }
}
