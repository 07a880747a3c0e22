import DisclosureCore
import DisclosureStore
import Hummingbird

/// The unit tree in the console. Everyone signed in may look; only the office changes it.
///
/// | method | path | who |
/// |---|---|---|
/// | GET | `/staff/units` | signed in |
/// | POST | `/staff/units` | office |
/// | GET | `/staff/units/{code}` | signed in |
/// | POST | `/staff/units/{code}` | office |
/// | POST | `/staff/units/{code}/remedy` | office — the 复议机关 and court its reply letters name |
struct StaffUnitsController {
    let accountQueries: AccountQueries
    let auditQueries: AuditQueries
    let unitQueries: UnitQueries
    let units: UnitService
    let renderer: PageRenderer

    struct UnitRow: Sendable {
        let code: String
        let name: String
        let kindLabel: String
        let indent: String
        let active: Bool
    }

    struct UnitsPage: Sendable {
        let rows: [UnitRow]
        let canEdit: Bool
        let kinds: [SelectOption]
        let parents: [SelectOption]
        let form: [String: String]
    }

    struct UnitEditPage: Sendable {
        let unit: OrgUnit
        let kinds: [SelectOption]
        let parents: [SelectOption]
        let canEdit: Bool
        let history: [AuditRow]
        /// The 复议机关 and court its reply letters name, as they stand (own or default).
        let remedy: Remedy
        /// The unit's own settings (empty fields show the default as a placeholder).
        let ownRemedy: Remedy
    }

    func addRoutes(to router: RouterGroup<StaffRequestContext>) {
        router.get("/staff/units", use: index)
        router.post("/staff/units", use: create)
        router.get("/staff/units/{code}", use: edit)
        router.post("/staff/units/{code}", use: update)
        router.post("/staff/units/{code}/remedy", use: saveRemedy)
    }

    @Sendable func index(_ request: Request, context: StaffRequestContext) async throws -> Response {
        _ = context.staff
        return try await renderIndex(context: context, form: [:], notice: Notice.from(request))
    }

    @Sendable func create(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = try context.requireOffice()
        let form = try await FormData.read(request)
        do {
            let unit = try OrgUnit.validated(
                code: form.text("code"), name: form.text("name"), kind: form.text("kind"), parentCode: form.text("parentCode"))
            try await self.units.create(unit, by: .staff(staff.identity))
            return redirect(to: "/staff/units?notice=created")
        } catch let error as DomainError {
            return try await renderIndex(context: context, form: form.values, error: error)
        }
    }

    @Sendable func edit(_ request: Request, context: StaffRequestContext) async throws -> Response {
        _ = context.staff
        let code = try context.pathParameter("code")
        guard let unit = try await self.unitQueries.unit(code) else { throw HTTPError(.notFound) }
        return try await renderEdit(unit, context: context, notice: Notice.from(request))
    }

    @Sendable func update(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = try context.requireOffice()
        let code = try context.pathParameter("code")
        guard let existing = try await self.unitQueries.unit(code) else { throw HTTPError(.notFound) }
        let form = try await FormData.read(request)
        do {
            var unit = try OrgUnit.validated(code: code, name: form.text("name"), kind: form.text("kind"), parentCode: form.text("parentCode"))
            unit.active = form["active"] == "1"
            try await self.units.update(unit, by: .staff(staff.identity))
            return redirect(to: "/staff/units/\(code)?notice=saved")
        } catch let error as DomainError {
            return try await renderEdit(existing, context: context, error: error)
        }
    }

    private func renderIndex(context: StaffRequestContext, form: [String: String], notice: String? = nil, error: DomainError? = nil) async throws
        -> Response
    {
        let tree = try await self.unitQueries.tree()
        let rows = tree.ordered().map { entry in
            UnitRow(
                code: entry.unit.code, name: entry.unit.name, kindLabel: entry.unit.kind.label,
                indent: String(repeating: "　", count: entry.depth), active: entry.unit.active)
        }
        let page = UnitsPage(
            rows: rows, canEdit: context.staff.identity.canAdminister,
            kinds: Self.kindOptions(selected: form["kind"] ?? UnitKind.countyDepartment.rawValue),
            parents: Self.parentOptions(tree, selected: form["parentCode"] ?? "", excluding: nil), form: form)
        return renderer.render(
            "Units/units", title: "单位管理", page: page, context: context, status: error.map { $0.kind.httpStatus } ?? .ok,
            notice: notice, error: error?.message)
    }

    @Sendable func saveRemedy(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let code = try context.pathParameter("code")
        guard let unit = try await self.unitQueries.unit(code) else { throw DomainError(.notFound, field: "code", "单位 \(code) 不存在") }
        let form = try await FormData.read(request)
        do {
            try await self.units.setRemedy(code, reviewAuthority: form.text("reviewAuthority"), court: form.text("court"), by: context.staff.identity)
            return try await renderEdit(
                unit, context: context, notice: "已保存：本单位的答复告知书将写明向「\(try await self.unitQueries.remedy(of: code)?.reviewAuthority ?? "")」申请行政复议。")
        } catch let error as DomainError {
            return try await renderEdit(unit, context: context, error: error)
        }
    }

    private func renderEdit(_ unit: OrgUnit, context: StaffRequestContext, notice: String? = nil, error: DomainError? = nil) async throws -> Response
    {
        let tree = try await self.unitQueries.tree()
        let canSeeHistory = context.staff.identity.canReadAudit
        let people = try await PeopleNames.load(accountQueries: self.accountQueries, unitQueries: self.unitQueries)
        let history =
            canSeeHistory
            ? try await self.auditQueries.recent(limit: 20, target: "unit:\(unit.code)").map { [people] in AuditRow($0, names: people) } : []
        let page = UnitEditPage(
            unit: unit, kinds: Self.kindOptions(selected: unit.kind.rawValue),
            parents: Self.parentOptions(tree, selected: unit.parentCode ?? "", excluding: unit.code),
            canEdit: context.staff.identity.canAdminister, history: history,
            remedy: try await self.unitQueries.remedy(of: unit.code) ?? Remedy(reviewAuthority: "", court: ""),
            ownRemedy: try await self.unitQueries.storedRemedy(of: unit.code))
        return renderer.render(
            "Units/unit", title: unit.name, page: page, context: context, status: error.map { $0.kind.httpStatus } ?? .ok,
            notice: notice, error: error?.message)
    }

    static func kindOptions(selected: String) -> [SelectOption] {
        UnitKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == selected) }
    }

    /// Possible parents: every unit except the unit itself and its descendants.
    static func parentOptions(_ tree: UnitTree, selected: String, excluding code: String?) -> [SelectOption] {
        let excluded = code.map { tree.scope(of: $0) } ?? []
        let none = SelectOption(value: "", label: "（无上级，根单位）", selected: selected.isEmpty)
        return [none]
            + tree.ordered().filter { !excluded.contains($0.unit.code) }.map {
                SelectOption(value: $0.unit.code, label: String(repeating: "　", count: $0.depth) + $0.unit.name, selected: $0.unit.code == selected)
            }
    }
}
