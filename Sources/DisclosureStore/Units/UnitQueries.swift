import DisclosureCore
import Foundation

/// Reads of the unit tree for pages and the API (issue 19: Web reads through Queries, never a
/// repository). Every read goes to the reader connections.
public struct UnitQueries: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

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
