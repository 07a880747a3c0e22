import SQLKit

/// Issue 21 §6: the files a reply releases (the information itself, 「详见附件」) belong to the case,
/// so the applicant can download them from `/track` once the reply is sent. The bytes live in the
/// content-addressed file store like every attachment; a row names them for one request.
struct CreateRequestFiles: Migration {
    let version = 13
    let reason = "依申请公开: the files a reply releases, downloadable by the applicant"

    func apply(on db: any SQLDatabase, dialect: Database.Dialect) async throws {
        try await db.create(table: "request_files")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("request_id", type: .bigint, .notNull, .references("requests", "id"))
            .column("file_name", type: .text, .notNull)
            .column("media_type", type: .text, .notNull)
            .column("size", type: .bigint, .notNull)
            .column("sha256", type: .text, .notNull)
            .column("added_by", type: .text, .notNull)
            .column("created_at", type: .text, .notNull)
            .run()
        try await db.create(index: "request_files_request").on("request_files").column("request_id").run()
    }
}
