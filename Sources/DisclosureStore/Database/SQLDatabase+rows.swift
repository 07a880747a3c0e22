import DisclosureCore
import Foundation
import SQLKit

/// The two row writes every case table needs: insert named columns and get the new id back, and
/// set some columns of one row together with its `updated_at`.
extension SQLDatabase {
    func insertReturningID(into table: String, _ columns: [(String, any Encodable & Sendable)], failure: String) async throws -> Int {
        let row = try await insert(into: table).columns(columns.map(\.0)).values(columns.map { SQLBind($0.1) as any SQLExpression })
            .returning("id").first()
        guard let row else { throw DomainError(.conflict, failure) }
        return try row.decode(column: "id", as: Int.self)
    }

    /// A nil value writes SQL NULL.
    func updateRow(_ table: String, id: Int, at now: Date, _ values: [String: (any Encodable & Sendable)?]) async throws {
        var update = update(table).set("updated_at", to: Timestamp.text(now))
        for (column, value) in values.sorted(by: { $0.key < $1.key }) {
            update = update.set(SQLIdentifier(column), to: value.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null)
        }
        try await update.where("id", .equal, id).run()
    }
}
