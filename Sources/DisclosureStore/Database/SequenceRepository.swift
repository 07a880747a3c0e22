import DisclosureCore
import SQLKit

/// Named yearly counters (受理编号, letter numbers). The increment is one `UPDATE … RETURNING`, so
/// two instances on PostgreSQL never hand out the same number.
public struct SequenceRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func next(_ name: String, year: Int) async throws -> Int {
        try await db.insert(into: "sequences").columns("name", "year", "last_value").values(SQLBind(name), SQLBind(year), SQLBind(0))
            .ignoringConflicts(with: ["name", "year"]).run()
        let value = try await db.update("sequences").set("last_value", to: SQLRaw("last_value + 1"))
            .where("name", .equal, name).where("year", .equal, year)
            .returning("last_value").first(decodingColumn: "last_value", as: Int.self)
        guard let value else { throw DomainError(.conflict, "编号分配失败，请重试") }
        return value
    }
}
