import DisclosureCore
import DisclosureStore
import Hummingbird

/// JSON API for inspection findings, the per-unit supervision overview and `monitor run`
/// (documented in `openapi.json`).
///
/// | method | path | who |
/// |---|---|---|
/// | GET | `/api/v1/findings` | staff token, unit scope (`?year=` for the year's history) |
/// | GET | `/api/v1/supervision/units` | staff token, unit scope (`?sort=`) |
/// | POST | `/api/v1/monitor/run` | office token |
struct MonitoringAPIController {
    let clock: any WallClock
    let monitor: MonitorRun
    let monitoringQueries: MonitoringQueries
    let unitQueries: UnitQueries

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("findings", use: findings)
        group.get("supervision/units", use: overview)
        group.post("monitor/run", use: runMonitor)
    }

    @Sendable func findings(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let tree = try await self.unitQueries.tree()
        let units = staff.role.seesAllUnits ? nil : staff.identity.unitsInScope(of: tree)
        let list: [RecordedFinding]
        if let text = request.uri.queryParameters.get("year"), !text.isEmpty {
            let year = try RequestNumber.year(text, fallback: today.year)
            list = try await self.monitoringQueries.findings(year: year, units: units)
        } else {
            list = try await self.monitoringQueries.openFindings(units: units)
        }
        return try jsonResponse(list.map(FindingBody.init))
    }

    @Sendable func overview(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let tree = try await self.unitQueries.tree()
        let units = staff.identity.unitsInScope(of: tree)
        let snapshot = try await self.monitoringQueries.snapshot()
        let open = try await self.monitoringQueries.openFindings(units: units)
        let overview = SupervisionOverview.build(units: units, snapshot: snapshot, findings: open)
        return try jsonResponse(overview.sorted(by: request.uri.queryParameters.get("sort") ?? "problems"))
    }

    struct RunBody: Encodable, Sendable {
        let summary: String
        let findingsOpen: Int
        let findingsOpened: Int
        let findingsClosed: Int
        let complaintsEscalated: Int
    }

    @Sendable func runMonitor(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        guard staff.role == .office else { throw DomainError(.forbidden, field: "role", "只有县政务公开办可以立即检查") }
        let summary = try await self.monitor.run()
        return try jsonResponse(
            RunBody(
                summary: summary.text, findingsOpen: summary.findings.open, findingsOpened: summary.findings.opened,
                findingsClosed: summary.findings.closed, complaintsEscalated: summary.findings.escalated))
    }
}

extension MonitoringAPIController: ClockReading {}
