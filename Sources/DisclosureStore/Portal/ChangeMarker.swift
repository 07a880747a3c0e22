import Foundation
import SQLKit

/// A counter in the database that every change to public content bumps in its own transaction.
/// Caches of rendered pages compare it instead of listening for in-process events, so several
/// instances behind a load balancer stay correct (DESIGN §8).
public enum ChangeMarker {
    public static func bump(on db: any SQLDatabase) async throws {
        try await db.raw("UPDATE change_markers SET version = version + 1 WHERE name = 'portal'").run()
    }

    public static func read(on db: any SQLDatabase) async throws -> Int64 {
        try await db.select().column("version").from("change_markers").where("name", .equal, "portal")
            .first(decodingColumn: "version", as: Int64.self) ?? 0
    }
}
