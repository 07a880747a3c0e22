import SQLKit

/// Issue 23 §3 and §5: the text extracted from each attachment when it is uploaded (a PDF's text
/// layer, a DOCX's paragraphs, an XLSX's cells), indexed with its document and scanned for
/// personal data in the 保密审查; `status` says when there is none (a scan, an old format, the
/// tool missing).
struct CreateAttachmentTexts: Migration {
    let version = 17
    let reason = "attachments: their extracted text for search and the personal-data scan"

    func apply(on db: any SQLDatabase, dialect: Database.Dialect) async throws {
        try await db.create(table: "attachment_texts")
            .column("attachment_id", type: .bigint, .primaryKey(autoIncrement: false), .references("attachments", "id"))
            .column("status", type: .text, .notNull)
            .column("text", type: .text, .notNull)
            .column("extracted_at", type: .text, .notNull)
            .run()
    }
}
