import SQLKit

/// The search engine replaces the database's full-text tables (issue 20): FTS5 / tsvector for
/// documents and powers, the ordinals that packed facets into search keys, and the key column.
/// `search_validity` remembers the 有效性 a document's search entry was last written with, so the
/// daily job notices a 失效日期 that passed and logs the document again. It starts empty, so the
/// first run logs every 规范性文件 once; each instance rebuilds its index folder at first start.
/// The 文号 gets an index of its own: the search page looks one up on every query.
struct RetireDatabaseSearchTables: Migration {
    let version = 10
    let reason = "search engine: drop the FTS5/tsvector tables, search ordinals and search keys"

    func apply(on db: any SQLDatabase, dialect: Database.Dialect) async throws {
        try await db.drop(table: "document_search").ifExists().run()
        try await db.drop(table: "power_search").ifExists().run()
        try await db.drop(table: "search_ordinals").ifExists().run()
        try await db.drop(index: "documents_search_key").ifExists().run()
        try await db.raw("ALTER TABLE documents DROP COLUMN search_key").run()
        try await db.alter(table: "documents").column("search_validity", type: .text).run()
        // The search page looks for an exact 文号 among all units' documents on every query.
        try await db.create(index: "documents_doc_number").on("documents").column("doc_number").run()
    }
}
