import DisclosureCore
import Foundation
import SQLKit

/// The portal's change marker (the page cache drops its pages when it moves) and the home page's
/// figures.
public struct PortalQueries: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    public func changeMarker() async throws -> Int64 { try await ChangeMarker.read(on: database.sql) }

    /// How many applications, complaints and questions were closed in `year`, county-wide: the
    /// home page's proof that the entries lead somewhere (issue 21 §2).
    public struct AnsweredCounts: Sendable, Equatable {
        public let requests: Int
        public let complaints: Int
        public let messages: Int
    }

    public func answered(in year: Int) async throws -> AnsweredCounts {
        // Dates are stored as ISO text, so a year is a closed text range on both databases.
        let from = String(format: "%04d-01-01", year)
        let to = String(format: "%04d-12-31", year)
        func count(_ table: String) async throws -> Int {
            let row = try await database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table)
                .where("answered_on", .greaterThanOrEqual, from).where("answered_on", .lessThanOrEqual, to).first()
            return try row?.decode(column: "n", as: Int.self) ?? 0
        }
        return AnsweredCounts(requests: try await count("requests"), complaints: try await count("complaints"), messages: try await count("messages"))
    }
}
