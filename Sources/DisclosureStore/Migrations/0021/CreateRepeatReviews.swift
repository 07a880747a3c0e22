import DisclosureCore
import SQLKit

/// Issue 24 §4: each request carries a hash of its applicant's 证件 so repeat applications are
/// found without comparing numbers; a flagged request keeps the earlier cases it resembles and the
/// clerk's decision about them.
struct CreateRepeatReviews: Migration {
    let version = 21
    let reason = "repeat applications: the applicant's hash on each request, flags and decisions"

    func apply(on db: any SQLDatabase, dialect: Database.Dialect) async throws {
        try await db.alter(table: "requests").column("applicant_key", type: .text, .notNull, .default("")).run()
        // Existing requests get their key now, so a county that upgrades compares with its past.
        let rows = try await db.select().column("id").column("id_type").column("id_number").from("requests").all()
        for row in rows {
            let id = try row.decode(column: "id", as: Int.self)
            guard let type = IdentityDocumentType(rawValue: try row.decode(column: "id_type", as: String.self)) else { continue }
            let key = RequestRepository.applicantKey(type, try row.decode(column: "id_number", as: String.self))
            try await db.update("requests").set("applicant_key", to: key).where("id", .equal, id).run()
        }
        try await db.create(index: "requests_unit_applicant").on("requests").column("unit_code").column("applicant_key").run()
        try await db.create(table: "repeat_reviews")
            .column("request_id", type: .bigint, .primaryKey(autoIncrement: false), .references("requests", "id"))
            // JSON: [{"id", "reason", "similarity"}] of the earlier requests found at intake.
            .column("earlier", type: .text, .notNull)
            .column("flagged_at", type: .text, .notNull)
            .column("decision", type: .text)
            .column("note", type: .text, .notNull)
            .column("decided_by", type: .text)
            .column("decided_at", type: .text)
            .run()
    }
}
