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
    let services: AppServices
    let renderer: PageRenderer

    func addRoutes(to router: Router<AppRequestContext>) {
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

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await renderList(request: request, context: context, notice: Notice.from(request))
    }

    func renderList(request: Request, context: AppRequestContext, result: PowerImportReport? = nil, notice: String? = nil, error: DomainError? = nil)
        async throws -> Response
    {
        let staff = try context.requireStaff()
        let query = request.uri.queryParameters
        let tree = try await UnitRepository(services.database.sql).tree()
        let scope = staff.identity.unitsInScope(of: tree)
        let unit = query.get("unit").flatMap { scope.contains($0) ? $0 : nil }
        let category = query.get("category").flatMap(PowerCategory.init(rawValue:))
        let status = query.get("status").flatMap(PowerStatus.init(rawValue:))
        let powers = try await services.powers.powers(visibleTo: staff.identity, unit: unit, category: category, status: status)
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
            unitCode: unit ?? "", year: services.today.year - 1,
            canManage: staff.role == .office || staff.role == .editor || staff.role == .reviewer,
            result: result.map {
                ListPage.ImportResult(
                    rows: $0.rows, created: $0.created, updated: $0.updated, unchanged: $0.unchanged, committed: $0.committed, errors: $0.errors,
                    hasErrors: !$0.errors.isEmpty)
            })
        return renderer.render(
            "Powers/staff-list", title: "权责清单", page: page, context: context, status: error?.kind.httpStatus ?? .ok, notice: notice,
            error: error?.message)
    }

    @Sendable func importFile(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let (form, upload) = try await MultipartForm.fieldsAndFile(request, field: "file")
        do {
            guard let upload else { throw DomainError.invalid("file", "请选择要导入的 CSV 或 XLSX 文件") }
            let table = try SpreadsheetFile.rows(upload.bytes)
            let report = try await services.powers.importSheet(table, validOnly: form.text("validOnly") == "1", by: staff.identity)
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

    @Sendable func export(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await PowerExportFile.response(request, staff: try context.requireStaff(), services: services)
    }

    // MARK: New

    struct NewPage: Sendable {
        let form: PowerFormValues
        let units: [SelectOption]
    }

    @Sendable func newForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await renderNew(typed: nil, context: context)
    }

    func renderNew(typed: FormData?, context: AppRequestContext, error: DomainError? = nil) async throws -> Response {
        let staff = try context.requireStaff()
        let tree = try await UnitRepository(services.database.sql).tree()
        let selected = typed?.text("unitCode") ?? staff.unitCode
        let units = tree.ordered().map(\.unit).filter { PowerService.mayManage($0.code, staff.identity, in: tree) }
        guard !units.isEmpty else { throw DomainError(.forbidden, "只有单位编辑、审核人员和政务公开办可以维护权责清单") }
        let page = NewPage(
            form: PowerFormValues(power: nil, typed: typed, section: "facts"),
            units: units.map { SelectOption(value: $0.code, label: $0.name, selected: $0.code == selected) })
        return renderer.render(
            "Powers/staff-new", title: "新增权力事项", page: page, context: context, status: error?.kind.httpStatus ?? .ok, error: error?.message)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let form = try await FormData.read(request)
        do {
            let id = try await services.powers.create(try PowerForm.draft(from: form), by: staff.identity)
            return redirect(to: "/staff/powers/\(id)?notice=created")
        } catch let error as DomainError {
            return try await renderNew(typed: form, context: context, error: error)
        }
    }

    // MARK: One power

    struct PowerPage: Sendable {
        struct CountRow: Sendable {
            let year: Int
            let decisions: Int
            let fee: String
        }
        let power: PowerView
        let form: PowerFormValues
        let units: [SelectOption]
        let statuses: [SelectOption]
        let canManage: Bool
        let isService: Bool
        let hasGuide: Bool
        let guidePublished: Bool
        let missing: [String]
        let hasMissing: Bool
        let counts: [CountRow]
        let countYear: Int
        let isCancelled: Bool
        let statusLabel: String
        let today: String
    }

    func id(_ context: AppRequestContext) throws -> Int {
        guard let id = Int(try context.pathParameter("id")) else { throw DomainError(.notFound, field: "id", "权力事项不存在") }
        return id
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await renderPower(try id(context), context: context, notice: Notice.from(request))
    }

    func renderPower(
        _ id: Int, context: AppRequestContext, typed: FormData? = nil, section: String = "", notice: String? = nil, error: DomainError? = nil
    ) async throws -> Response {
        let staff = try context.requireStaff()
        let tree = try await UnitRepository(services.database.sql).tree()
        let power = try await services.powers.power(id)
        guard staff.identity.canSee(unit: power.draft.unitCode, in: tree) else { throw DomainError(.notFound, field: "id", "权力事项 \(id) 不存在") }
        let canManage = PowerService.mayManage(power.draft.unitCode, staff.identity, in: tree)
        let selectedUnit = typed?.text("unitCode") ?? power.draft.unitCode
        let view = PowerView(
            power, unitName: tree.units[power.draft.unitCode]?.name ?? power.draft.unitCode, history: try await services.powers.versions(id),
            publicOnly: false)
        let missing = power.draft.category.isService || power.guide != nil ? power.missingGuideElements.map(\.label) : []
        let page = PowerPage(
            power: view, form: PowerFormValues(power: power, typed: typed, section: section),
            units: tree.ordered().map(\.unit).filter { PowerService.mayManage($0.code, staff.identity, in: tree) }.map {
                SelectOption(value: $0.code, label: $0.name, selected: $0.code == selectedUnit)
            },
            statuses: PowerStatus.allCases.filter { $0 != power.status }.map { SelectOption(value: $0.rawValue, label: $0.label, selected: false) },
            canManage: canManage && power.status != .cancelled, isService: power.draft.category.isService || power.guide != nil,
            hasGuide: power.guide != nil, guidePublished: power.hasPublishedGuide, missing: missing, hasMissing: !missing.isEmpty,
            counts: try await services.powers.counts(id).map {
                PowerPage.CountRow(year: $0.year, decisions: $0.decisions, fee: PowerYearCount.yuanText($0.feeFen))
            }, countYear: services.today.year - 1, isCancelled: power.status == .cancelled, statusLabel: power.status.label,
            today: services.today.description)
        return renderer.render(
            "Powers/staff-power", title: power.draft.name, page: page, context: context, status: error?.kind.httpStatus ?? .ok, notice: notice,
            error: error?.message)
    }

    /// Runs one form's save and comes back to the power, or shows the page again with what was typed and the error.
    func save(_ request: Request, context: AppRequestContext, section: String, _ body: (Int, FormData, StaffIdentity) async throws -> Void)
        async throws -> Response
    {
        let staff = try context.requireStaff()
        let id = try id(context)
        let form = try await FormData.read(request)
        do {
            try await body(id, form, staff.identity)
            return redirect(to: "/staff/powers/\(id)?notice=saved#\(section)")
        } catch let error as DomainError {
            return try await renderPower(id, context: context, typed: form, section: section, error: error)
        }
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await save(request, context: context, section: "facts") { id, form, staff in
            try await services.powers.update(id, try PowerForm.draft(from: form), reason: form.text("reason"), by: staff)
        }
    }

    @Sendable func status(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await save(request, context: context, section: "status") { id, form, staff in
            guard let status = PowerStatus(text: form.text("status")) else { throw DomainError.invalid("status", "请选择新的状态") }
            let dayText = form.text("effectiveOn")
            guard dayText.isEmpty || CivilDate(iso: dayText) != nil else { throw DomainError.invalid("effectiveOn", "生效日期应为 YYYY-MM-DD") }
            try await services.powers.setStatus(id, to: status, reason: form.text("reason"), effectiveOn: CivilDate(iso: dayText), by: staff)
        }
    }

    @Sendable func workflow(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await save(request, context: context, section: "workflow") { id, form, staff in
            try await services.powers.setWorkflow(id, try PowerForm.workflow(from: form), reason: form.text("reason"), by: staff)
        }
    }

    @Sendable func guide(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await save(request, context: context, section: "guide") { id, form, staff in
            let current = try await services.powers.power(id)
            try await services.powers.saveGuide(id, try PowerForm.guide(from: form, keeping: current.guide), reason: form.text("reason"), by: staff)
        }
    }

    @Sendable func publish(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await save(request, context: context, section: "guide") { id, _, staff in try await services.powers.publishGuide(id, by: staff) }
    }

    @Sendable func withdraw(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await save(request, context: context, section: "guide") { id, form, staff in
            try await services.powers.withdrawGuide(id, reason: form.text("reason"), by: staff)
        }
    }

    @Sendable func counts(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await save(request, context: context, section: "counts") { id, form, staff in
            guard let year = Int(form.text("year")) else { throw DomainError.invalid("year", "统计年度应为四位年份") }
            guard let decisions = Int(form.text("decisions").isEmpty ? "0" : form.text("decisions")) else {
                throw DomainError.invalid("decisions", "处理决定数量应为整数")
            }
            let fen = try PowerYearCount.fen(fromYuan: form.text("feeAmount"), field: "feeAmount")
            try await services.powers.setCount(id, year: year, decisions: decisions, feeFen: fen, by: staff)
        }
    }

    @Sendable func template(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let id = try id(context)
        guard let index = Int(try context.pathParameter("index")) else { throw DomainError(.notFound, field: "index", "申请材料不存在") }
        let (form, upload) = try await MultipartForm.fieldsAndFile(request, field: "file")
        do {
            var stored: StoredFile?
            if form.text("remove") != "1" {
                guard let upload else { throw DomainError.invalid("file", "请选择样表文件") }
                let kind = try AttachmentKind.detect(fileName: upload.fileName, bytes: upload.bytes)
                guard upload.bytes.count <= 10 << 20 else { throw DomainError.invalid("file", "样表文件不能超过 10 MB") }
                stored = StoredFile(
                    name: AttachmentKind.safeName(upload.fileName), mediaType: kind.mediaType, sha256: try services.files.put(upload.bytes),
                    size: upload.bytes.count)
            }
            try await services.powers.setMaterialTemplate(id, material: index, file: stored, by: staff.identity)
            return redirect(to: "/staff/powers/\(id)?notice=saved#guide")
        } catch let error as DomainError {
            return try await renderPower(id, context: context, error: error)
        }
    }
}
