import SQLKit

/// Issue 23 §4 (条例 第四十四条): requests a clerk links as asking for the same information, and the
/// draft documents a request's released information became when it was moved into 主动公开 — the
/// link kept both ways, so the case shows its document and the document its case.
struct CreateRequestPublicationTables: Migration {
    let version = 16
    let reason = "依申请转主动: linked requests and the documents requests became"

    func apply(on db: any SQLDatabase, dialect: Database.Dialect) async throws {
        try await db.create(table: "request_links")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("request_id", type: .bigint, .notNull, .references("requests", "id"))
            .column("linked_request_id", type: .bigint, .notNull, .references("requests", "id"))
            .column("linked_by", type: .text, .notNull)
            .column("linked_at", type: .text, .notNull)
            .run()
        try await db.create(index: "request_links_request").on("request_links").column("request_id").run()
        try await db.create(index: "request_links_linked").on("request_links").column("linked_request_id").run()
        try await db.create(table: "request_publications")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("request_id", type: .bigint, .notNull, .references("requests", "id"))
            .column("document_id", type: .bigint, .notNull, .references("documents", "id"))
            .column("created_by", type: .text, .notNull)
            .column("created_at", type: .text, .notNull)
            .run()
        try await db.create(index: "request_publications_request").on("request_publications").column("request_id").unique().run()
        try await db.create(index: "request_publications_document").on("request_publications").column("document_id").run()
    }
}
