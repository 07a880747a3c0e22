import SQLKit

/// Issue 21: a citizen who types the distinctive part of a 索引号 (`2026-00001` of
/// `CZJ/2026-00001`) is taken to the document. The part after the unit code's `/` gets an index
/// on the expression itself, so every existing row is covered without a new column to fill and
/// every insert path stays as it is. (`DocumentRepository.indexTail` is the same expression.)
struct IndexNumberTailIndex: Migration {
    let version = 11
    let reason = "索引号 parts: an index on the part after the unit code"

    func apply(on db: any SQLDatabase, dialect: Database.Dialect) async throws {
        let tail = DocumentRepository.indexTail(dialect == .postgres)
        try await db.raw("CREATE INDEX documents_index_tail ON documents ((\(unsafeRaw: tail)))").run()
    }
}
