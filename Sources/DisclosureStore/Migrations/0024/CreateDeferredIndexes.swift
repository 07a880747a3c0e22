import SQLKit

/// Where a bulk import keeps the definitions of the indexes it set aside (`DeferredIndexes`), so
/// that an import that dies before building them again leaves a record the next start acts on.
struct CreateDeferredIndexes: Migration {
    let version = 24
    let reason = "definitions of indexes a bulk import set aside, rebuilt at its end or at the next start"

    func apply(on db: any SQLDatabase, dialect: Database.Dialect) async throws {
        try await db.create(table: "deferred_indexes")
            .column("name", type: .text, .primaryKey(autoIncrement: false))
            .column("table_name", type: .text, .notNull)
            .column("definition", type: .text, .notNull)
            .column("deferred_at", type: .text, .notNull)
            .run()
    }
}
