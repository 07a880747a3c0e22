import DisclosureCore
import DisclosureStore
import Foundation
import Hummingbird

/// The power list in the console (issue 6 §7): a unit's clerks keep their own unit's powers, the
/// office any unit's; everyone signed in reads the powers in their scope. Every save asks for the
/// reason that goes into the power's history.
///
/// | method | path | who |
/// |---|---|---|
/// | GET | `/staff/powers` | signed in, unit scope (`?unit=&category=&status=`) |
/// | GET, POST | `/staff/powers/new`, `/staff/powers` | editor, reviewer (own unit), office (any) |
/// | POST | `/staff/powers/import` | as above; multipart `file` (CSV or XLSX), `validOnly` |
/// | GET | `/staff/powers/export` | signed in, unit scope (`?format=csv|xlsx&unit=&year=`) |
/// | GET | `/staff/powers/{id}` | signed in, unit scope |
/// | POST | `/staff/powers/{id}`, `/status`, `/workflow`, `/guide`, `/guide/publish`, `/guide/withdraw`, `/counts` | managers of the unit |
/// | POST | `/staff/powers/{id}/materials/{index}/template` | managers of the unit; multipart `file` |
struct StaffPowersController {
    let clock: any WallClock
    let files: any FileStore
    let powers: PowerService
    let unitQueries: UnitQueries
    let renderer: PageRenderer

    func addRoutes(to router: RouterGroup<StaffRequestContext>) {
        router.get("/staff/powers", use: list)
        router.get("/staff/powers/new", use: newForm)
        router.post("/staff/powers", use: create)
        router.post("/staff/powers/import", use: importFile)
        router.get("/staff/powers/export", use: export)
        router.get("/staff/powers/{id}", use: show)
        router.post("/staff/powers/{id}", use: update)
        router.post("/staff/powers/{id}/status", use: status)
        router.post("/staff/powers/{id}/workflow", use: workflow)
        router.post("/staff/powers/{id}/guide", use: guide)
        router.post("/staff/powers/{id}/guide/publish", use: publish)
        router.post("/staff/powers/{id}/guide/withdraw", use: withdraw)
        router.post("/staff/powers/{id}/counts", use: counts)
        router.post("/staff/powers/{id}/materials/{index}/template", use: template)
    }

    // MARK: List, import, export

    struct ListPage: Sendable {
        struct Row: Sendable {
            let id: Int
            let code: String
            let name: String
            let category: String
            let unitName: String
            let status: String
            let isCancelled: Bool
            let guide: String
            let steps: Int
        }
        struct ImportResult: Sendable {
            let rows: Int
            let created: Int
            let updated: Int
            let unchanged: Int
            let committed: Bool
            let errors: [PowerSheet.RowError]
            let hasErrors: Bool
        }
        let rows: [Row]
        let hasRows: Bool
        let units: [SelectOption]
        let categories: [SelectOption]
        let statuses: [SelectOption]
        let unitCode: String
        let year: Int
        let canManage: Bool
        let result: ImportResult?
    }

    @Sendable func list(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await renderList(request: request, context: context, notice: Notice.from(request))
    }

