import DisclosureCore
import DisclosureStore
import Hummingbird

/// JSON API for work records and their yearly counts (documented in `openapi.json`).
///
/// | method | path | who |
/// |---|---|---|
/// | GET, POST | `/api/v1/records` | staff token, unit scope (`?unit=&year=`) / editor, reviewer, office |
/// | GET | `/api/v1/records/counts` | staff token, unit scope (`?unit=&year=`) |
struct RecordsAPIController {
    let clock: any WallClock
    let records: WorkRecordService

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("records", use: records)
        group.post("records", use: addRecord)
        group.get("records/counts", use: counts)
    }

    func yearAndUnit(_ request: Request, _ staff: StaffAccount) throws -> (Int, String) {
        let query = request.uri.queryParameters
        return (try RequestNumber.year(query.get("year"), fallback: today.year), query.get("unit") ?? staff.unitCode)
    }

    @Sendable func records(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let (year, _) = try yearAndUnit(request, staff)
        let list = try await self.records.records(visibleTo: staff.identity, unit: request.uri.queryParameters.get("unit"), year: year)
        return try jsonResponse(list.map(RecordBody.init))
    }

    @Sendable func addRecord(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let body = try await decodeJSON(RecordBody.self, from: request)
        let id = try await self.records.add(try body.record(), by: staff.identity)
        return try jsonResponse(RecordBody(try await self.records.record(id, visibleTo: staff.identity)), status: .created)
    }

    @Sendable func counts(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let (year, unit) = try yearAndUnit(request, staff)
        return try jsonResponse(try await self.records.tally(unit: unit, year: year, visibleTo: staff.identity))
    }
}

extension RecordsAPIController: ClockReading {}
