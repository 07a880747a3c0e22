import DisclosureCore
import Foundation

/// Reads of inspection findings and the supervision overview, for the console and the API.
public struct MonitoringQueries: Sendable {
    let database: Database
    let clock: any WallClock
    let policy: ClockPolicy

    public init(database: Database, clock: any WallClock, policy: ClockPolicy) {
        self.database = database
        self.clock = clock
        self.policy = policy
    }

    public func openFindings(units: [String]? = nil) async throws -> [RecordedFinding] {
        try await FindingRepository(database.sql).open(units: units)
    }

    public func findings(year: Int, units: [String]?) async throws -> [RecordedFinding] {
        try await FindingRepository(database.sql).history(year: year, units: units)
    }

    /// What the supervision watch sees right now (overdue cases, complaints and messages).
    public func snapshot() async throws -> SupervisionMonitor.Snapshot {
        try await SupervisionMonitor(database: database, clock: clock, requestPolicy: policy).snapshot()
    }
}
