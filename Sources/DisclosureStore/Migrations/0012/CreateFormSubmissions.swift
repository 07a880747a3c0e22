import SQLKit

/// Issue 21: an online application is filed once per form, however often it is posted (a
/// refresh, a double tap, a slow network). Each application form carries a one-time token; the
/// first post files the case and keeps its 受理编号 and 查询码 here under the token's hash (bound
/// to the browser's CSRF cookie), so a repeated post and the receipt page after the redirect
/// show the same receipt. The 查询码 is kept in plain text for 24 hours only — a repeated post may
/// be the only response the citizen's browser shows — and rows older than that are deleted.
struct CreateFormSubmissions: Migration {
    let version = 12
    let reason = "online applications: one case per form token (post/redirect/get)"

    func apply(on db: any SQLDatabase, dialect: Database.Dialect) async throws {
        try await db.create(table: "form_submissions")
            .column("token_hash", type: .text, .primaryKey(autoIncrement: false))
            .column("request_id", type: .bigint, .notNull)
            .column("reference", type: .text, .notNull)
            .column("query_code", type: .text, .notNull)
            .column("unit_code", type: .text, .notNull)
            .column("created_at", type: .text, .notNull)
            .run()
        try await db.create(index: "form_submissions_created_at").on("form_submissions").column("created_at").run()
    }
}
