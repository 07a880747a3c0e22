import SQLKit

/// The search engine's change log (issue 20): every publication, correction, withdrawal or
/// validity change of a document, and every change of a power, writes a row in the same
/// transaction. Each instance applies the rows in order to its own index folder. The head row is
/// updated by every writer before it inserts, so writers take sequences one at a time and commit
/// in sequence order: a reader never sees sequence 8 before a 7 that is still to commit.
struct CreateSearchChangeLog: Migration {
    let version = 9
    let reason = "search engine: change log of documents and powers for each instance's index"

    func apply(on db: any SQLDatabase, dialect: Database.Dialect) async throws {
        try await db.create(table: "search_changes")
            .column("sequence", type: .bigint, .primaryKey(autoIncrement: false))
            .column("collection", type: .text, .notNull)
            .column("item_id", type: .bigint, .notNull)
            .column("changed_at", type: .text, .notNull)
            .run()
        try await db.create(table: "search_change_head")
            .column("id", type: .int, .primaryKey(autoIncrement: false))
            .column("last_sequence", type: .bigint, .notNull)
            .run()
        try await db.insert(into: "search_change_head").columns("id", "last_sequence").values(SQLBind(1), SQLBind(0)).run()
    }
}