    func renderList(
        request: Request, context: StaffRequestContext, result: PowerImportReport? = nil, notice: String? = nil, error: DomainError? = nil
    )
        async throws -> Response
    {
        let staff = context.staff
        let query = request.uri.queryParameters
        let tree = try await self.unitQueries.tree()
        let scope = staff.identity.unitsInScope(of: tree)
        let unit = query.get("unit").flatMap { scope.contains($0) ? $0 : nil }
        let category = query.get("category").flatMap(PowerCategory.init(rawValue:))
        let status = query.get("status").flatMap(PowerStatus.init(rawValue:))
        let powers = try await self.powers.powers(visibleTo: staff.identity, unit: unit, category: category, status: status)
        let names = tree.units.mapValues(\.name)
        let rows = powers.map { power in
            ListPage.Row(
                id: power.id, code: power.draft.code, name: power.draft.name, category: power.draft.category.label,
                unitName: names[power.draft.unitCode] ?? power.draft.unitCode, status: power.status.label, isCancelled: power.status == .cancelled,
                guide: power.hasPublishedGuide ? "已发布" : power.guide == nil ? (power.draft.category.isService ? "未编制" : "—") : "草稿",
                steps: power.workflow.steps.count)
        }
        let ordered = tree.ordered().map(\.unit).filter { scope.contains($0.code) }
        let page = ListPage(
            rows: rows, hasRows: !rows.isEmpty,
            units: [SelectOption(value: "", label: "全部（我的范围）", selected: unit == nil)]
                + ordered.map { SelectOption(value: $0.code, label: $0.name, selected: $0.code == unit) },
            categories: [SelectOption(value: "", label: "全部类别", selected: category == nil)]
                + PowerCategory.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == category) },
            statuses: [SelectOption(value: "", label: "全部状态", selected: status == nil)]
                + PowerStatus.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == status) },
            unitCode: unit ?? "", year: today.year - 1,
            canManage: staff.role.maintainsRecords,
            result: result.map {
                ListPage.ImportResult(
                    rows: $0.rows, created: $0.created, updated: $0.updated, unchanged: $0.unchanged, committed: $0.committed, errors: $0.errors,
                    hasErrors: !$0.errors.isEmpty)
            })
        return renderer.render(
            "Powers/staff-list", title: "权责清单", page: page, context: context, status: error?.kind.httpStatus ?? .ok, notice: notice,
            error: error?.message)
    }

    @Sendable func importFile(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        let (form, upload) = try await MultipartForm.fieldsAndFile(request, field: "file")
        do {
            guard let upload else { throw DomainError.invalid("file", "请选择要导入的 CSV 或 XLSX 文件") }
            let table = try SpreadsheetFile.rows(upload.bytes)
            let report = try await self.powers.importSheet(table, validOnly: form.text("validOnly") == "1", by: staff.identity)
            let notice =
                report.committed
                ? "导入完成：新增 \(report.created) 项，更新 \(report.updated) 项，未变化 \(report.unchanged) 项\(report.errors.isEmpty ? "" : "，跳过有错误的行")。"
                : nil
            let error =
                report.committed || report.errors.isEmpty
                ? nil : DomainError.invalid("file", "文件中有 \(report.errors.count) 处错误，未导入任何数据。请修改后重新导入，或勾选“仅导入无错误的行”。")
            return try await renderList(request: request, context: context, result: report, notice: notice, error: error)
        } catch let error as DomainError {
            return try await renderList(request: request, context: context, error: error)
        }
    }

    @Sendable func export(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await PowerExportFile.response(request, staff: context.staff, powers: self.powers, unitQueries: self.unitQueries, today: today)
    }

    // MARK: New

    struct NewPage: Sendable {
        let form: PowerFormValues
        let units: [SelectOption]
    }

    @Sendable func newForm(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await renderNew(typed: nil, context: context)
    }

    func renderNew(typed: FormData?, context: StaffRequestContext, error: DomainError? = nil) async throws -> Response {
        let staff = context.staff
        let tree = try await self.unitQueries.tree()
        let selected = typed?.text("unitCode") ?? staff.unitCode
        let units = tree.ordered().map(\.unit).filter { staff.identity.maintains(unit: $0.code, in: tree) }
        guard !units.isEmpty else { throw DomainError(.forbidden, "只有单位编辑、审核人员和政务公开办可以维护权责清单") }
        let page = NewPage(
            form: PowerFormValues(power: nil, typed: typed, section: "facts"),
            units: units.map { SelectOption(value: $0.code, label: $0.name, selected: $0.code == selected) })
        return renderer.render(
            "Powers/staff-new", title: "新增权力事项", page: page, context: context, status: error?.kind.httpStatus ?? .ok, error: error?.message)
    }

    @Sendable func create(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        let form = try await FormData.read(request)
        do {
            let id = try await self.powers.create(try PowerForm.draft(from: form), by: staff.identity)
            return redirect(to: "/staff/powers/\(id)?notice=created")
        } catch let error as DomainError {
            return try await renderNew(typed: form, context: context, error: error)
        }
    }
}

extension StaffPowersController: ClockReading {}
