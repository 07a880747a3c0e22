import DisclosureCore
import Foundation

/// Reads of complaints for pages that show one outside the staff case flow (the public receipt).
public struct ComplaintQueries: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    public func complaint(_ id: Int) async throws -> Complaint? { try await ComplaintRepository(database.sql).find(id) }
}
