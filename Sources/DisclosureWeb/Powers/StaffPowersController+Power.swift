import DisclosureCore
import DisclosureStore
import Foundation
import Hummingbird

/// One power in the console: its page (facts, flow, guide, status, yearly figures, history) and
/// the forms that change it. Each form's save asks for the reason kept in the history; a refused
/// save shows the page again with what was typed.
extension StaffPowersController {
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

    func id(_ context: StaffRequestContext) throws -> Int {
        guard let id = Int(try context.pathParameter("id")) else { throw DomainError(.notFound, field: "id", "权力事项不存在") }
        return id
    }

    @Sendable func show(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await renderPower(try id(context), context: context, notice: Notice.from(request))
    }

    func renderPower(
        _ id: Int, context: StaffRequestContext, typed: FormData? = nil, section: String = "", notice: String? = nil, error: DomainError? = nil
    ) async throws -> Response {
        let staff = context.staff
        let tree = try await unitQueries.tree()
        let power = try await powers.power(id)
        guard staff.identity.canSee(unit: power.draft.unitCode, in: tree) else { throw DomainError(.notFound, field: "id", "权力事项 \(id) 不存在") }
        let canManage = staff.identity.maintains(unit: power.draft.unitCode, in: tree)
        let selectedUnit = typed?.text("unitCode") ?? power.draft.unitCode
        let view = PowerView(
            power, unitName: tree.units[power.draft.unitCode]?.name ?? power.draft.unitCode, history: try await powers.versions(id),
            publicOnly: false)
        let missing = power.draft.category.isService || power.guide != nil ? power.missingGuideElements.map(\.label) : []
        let page = PowerPage(
            power: view, form: PowerFormValues(power: power, typed: typed, section: section),
            units: tree.ordered().map(\.unit).filter { staff.identity.maintains(unit: $0.code, in: tree) }.map {
                SelectOption(value: $0.code, label: $0.name, selected: $0.code == selectedUnit)
            },
            statuses: PowerStatus.allCases.filter { $0 != power.status }.map { SelectOption(value: $0.rawValue, label: $0.label, selected: false) },
            canManage: canManage && power.status != .cancelled, isService: power.draft.category.isService || power.guide != nil,
            hasGuide: power.guide != nil, guidePublished: power.hasPublishedGuide, missing: missing, hasMissing: !missing.isEmpty,
            counts: try await powers.counts(id).map {
                PowerPage.CountRow(year: $0.year, decisions: $0.decisions, fee: PowerYearCount.yuanText($0.feeFen))
            }, countYear: self.today.year - 1, isCancelled: power.status == .cancelled, statusLabel: power.status.label,
            today: self.today.description)
        return renderer.render(
            "Powers/staff-power", title: power.draft.name, page: page, context: context, status: error?.kind.httpStatus ?? .ok, notice: notice,
            error: error?.message)
    }

    /// Runs one form's save and comes back to the power, or shows the page again with what was typed and the error.
    func save(_ request: Request, context: StaffRequestContext, section: String, _ body: (Int, FormData, StaffIdentity) async throws -> Void)
        async throws -> Response
    {
        let staff = context.staff
        let id = try id(context)
        let form = try await FormData.read(request)
        do {
            try await body(id, form, staff.identity)
            return redirect(to: "/staff/powers/\(id)?notice=saved#\(section)")
        } catch let error as DomainError {
            return try await renderPower(id, context: context, typed: form, section: section, error: error)
        }
    }

    @Sendable func update(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await save(request, context: context, section: "facts") { id, form, staff in
            try await powers.update(id, try PowerForm.draft(from: form), reason: form.text("reason"), by: staff)
        }
    }

    @Sendable func status(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await save(request, context: context, section: "status") { id, form, staff in
            guard let status = PowerStatus(text: form.text("status")) else { throw DomainError.invalid("status", "请选择新的状态") }
            let dayText = form.text("effectiveOn")
            guard dayText.isEmpty || CivilDate(iso: dayText) != nil else { throw DomainError.invalid("effectiveOn", "生效日期应为 YYYY-MM-DD") }
            try await powers.setStatus(id, to: status, reason: form.text("reason"), effectiveOn: CivilDate(iso: dayText), by: staff)
        }
    }

    @Sendable func workflow(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await save(request, context: context, section: "workflow") { id, form, staff in
            try await powers.setWorkflow(id, try PowerForm.workflow(from: form), reason: form.text("reason"), by: staff)
        }
    }

    @Sendable func guide(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await save(request, context: context, section: "guide") { id, form, staff in
            let current = try await powers.power(id)
            try await powers.saveGuide(id, try PowerForm.guide(from: form, keeping: current.guide), reason: form.text("reason"), by: staff)
        }
    }

    @Sendable func publish(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await save(request, context: context, section: "guide") { id, _, staff in try await powers.publishGuide(id, by: staff) }
    }

    @Sendable func withdraw(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await save(request, context: context, section: "guide") { id, form, staff in
            try await powers.withdrawGuide(id, reason: form.text("reason"), by: staff)
        }
    }

    @Sendable func counts(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await save(request, context: context, section: "counts") { id, form, staff in
            guard let year = Int(form.text("year")), RequestNumber.years.contains(year) else { throw DomainError.invalid("year", "统计年度应为四位年份") }
            guard let decisions = Int(form.text("decisions").isEmpty ? "0" : form.text("decisions")) else {
                throw DomainError.invalid("decisions", "处理决定数量应为整数")
            }
            let fen = try PowerYearCount.fen(fromYuan: form.text("feeAmount"), field: "feeAmount")
            try await powers.setCount(id, year: year, decisions: decisions, feeFen: fen, by: staff)
        }
    }

    @Sendable func template(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        let id = try id(context)
        guard let index = Int(try context.pathParameter("index")) else { throw DomainError(.notFound, field: "index", "申请材料不存在") }
        let (form, upload) = try await MultipartForm.fieldsAndFile(request, field: "file")
        do {
            var file: (name: String, bytes: [UInt8])?
            if form.text("remove") != "1" {
                guard let upload else { throw DomainError.invalid("file", "请选择样表文件") }
                file = (upload.fileName, upload.bytes)
            }
            try await powers.setMaterialTemplate(id, material: index, upload: file, store: files, by: staff.identity)
            return redirect(to: "/staff/powers/\(id)?notice=saved#guide")
        } catch let error as DomainError {
            return try await renderPower(id, context: context, error: error)
        }
    }
}
