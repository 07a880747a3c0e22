import DisclosureCore
import Foundation
import SQLKit

/// What every document change that the portal can see does in its transaction: a row in the
/// search change log (each instance's index reads the document again from it), the 有效性 the
/// entry is written with (for `refreshValidity`), and a bump of the page caches' marker.
enum DocumentSearchLog {
    static func changed(_ document: GovernmentDocument, today: CivilDate, at now: Date, on db: any SQLDatabase) async throws {
        try await SearchChangeLog.record(.documents, [document.id], at: now, on: db)
        try await db.update("documents").set("search_validity", to: document.validityStatus(on: today)?.rawValue)
            .where("id", .equal, document.id).run()
        try await ChangeMarker.bump(on: db)
    }
}
