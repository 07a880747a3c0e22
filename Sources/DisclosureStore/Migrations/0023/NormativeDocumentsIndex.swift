import SQLKit

/// The publication job checks the 有效性 of every published 规范性文件 on each round (every
/// minute). With no index naming them, SQLite walked every published document through the state
/// index and looked each row up — at a million documents a core busy for seconds each minute,
/// beside the portal's traffic (found under issue 20's load test). Normative documents are a
/// small share, so a partial index holds only them.
struct NormativeDocumentsIndex: Migration {
    let version = 23
    let reason = "a partial index on the published 规范性文件 the validity job reads"

    func apply(on db: any SQLDatabase, dialect: Database.Dialect) async throws {
        // `WHERE is_normative` (not `= ?`): a query uses a partial index only when its own WHERE
        // names the same term, which `PublishingService.refreshValidity` does.
        try await db.raw("CREATE INDEX documents_normative ON documents (state, attribute) WHERE is_normative").run()
    }
}
