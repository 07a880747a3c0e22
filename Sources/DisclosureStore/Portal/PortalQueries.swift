import DisclosureCore
import Foundation

/// The portal's change marker: the page cache drops its pages when it moves.
public struct PortalQueries: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    public func changeMarker() async throws -> Int64 { try await ChangeMarker.read(on: database.sql) }
}
