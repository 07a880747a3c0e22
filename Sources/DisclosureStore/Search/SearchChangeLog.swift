import DisclosureCore
import Foundation
import SQLKit

/// What an index holds: the portal's documents or the power list.
public enum SearchCollection: String, Sendable, CaseIterable {
    case documents = "document"
    case powers = "power"
}

/// One row of the change log: an item whose search entry must be read again from its table.
public struct SearchChange: Sendable, Equatable {
    public let sequence: Int64
    /// nil for a collection this binary does not know (a newer version wrote it); skipped.
    public let collection: SearchCollection?
    public let itemID: Int
}

/// The log the database keeps of items whose search entry changed (migration 0009). A row only
/// names the item: the applier reads the item as it stands, so replaying a row is harmless and
/// the database stays the only truth.
public enum SearchChangeLog {
    /// Records that `ids` changed, inside the caller's transaction.
    public static func record(_ collection: SearchCollection, _ ids: [Int], at now: Date, on db: any SQLDatabase) async throws {
        guard !ids.isEmpty else { return }
        // The UPDATE holds the head row until commit, so sequences commit in order.
        guard
            let last = try await db.raw(
                "UPDATE search_change_head SET last_sequence = last_sequence + \(bind: ids.count) WHERE id = 1 RETURNING last_sequence"
            )
            .first(decodingColumn: "last_sequence", as: Int64.self)
        else { throw DomainError(.conflict, field: "search", "检索变更记录缺少起始行（请先执行 disclosure migrate）") }
        let first = last - Int64(ids.count) + 1
        let stamp = Timestamp.text(now)
        for start in stride(from: 0, to: ids.count, by: 500) {
            let rows = ids[start..<min(start + 500, ids.count)].enumerated().map { offset, id -> [any SQLExpression] in
                [SQLBind(first + Int64(start + offset)), SQLBind(collection.rawValue), SQLBind(Int64(id)), SQLBind(stamp)]
            }
            try await db.insert(into: "search_changes").columns("sequence", "collection", "item_id", "changed_at").rows(rows).run()
        }
    }

    /// The newest sequence written.
    public static func head(on db: any SQLDatabase) async throws -> Int64 {
        try await db.select().column("last_sequence").from("search_change_head").where("id", .equal, 1)
            .first(decodingColumn: "last_sequence", as: Int64.self) ?? 0
    }

    /// How many rows lie after `start`, up to and including `end`.
    public static func count(after start: Int64, through end: Int64, on db: any SQLDatabase) async throws -> Int {
        try await db.select().column(SQLFunction("count", args: SQLLiteral.all), as: "n").from("search_changes")
            .where("sequence", .greaterThan, start).where("sequence", .lessThanOrEqual, end).first(decodingColumn: "n", as: Int.self) ?? 0
    }

    /// Rows after `sequence`, oldest first.
    public static func changes(after sequence: Int64, limit: Int, on db: any SQLDatabase) async throws -> [SearchChange] {
        try await db.select().columns("sequence", "collection", "item_id").from("search_changes")
            .where("sequence", .greaterThan, sequence).orderBy("sequence").limit(limit).all()
            .map {
                SearchChange(
                    sequence: try $0.decode(column: "sequence", as: Int64.self),
                    collection: SearchCollection(rawValue: try $0.decode(column: "collection", as: String.self)),
                    itemID: Int(try $0.decode(column: "item_id", as: Int64.self)))
            }
    }

    /// How many rows follow `sequence`.
    public static func count(after sequence: Int64, on db: any SQLDatabase) async throws -> Int {
        try await db.select().column(SQLFunction("count", args: SQLLiteral.all), as: "n").from("search_changes")
            .where("sequence", .greaterThan, sequence).first(decodingColumn: "n", as: Int.self) ?? 0
    }
}
