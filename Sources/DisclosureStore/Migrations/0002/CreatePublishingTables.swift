import SQLKit

/// 标准目录 entries, documents with versions, reviews and attachments, 索引号 sequences, and the
/// portal's full-text index (FTS5 on SQLite, tsvector + GIN on PostgreSQL; DESIGN §4).
struct CreatePublishingTables: Migration {
    let version = 2
    let reason = "publishing: catalog, documents, versions, reviews, attachments, search index"

    func apply(on db: any SQLDatabase, dialect: Database.Dialect) async throws {
        try await db.create(table: "catalog_entries")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("unit_code", type: .text, .notNull, .references("units", "code"))
            .column("position", type: .int, .notNull)
            .column("domain", type: .text, .notNull)
            .column("primary_item", type: .text, .notNull)
            .column("secondary_item", type: .text, .notNull)
            .column("content", type: .text, .notNull)
            .column("basis", type: .text, .notNull)
            .column("time_limit_text", type: .text, .notNull)
            .column("rule_anchor", type: .text, .notNull)
            .column("rule_days", type: .int, .notNull)
            .column("channels", type: .text, .notNull)
            .column("audience", type: .text, .notNull)
            .column("mode", type: .text, .notNull)
            .column("level", type: .text, .notNull)
            .column("column_name", type: .text, .notNull)
            .column("column_kind", type: .text, .notNull)
            .column("statutory_item", type: .int)
            .column("updated_at", type: .text, .notNull)
            .run()
        try await db.create(index: "catalog_entries_unit").on("catalog_entries").column("unit_code").column("position").run()

        try await db.create(table: "index_sequences")
            .column("unit_code", type: .text, .notNull)
            .column("year", type: .int, .notNull)
            .column("last_value", type: .int, .notNull)
            .primaryKey("unit_code", "year")
            .run()

        try await db.create(table: "documents")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("index_number", type: .text, .notNull, .unique)
            .column("unit_code", type: .text, .notNull, .references("units", "code"))
            .column("title", type: .text, .notNull)
            .column("doc_number", type: .text, .notNull)
            .column("issuer", type: .text, .notNull)
            .column("topic", type: .text, .notNull)
            .column("catalog_entry_id", type: .bigint, .references("catalog_entries", "id"))
            .column("category", type: .text, .notNull)
            .column("generated_on", type: .text, .notNull)
            .column("body", type: .text, .notNull)
            .column("attribute", type: .text, .notNull)
            .column("withholding_reason", type: .text)
            .column("channels", type: .text, .notNull)
            .column("is_normative", type: .custom(SQLRaw("BOOLEAN")), .notNull)
            .column("effective_from", type: .text)
            .column("expires_on", type: .text)
            .column("repealed_on", type: .text)
            .column("interprets_document_id", type: .bigint, .references("documents", "id"))
            .column("state", type: .text, .notNull)
            .column("version", type: .int, .notNull)
            .column("correction_notice", type: .text)
            .column("publish_at", type: .text)
            .column("published_on", type: .text)
            .column("published_at", type: .text)
            .column("withdrawn_reason", type: .text)
            .column("search_key", type: .bigint)
            .column("created_by", type: .text, .notNull)
            .column("created_at", type: .text, .notNull)
            .column("updated_at", type: .text, .notNull)
            .run()
        try await db.create(index: "documents_unit_state").on("documents").column("unit_code").column("state").run()
        try await db.create(index: "documents_state_published").on("documents").column("state").column("published_at").run()
        try await db.create(index: "documents_search_key").on("documents").column("search_key").run()
        try await db.create(index: "documents_interprets").on("documents").column("interprets_document_id").run()
        // New drafts get a 文号 unique within the unit (checked by PublishingService); bulk-imported
        // legacy records may repeat one, so the index only makes the check fast.
        try await db.create(index: "documents_unit_doc_number").on("documents").column("unit_code").column("doc_number").run()

        try await db.create(table: "document_versions")
            .column("document_id", type: .bigint, .notNull, .references("documents", "id"))
            .column("version", type: .int, .notNull)
            .column("title", type: .text, .notNull)
            .column("doc_number", type: .text, .notNull)
            .column("body", type: .text, .notNull)
            .column("correction_notice", type: .text)
            .column("recorded_at", type: .text, .notNull)
            .column("recorded_by", type: .text, .notNull)
            .primaryKey("document_id", "version")
            .run()

        try await db.create(table: "document_reviews")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("document_id", type: .bigint, .notNull, .references("documents", "id"))
            .column("action", type: .text, .notNull)
            .column("reviewer", type: .text, .notNull)
            .column("contains_secrets", type: .custom(SQLRaw("BOOLEAN")), .notNull)
            .column("contains_private_data", type: .custom(SQLRaw("BOOLEAN")), .notNull)
            .column("wording_accurate", type: .custom(SQLRaw("BOOLEAN")), .notNull)
            .column("note", type: .text, .notNull)
            .column("decided_at", type: .text, .notNull)
            .run()
        try await db.create(index: "document_reviews_document").on("document_reviews").column("document_id").run()

        try await db.create(table: "attachments")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("document_id", type: .bigint, .notNull, .references("documents", "id"))
            .column("file_name", type: .text, .notNull)
            .column("media_type", type: .text, .notNull)
            .column("size", type: .bigint, .notNull)
            .column("sha256", type: .text, .notNull)
            .column("created_at", type: .text, .notNull)
            .run()
        try await db.create(index: "attachments_document").on("attachments").column("document_id").run()

        // Small integers for units and categories, packed into each document's search key.
        try await db.create(table: "search_ordinals")
            .column("kind", type: .text, .notNull)
            .column("value", type: .text, .notNull)
            .column("ordinal", type: .int, .notNull)
            .primaryKey("kind", "value")
            .run()

        // Bumped by every change to public content; page caches on every instance compare it.
        try await db.create(table: "change_markers")
            .column("name", type: .text, .primaryKey(autoIncrement: false))
            .column("version", type: .bigint, .notNull)
            .run()
        try await db.insert(into: "change_markers").columns("name", "version").values(SQLBind("portal"), SQLBind(0)).run()

        switch dialect {
        case .sqlite:
            // Contentless (the text lives in `documents`); rowid = the document's search key.
            try await db.raw(
                "CREATE VIRTUAL TABLE document_search USING fts5(title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')"
            ).run()
        case .postgres:
            try await db.raw("CREATE TABLE document_search (search_key BIGINT PRIMARY KEY, tsv TSVECTOR NOT NULL)").run()
            try await db.raw("CREATE INDEX document_search_tsv ON document_search USING gin (tsv)").run()
        }
    }
}
