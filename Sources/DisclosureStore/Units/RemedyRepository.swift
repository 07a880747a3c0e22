import DisclosureCore
import Foundation
import SQLKit

/// Named queries over `unit_remedies`: what a unit set, merged over the defaults.
struct RemedyRepository: Sendable {
    let db: any SQLDatabase

    init(_ db: any SQLDatabase) { self.db = db }

    /// The unit's 复议机关 and court: its own where set, the defaults otherwise.
    func remedy(of code: String) async throws -> Remedy? {
        let units = try await UnitRepository(db).all()
        guard let unit = units.first(where: { $0.code == code }) else { return nil }
        var remedy = Remedy.defaults(for: unit, in: units)
        let own = try await stored(code)
        if let authority = own.reviewAuthority { remedy.reviewAuthority = authority }
        if let court = own.court { remedy.court = court }
        return remedy
    }

    /// What the office set for the unit, field by field (nil: the default applies).
    func stored(_ code: String) async throws -> (reviewAuthority: String?, court: String?) {
        guard let row = try await db.select().columns("review_authority", "court").from("unit_remedies").where("unit_code", .equal, code).first()
        else { return (nil, nil) }
        return (
            try row.decodeNil(column: "review_authority") ? nil : row.decode(column: "review_authority", as: String.self),
            try row.decodeNil(column: "court") ? nil : row.decode(column: "court", as: String.self)
        )
    }

    /// Stores what the office set; nil fields fall back to the defaults.
    func save(_ code: String, reviewAuthority: String?, court: String?, at now: Date) async throws {
        try await db.delete(from: "unit_remedies").where("unit_code", .equal, code).run()
        guard reviewAuthority != nil || court != nil else { return }
        try await db.insert(into: "unit_remedies").columns("unit_code", "review_authority", "court", "updated_at")
            .values(SQLBind(code), SQLBind(reviewAuthority), SQLBind(court), SQLBind(Timestamp.text(now))).run()
    }
}
