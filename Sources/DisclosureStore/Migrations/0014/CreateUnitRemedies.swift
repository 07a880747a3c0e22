import SQLKit

/// Issue 22: a reply letter names the 复议机关 and the court. Each unit may set its own (a
/// county with centralised administrative jurisdiction names that court); a unit without a row
/// uses `Remedy.defaults`.
struct CreateUnitRemedies: Migration {
    let version = 14
    let reason = "依申请公开: each unit's 复议机关 and court for the reply's 救济途径"

    func apply(on db: any SQLDatabase, dialect: Database.Dialect) async throws {
        try await db.create(table: "unit_remedies")
            .column("unit_code", type: .text, .primaryKey(autoIncrement: false), .references("units", "code"))
            .column("review_authority", type: .text)
            .column("court", type: .text)
            .column("updated_at", type: .text, .notNull)
            .run()
    }
}
