import DisclosureCore
import Foundation

/// Reads around requests that pages and the API draw besides the case itself: the reminder
/// outbox and appeals by id. Cases are read through `RequestService`, which applies the masking rule.
public struct RequestQueries: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    public func outbox(units: [String], limit: Int = 200) async throws -> [Outbox.Message] {
        try await Outbox(database.sql).recent(units: units, limit: limit)
    }

    public func appeal(_ id: Int) async throws -> Appeal? { try await AppealRepository(database.sql).find(id) }
}
