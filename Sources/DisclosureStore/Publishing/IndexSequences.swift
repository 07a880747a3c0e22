import DisclosureCore
import SQLKit

/// The 索引号 counters, one per unit and year. Numbers are reserved by one
/// `INSERT … ON CONFLICT DO UPDATE SET last_value = last_value + n … RETURNING`, so the read and the
/// increment are one atomic step: two transactions (one instance or several on PostgreSQL, by hand
/// or by import) never hand out the same number, and a bulk import reserves every (unit, year) of a
/// batch in one round trip instead of a read and a write per key.
public struct IndexSequences: Sendable {
    public struct Key: Hashable, Sendable {
        public let unit: String
        public let year: Int

        public init(unit: String, year: Int) {
            self.unit = unit
            self.year = year
        }
    }

    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// Reserves `counts[key]` consecutive numbers for each key and answers the first of each range.
    /// Counts below 1 are left out.
    public func reserve(_ counts: [Key: Int]) async throws -> [Key: Int] {
        let wanted = counts.filter { $0.value > 0 }.sorted { ($0.key.unit, $0.key.year) < ($1.key.unit, $1.key.year) }
        var first: [Key: Int] = [:]
        // 1,000 keys (3,000 parameters) a statement: inside both databases' limits. Sorted keys take
        // PostgreSQL's row locks in one order, so two concurrent reservations cannot deadlock.
        for start in stride(from: 0, to: wanted.count, by: 1_000) {
            let part = wanted[start..<min(start + 1_000, wanted.count)]
            let values = part.map { "(\(bind: $0.key.unit), \(bind: $0.key.year), \(bind: $0.value))" as SQLQueryString }.joined(separator: ", ")
            let rows = try await db.raw(
                """
                INSERT INTO index_sequences (unit_code, year, last_value) VALUES \(values)
                ON CONFLICT (unit_code, year) DO UPDATE SET last_value = index_sequences.last_value + excluded.last_value
                RETURNING unit_code, year, last_value
                """
            ).all()
            for row in rows {
                let key = Key(unit: try row.decode(column: "unit_code", as: String.self), year: try row.decode(column: "year", as: Int.self))
                guard let count = counts[key] else { continue }
                first[key] = try row.decode(column: "last_value", as: Int.self) - count + 1
            }
        }
        return first
    }

    /// The next number for one unit and year.
    public func next(unit: String, year: Int) async throws -> Int {
        let key = Key(unit: unit, year: year)
        guard let number = try await reserve([key: 1])[key] else { throw DomainError(.conflict, "索引号分配失败，请重试") }
        return number
    }
}
