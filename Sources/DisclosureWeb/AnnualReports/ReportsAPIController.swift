import DisclosureCore
import DisclosureStore
import Foundation
import Hummingbird
import Mustache

/// JSON API for annual reports (documented in `openapi.json`), with the same roles as the console.
///
/// | method | path | who |
/// |---|---|---|
/// | GET | `/api/v1/reports` | staff token, unit scope (`?year=`): status, deadlines and lateness per unit |
/// | GET | `/api/v1/reports/{unit}/{year}` | unit scope: the report as JSON (tables, checks, narrative) |
/// | GET | `/api/v1/reports/{unit}/{year}/export` | unit scope (`?format=json|html|xlsx|docx|csv`) |
/// | PUT | `/api/v1/reports/{unit}/{year}/narrative`, `/entered` | editors and reviewers of the unit, office |
/// | PUT | `/api/v1/reports/{unit}/{year}/rollup` | office (county government's report) |
/// | POST | `/api/v1/reports/{unit}/{year}/file` | reviewer of the unit, office |
/// | POST | `/api/v1/reports/{unit}/{year}/return`, `/publish` | office |
/// | POST | `/api/v1/requests/legacy` | editors, reviewers (own units), office; body CSV or JSON Lines |
struct ReportsAPIController {
    let clock: any WallClock
    let reports: AnnualReportService
    let templates: MustacheLibrary

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("reports", use: list)
        group.get("reports/{unit}/{year}", use: show)
        group.get("reports/{unit}/{year}/export", use: export)
        group.put("reports/{unit}/{year}/narrative", use: narrative)
        group.put("reports/{unit}/{year}/entered", use: entered)
        group.put("reports/{unit}/{year}/rollup", use: rollup)
        group.post("reports/{unit}/{year}/file", use: file)
        group.post("reports/{unit}/{year}/return", use: giveBack)
        group.post("reports/{unit}/{year}/publish", use: publish)
        group.post("requests/legacy", use: legacy)
    }

    struct OverviewItem: Encodable, Sendable {
        let unit: String
        let unitName: String
        let year: Int
        let status: String
        let filingDeadline: CivilDate?
        let publicationDeadline: CivilDate
        let filedOn: CivilDate?
        let publishedOn: CivilDate?
        let filingDaysLate: Int
        let publicationDaysLate: Int
        let failingChecks: Int
    }

    struct RollupBody: Decodable { let units: [String] }
    struct ReturnBody: Decodable { let reason: String }
    struct LegacyBody: Encodable {
        let imported: Int
        let errors: [String]
    }

    func location(_ context: AppRequestContext) throws -> (String, Int) {
        guard let year = Int(try context.pathParameter("year")), RequestNumber.years.contains(year) else {
            throw DomainError(.notFound, field: "year", "年度无效")
        }
        return (try context.pathParameter("unit"), year)
    }

    func current(_ context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let (unit, year) = try location(context)
        let report = try await self.reports.report(unit: unit, year: year, visibleTo: staff.identity)
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: Array(try AnnualReportExport.json(report)))))
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let year = try RequestNumber.year(request.uri.queryParameters.get("year"), fallback: today.year - 1)
        let reports = try await self.reports.overview(year: year, visibleTo: staff.identity)
        return try jsonResponse(
            reports.map {
                OverviewItem(
                    unit: $0.unit.code, unitName: $0.unit.name, year: year, status: $0.record.status.rawValue, filingDeadline: $0.deadlines.filing,
                    publicationDeadline: $0.deadlines.publication, filedOn: $0.record.filedOn, publishedOn: $0.record.publishedOn,
                    filingDaysLate: $0.filingDaysLate, publicationDaysLate: $0.publicationDaysLate, failingChecks: $0.blockingChecks.count)
            })
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await current(context)
    }

    @Sendable func export(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let (unit, year) = try location(context)
        let report = try await self.reports.report(unit: unit, year: year, visibleTo: staff.identity)
        return try await ReportFileResponse.make(report, format: request.uri.queryParameters.get("format"), templates: self.templates)
    }

    /// Runs one change on the report named in the path and answers with the report as it now is.
    func change(_ context: AppRequestContext, _ body: (StaffIdentity, String, Int) async throws -> Void) async throws -> Response {
        let staff = try context.requireStaff()
        let (unit, year) = try location(context)
        try await body(staff.identity, unit, year)
        return try await current(context)
    }

    @Sendable func narrative(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await change(context) { staff, unit, year in
            let body = try await decodeJSON([String: String].self, from: request, limit: 512 * 1024)
            for key in body.keys where ReportNarrative.Part(rawValue: key) == nil {
                throw DomainError.invalid(key, "未知的正文部分「\(key)」（应为 \(ReportNarrative.Part.allCases.map(\.rawValue).joined(separator: "、"))）")
            }
            try await self.reports.saveNarrative(unit: unit, year: year, ReportNarrative(dictionary: body), by: staff)
        }
    }

    @Sendable func entered(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await change(context) { staff, unit, year in
            try await self.reports.saveEntered(unit: unit, year: year, try await decodeJSON([String: Decimal].self, from: request), by: staff)
        }
    }

    @Sendable func rollup(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await change(context) { staff, unit, year in
            try await self.reports.setRollup(unit: unit, year: year, units: try await decodeJSON(RollupBody.self, from: request).units, by: staff)
        }
    }

    @Sendable func file(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await change(context) { staff, unit, year in try await self.reports.file(unit: unit, year: year, by: staff) }
    }

    @Sendable func giveBack(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await change(context) { staff, unit, year in
            let reason = try await decodeJSON(ReturnBody.self, from: request).reason
            try await self.reports.returnForRevision(unit: unit, year: year, reason: reason, by: staff)
        }
    }

    @Sendable func publish(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await change(context) { staff, unit, year in try await self.reports.publish(unit: unit, year: year, by: staff) }
    }

    @Sendable func legacy(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let buffer = try await request.readBody(upTo: 16 * 1024 * 1024)
        guard let text = String(bytes: buffer.readableBytesView, encoding: .utf8) else {
            throw DomainError.invalid("body", "请求体应为 UTF-8 编码的 CSV 或 JSON Lines")
        }
        let result = try await self.reports.importLegacy(text, by: staff.identity)
        return try jsonResponse(
            LegacyBody(imported: result.imported, errors: result.errors.map(\.description)),
            status: result.errors.isEmpty ? .ok : .unprocessableContent)
    }
}

extension ReportsAPIController: ClockReading {}
