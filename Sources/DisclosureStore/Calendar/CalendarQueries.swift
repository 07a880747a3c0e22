import DisclosureCore
import Foundation

/// Reads of the working-day calendar's single-day corrections, for the console.
public struct CalendarQueries: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    public func overrides() async throws -> [CalendarOverride] { try await CalendarRepository(database.sql).overrides() }
}
