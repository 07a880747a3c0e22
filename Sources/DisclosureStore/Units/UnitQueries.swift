import DisclosureCore
import Foundation
import NIOConcurrencyHelpers

/// Reads of the unit tree for pages and the API (issue 19: Web reads through Queries, never a
/// repository). Every read goes to the reader connections.
public struct UnitQueries: Sendable {
    let database: Database
    private let recent = NIOLockedValueBox<(units: [OrgUnit], at: ContinuousClock.Instant)?>(nil)

    public init(database: Database) { self.database = database }

    /// The units as read at most two seconds ago, for the public portal's busiest pages (search
    /// labels every hit and facet with unit names; reading hundreds of rows per query cost more
    /// than the search itself). A renamed unit shows there within two seconds.
    public func recentUnits() async throws -> [OrgUnit] {
        let now = ContinuousClock.now
        if let cached = recent.withLockedValue({ $0 }), now - cached.at < .seconds(2) { return cached.units }
        let units = try await units()
        recent.withLockedValue { $0 = (units, now) }
        return units
    }

    public func units() async throws -> [OrgUnit] { try await UnitRepository(database.sql).all() }

    public func activeUnits() async throws -> [OrgUnit] { try await units().filter(\.active) }

    public func unit(_ code: String) async throws -> OrgUnit? { try await UnitRepository(database.sql).find(code) }

    public func tree() async throws -> UnitTree { try await UnitRepository(database.sql).tree() }

    /// Unit code → name, for labels.
    public func names() async throws -> [String: String] {
        Dictionary(try await units().map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    /// A unit and its sub-units, or nil (all units) when no unit is asked for.
    public func scope(of unit: String?) async throws -> [String]? {
        guard let unit, !unit.isEmpty else { return nil }
        return Array(try await tree().scope(of: unit))
    }
}
