import DisclosureCore
import DisclosureStore
import Foundation
import Hummingbird

/// JSON API for the power list (documented in `openapi.json`). Reads are limited to the token
/// holder's unit scope; changes to the unit's managers and the office, each with its reason.
///
/// | method | path | who |
/// |---|---|---|
/// | GET, POST | `/api/v1/powers` | staff token, unit scope (`?unit=&category=&status=`) / managers |
/// | GET, PUT | `/api/v1/powers/{id}` | unit scope / managers |
/// | POST | `/api/v1/powers/{id}/status` | managers |
/// | PUT | `/api/v1/powers/{id}/workflow`, `/api/v1/powers/{id}/guide` | managers |
/// | POST | `/api/v1/powers/{id}/guide/publish`, `/api/v1/powers/{id}/guide/withdraw` | managers |
/// | PUT | `/api/v1/powers/{id}/counts/{year}` | managers |
/// | GET | `/api/v1/powers/figures` | unit scope (`?unit=&year=`) — annual-report table 二 |
/// | POST | `/api/v1/powers/import` | managers; body is the CSV or XLSX file (`?validOnly=true`) |
/// | GET | `/api/v1/powers/export` | unit scope (`?format=csv|xlsx&unit=&year=`) |
struct PowersAPIController {
    let clock: any WallClock
    let powers: PowerService
    let unitQueries: UnitQueries

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("powers", use: list)
        group.post("powers", use: create)
        group.get("powers/figures", use: figures)
        group.post("powers/import", use: importFile)
        group.get("powers/export", use: export)
        group.get("powers/{id}", use: show)
        group.put("powers/{id}", use: update)
        group.post("powers/{id}/status", use: status)
        group.put("powers/{id}/workflow", use: workflow)
        group.put("powers/{id}/guide", use: guide)
        group.post("powers/{id}/guide/publish", use: publish)
        group.post("powers/{id}/guide/withdraw", use: withdraw)
        group.put("powers/{id}/counts/{year}", use: count)
    }

    func visible(_ context: AppRequestContext) async throws -> (StaffAccount, AdministrativePower) {
        let staff = try context.requireStaff()
        guard let id = Int(try context.pathParameter("id")) else { throw DomainError(.notFound, field: "id", "权力事项不存在") }
        let power = try await self.powers.power(id)
        let tree = try await self.unitQueries.tree()
        guard staff.identity.canSee(unit: power.draft.unitCode, in: tree) else { throw DomainError(.notFound, field: "id", "权力事项 \(id) 不存在") }
        return (staff, power)
    }

    func full(_ id: Int) async throws -> Response {
        try jsonResponse(PowerBody(try await self.powers.power(id), history: try await self.powers.versions(id)))
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let query = request.uri.queryParameters
        var category: PowerCategory?
        if let text = query.get("category") {
            guard let parsed = PowerCategory(text: text) else { throw DomainError.invalid("category", "未知的权力类别「\(text)」") }
            category = parsed
        }
        var status: PowerStatus?
        if let text = query.get("status") {
            guard let parsed = PowerStatus(text: text) else { throw DomainError.invalid("status", "未知的状态「\(text)」") }
            status = parsed
        }
        let powers = try await self.powers.powers(visibleTo: staff.identity, unit: query.get("unit"), category: category, status: status)
        return try jsonResponse(powers.map { PowerBody($0) })
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let body = try await decodeJSON(PowerFactsBody.self, from: request)
        let id = try await self.powers.create(try body.draft(), by: staff.identity)
        var response = try await full(id)
        response.status = .created
        return response
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (_, power) = try await visible(context)
        return try await full(power.id)
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (staff, power) = try await visible(context)
        let body = try await decodeJSON(PowerFactsBody.self, from: request)
        try await self.powers.update(power.id, try body.draft(), reason: body.reason ?? "", by: staff.identity)
        return try await full(power.id)
    }

    @Sendable func status(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (staff, power) = try await visible(context)
        let body = try await decodeJSON(PowerStatusBody.self, from: request)
        guard let status = PowerStatus(text: body.status) else { throw DomainError.invalid("status", "未知的状态「\(body.status)」") }
        var day: CivilDate?
        if let text = body.effectiveOn, !text.isEmpty {
            guard let parsed = CivilDate(iso: text) else { throw DomainError.invalid("effectiveOn", "生效日期应为 YYYY-MM-DD") }
            day = parsed
        }
        try await self.powers.setStatus(power.id, to: status, reason: body.reason, effectiveOn: day, by: staff.identity)
        return try await full(power.id)
    }

    @Sendable func workflow(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (staff, power) = try await visible(context)
        let body = try await decodeJSON(PowerWorkflowBody.self, from: request)
        try await self.powers.setWorkflow(power.id, Workflow(steps: body.steps), reason: body.reason, by: staff.identity)
        return try await full(power.id)
    }

    @Sendable func guide(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (staff, power) = try await visible(context)
        let body = try await decodeJSON(PowerGuideBody.self, from: request)
        try await self.powers.saveGuide(power.id, body.guide, reason: body.reason, by: staff.identity)
        return try await full(power.id)
    }

    @Sendable func publish(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (staff, power) = try await visible(context)
        try await self.powers.publishGuide(power.id, by: staff.identity)
        return try await full(power.id)
    }

    @Sendable func withdraw(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (staff, power) = try await visible(context)
        let body = try await decodeJSON(PowerReasonBody.self, from: request)
        try await self.powers.withdrawGuide(power.id, reason: body.reason, by: staff.identity)
        return try await full(power.id)
    }

    @Sendable func count(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (staff, power) = try await visible(context)
        guard let year = Int(try context.pathParameter("year")), RequestNumber.years.contains(year) else {
            throw DomainError.invalid("year", "统计年度应为四位年份")
        }
        let body = try await decodeJSON(PowerCountBody.self, from: request)
        let fen = try PowerYearCount.fen(fromYuan: body.feeAmount, field: "feeAmount")
        try await self.powers.setCount(power.id, year: year, decisions: body.decisions, feeFen: fen, by: staff.identity)
        return try await full(power.id)
    }

    @Sendable func figures(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let query = request.uri.queryParameters
        let unit = query.get("unit") ?? staff.unitCode
        let tree = try await self.unitQueries.tree()
        guard tree.units[unit] != nil, staff.identity.canSee(unit: unit, in: tree) else {
            throw DomainError(.notFound, field: "unit", "单位 \(unit) 不存在")
        }
        guard let year = Int(query.get("year") ?? String(today.year - 1)), RequestNumber.years.contains(year) else {
            throw DomainError.invalid("year", "统计年度应为四位年份")
        }
        return try jsonResponse(PowerFiguresBody(try await self.powers.reportFigures(unit: unit, year: year)))
    }

    @Sendable func importFile(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let buffer = try await request.readBody(upTo: SpreadsheetFile.maxBytes + 1)
        let table = try SpreadsheetFile.rows(Array(buffer.readableBytesView))
        let validOnly = request.uri.queryParameters.get("validOnly") == "true"
        let report = try await self.powers.importSheet(table, validOnly: validOnly, by: staff.identity)
        return try jsonResponse(PowerImportBody(report), status: report.committed || report.errors.isEmpty ? .ok : .unprocessableContent)
    }

    @Sendable func export(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await PowerExportFile.response(
            request, staff: try context.requireStaff(), powers: self.powers, unitQueries: self.unitQueries, today: today)
    }
}

extension PowersAPIController: ClockReading {}
