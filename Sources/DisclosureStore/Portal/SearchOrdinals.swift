import DisclosureCore
import Foundation
import NIOConcurrencyHelpers
import SQLKit

/// Small integers for unit codes and categories, as packed into `SearchKey`. Ordinals are only
/// ever added, so a process may cache the names and reload when it meets an unknown ordinal.
public final class SearchOrdinals: Sendable {
    public enum Kind: String, Sendable { case unit, category }

    private let names = NIOLockedValueBox<[Kind: [Int: String]]>([:])

    public init() {}

    /// The ordinal of `value`, allocated inside the caller's transaction when new.
    public func ordinal(of value: String, kind: Kind, on db: any SQLDatabase) async throws -> Int {
        if let known = names.withLockedValue({ $0[kind]?.first(where: { $0.value == value })?.key }) { return known }
        if let stored = try await db.select().column("ordinal").from("search_ordinals").where("kind", .equal, kind.rawValue)
            .where("value", .equal, value).first(decodingColumn: "ordinal", as: Int.self)
        {
            remember(stored, value, kind)
            return stored
        }
        let highest =
            try await db.select().column(SQLFunction("max", args: SQLColumn("ordinal")), as: "m").from("search_ordinals")
            .where("kind", .equal, kind.rawValue).first(decodingColumn: "m", as: Int?.self) ?? nil
        // Ordinal 0 is never handed out, so a zero bit field always means "none".
        let next = (highest ?? 0) + 1
        let limit = kind == .unit ? SearchKey.unitLimit : SearchKey.categoryLimit
        guard next < limit else { throw DomainError.invalid(kind.rawValue, "检索索引的\(kind == .unit ? "单位" : "信息类别")数已达上限 \(limit - 1)") }
        try await db.insert(into: "search_ordinals").columns("kind", "value", "ordinal")
            .values(SQLBind(kind.rawValue), SQLBind(value), SQLBind(next)).run()
        remember(next, value, kind)
        return next
    }

    /// Names for ordinals, reading the table again when one is not cached yet.
    public func names(_ kind: Kind, on db: any SQLDatabase, covering ordinals: some Sequence<Int>) async throws -> [Int: String] {
        let cached = names.withLockedValue { $0[kind] ?? [:] }
        if ordinals.allSatisfy({ $0 == 0 || cached[$0] != nil }) { return cached }
        let rows = try await db.select().column("ordinal").column("value").from("search_ordinals").where("kind", .equal, kind.rawValue).all()
        var fresh: [Int: String] = [:]
        for row in rows { fresh[try row.decode(column: "ordinal", as: Int.self)] = try row.decode(column: "value", as: String.self) }
        names.withLockedValue { $0[kind] = fresh }
        return fresh
    }

    /// The ordinal of a value already stored, without allocating (filters of a search).
    public func existingOrdinal(of value: String, kind: Kind, on db: any SQLDatabase) async throws -> Int? {
        if let known = names.withLockedValue({ $0[kind]?.first(where: { $0.value == value })?.key }) { return known }
        let stored = try await db.select().column("ordinal").from("search_ordinals").where("kind", .equal, kind.rawValue)
            .where("value", .equal, value).first(decodingColumn: "ordinal", as: Int.self)
        if let stored { remember(stored, value, kind) }
        return stored
    }

    /// Forgets everything (after a rollback may have dropped freshly allocated ordinals).
    public func reset() { names.withLockedValue { $0 = [:] } }

    private func remember(_ ordinal: Int, _ value: String, _ kind: Kind) {
        names.withLockedValue { $0[kind, default: [:]][ordinal] = value }
    }
}
