import DisclosureCore
import Foundation

/// Reads of staff contacts for the web layer.
public struct StaffContactQueries: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    public func contact(username: String) async throws -> StaffContact? {
        try await StaffContactRepository(database.sql).contact(username: username)
    }
}
