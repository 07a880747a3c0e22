import DisclosureCore
import Foundation
import SQLKit

/// Reading the power list: the portal sees every listed power (cancelled ones as 取消); staff lists
/// are limited to the units in their scope.
extension PowerService {
    public struct Page: Sendable {
        public let powers: [AdministrativePower]
        public let total: Int
        public let categories: [PowerCategory: Int]
    }

    /// One page of the public list, optionally narrowed to the powers a search found (`matching`,
    /// best first; nil when nothing was searched).
    public func publicPage(units: [String]?, category: PowerCategory?, status: PowerStatus?, matching ids: [Int]?, offset: Int, limit: Int)
        async throws -> Page
    {
        let repository = PowerRepository(database.sql)
        var filter = PowerRepository.Filter(units: units, category: category, status: status)
        if let ids {
            guard !ids.isEmpty else { return Page(powers: [], total: 0, categories: [:]) }
            filter.ids = ids
            // Search results keep their ranking: fetch the matches and page over them in rank order.
            let matched = try await repository.list(filter)
            let rank = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
            let ordered = matched.sorted { rank[$0.id, default: .max] < rank[$1.id, default: .max] }
            let page = Array(ordered.dropFirst(max(0, offset)).prefix(limit))
            return Page(powers: page, total: ordered.count, categories: try await repository.categoryCounts(filter))
        }
        return Page(
            powers: try await repository.list(filter, offset: offset, limit: limit), total: try await repository.count(filter),
            categories: try await repository.categoryCounts(filter))
    }

    public func power(_ id: Int) async throws -> AdministrativePower {
        guard let power = try await PowerRepository(database.sql).find(id) else { throw DomainError(.notFound, field: "id", "权力事项 \(id) 不存在") }
        return power
    }

    public func versions(_ id: Int) async throws -> [PowerVersion] {
        try await PowerRepository(database.sql).versions(id)
    }

    public func counts(_ id: Int) async throws -> [PowerYearCount] {
        try await PowerRepository(database.sql).counts(powerID: id)
    }

    /// The powers of the units in the staff member's scope (optionally one unit or category).
    public func powers(visibleTo staff: StaffIdentity, unit: String? = nil, category: PowerCategory? = nil, status: PowerStatus? = nil)
        async throws -> [AdministrativePower]
    {
        let tree = try await UnitRepository(database.sql).tree()
        var units = staff.unitsInScope(of: tree)
        if let unit { units = units.filter { $0 == unit } }
        return try await PowerRepository(database.sql).list(PowerRepository.Filter(units: units, category: category, status: status))
    }

    /// Table 二's figures from the power list for one unit's own powers in a year.
    public func reportFigures(unit: String, year: Int) async throws -> PowerReportFigures {
        let repository = PowerRepository(database.sql)
        guard try await UnitRepository(database.sql).tree().units[unit] != nil else { throw DomainError(.notFound, field: "unit", "单位 \(unit) 不存在") }
        let powers = try await repository.list(PowerRepository.Filter(units: [unit]))
        let counts = try await repository.counts(powerIDs: powers.map(\.id), year: year)
        return PowerReportFigures.tally(powers: powers, counts: counts, unitCodes: [unit], year: year)
    }

    /// The year's figures of the given powers, by power id.
    public func counts(of powers: [AdministrativePower], year: Int) async throws -> [Int: PowerYearCount] {
        let counts = try await PowerRepository(database.sql).counts(powerIDs: powers.map(\.id), year: year)
        return Dictionary(uniqueKeysWithValues: counts.map { ($0.powerID, $0) })
    }
}
