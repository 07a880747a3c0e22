import SQLKit

/// Issue 23 §3: the text of each file a reply releases, extracted at upload, so the personal-data
/// scan runs on released files before the reply is approved without reading them again.
struct CreateRequestFileTexts: Migration {
    let version = 19
    let reason = "reply files: their extracted text for the personal-data scan before approval"

    func apply(on db: any SQLDatabase, dialect: Database.Dialect) async throws {
        try await db.create(table: "request_file_texts")
            .column("file_id", type: .bigint, .primaryKey(autoIncrement: false), .references("request_files", "id"))
            .column("status", type: .text, .notNull)
            .column("text", type: .text, .notNull)
            .column("extracted_at", type: .text, .notNull)
            .run()
    }
}
