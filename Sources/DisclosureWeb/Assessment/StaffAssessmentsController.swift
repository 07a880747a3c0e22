import DisclosureCore
import DisclosureStore
import Foundation
import Hummingbird

/// Assessment in the console (issue 7 §4–5): campaigns with their deadlines first, schemes,
/// the draw, results with the ranking and the 通报, and 整改 tasks.
///
/// | method | path | who |
/// |---|---|---|
/// | GET | `/staff/assessments` | signed in |
/// | POST | `/staff/assessments` | office (create a campaign) |
/// | POST | `/staff/assessments/schemes` | office (import a scheme file, or a shipped one) |
/// | GET | `/staff/assessments/schemes/{id}`, `…/{id}/download` | signed in |
/// | GET | `/staff/assessments/{id}` | signed in (units in scope) |
/// | POST | `/staff/assessments/{id}/draw`, `…/choose` | assessor, office |
/// | POST | `/staff/assessments/{id}/approve`, `…/publish`, `…/tasks` | office |
/// | POST | `/staff/rectifications/{id}/submit` | the unit's editor or reviewer |
/// | POST | `/staff/rectifications/{id}/review` | office |
struct StaffAssessmentsController {
    let assessments: AssessmentService
    let clock: any WallClock
    let files: any FileStore
    let unitQueries: UnitQueries
    let renderer: PageRenderer

    func addRoutes(to router: RouterGroup<StaffRequestContext>) {
        router.get("/staff/assessments", use: list)
        router.post("/staff/assessments", use: create)
        router.post("/staff/assessments/schemes", use: importScheme)
        router.get("/staff/assessments/schemes/{id}", use: scheme)
        router.get("/staff/assessments/schemes/{id}/download", use: downloadScheme)
        router.get("/staff/assessments/{id}", use: campaign)
        router.post("/staff/assessments/{id}/draw", use: draw)
        router.post("/staff/assessments/{id}/choose", use: choose)
        router.post("/staff/assessments/{id}/approve", use: approve)
        router.post("/staff/assessments/{id}/publish", use: publish)
        router.post("/staff/assessments/{id}/tasks", use: addTask)
        router.post("/staff/rectifications/{id}/submit", use: submitTask)
        router.post("/staff/rectifications/{id}/review", use: reviewTask)
        router.get("/staff/rectifications/{id}/file", use: taskFile)
    }

    // MARK: list

    struct ListPage: Sendable {
        struct CampaignRow: Sendable {
            let id: Int
            let year: Int
            let title: String
            let phase: String
            let selfDue: String
            let daysLeft: String?
            let scheme: String
        }
        struct SchemeRow: Sendable {
            let id: Int
            let name: String
            let version: Int
            let leaves: Int
        }
        let campaigns: [CampaignRow]
        let schemes: [SchemeRow]
        let tasks: [TaskRow]
        let isOffice: Bool
        let shipped: [SelectOption]
        let schemeOptions: [SelectOption]
        let kinds: [SelectOption]
        let values: [String: String]
    }

    struct TaskRow: Sendable {
        let id: Int
        let campaignID: Int
        let unitName: String
        let problem: String
        let due: String
        let state: String
        let overdue: Bool
        let report: String?
        let fileName: String?
        let canSubmit: Bool
        let canReview: Bool
    }

    @Sendable func list(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await renderList(values: [:], context: context, notice: Notice.from(request))
    }

    func renderList(values: [String: String], context: StaffRequestContext, notice: String? = nil, error: DomainError? = nil) async throws -> Response
    {
        let staff = context.staff
        let today = self.today
        let schemes = try await assessments.schemes()
        let names = Dictionary(schemes.map { ($0.id, "\($0.scheme.name)（第 \($0.version) 版）") }, uniquingKeysWith: { a, _ in a })
        let campaigns = try await assessments.campaigns().map { campaign in
            let left = today.dayNumber <= campaign.selfDue.dayNumber ? "还有 \(campaign.selfDue.dayNumber - today.dayNumber) 天" : nil
            return ListPage.CampaignRow(
                id: campaign.id, year: campaign.year, title: campaign.title, phase: campaign.phase(today: today).rawValue,
                selfDue: campaign.selfDue.chineseText, daysLeft: left, scheme: names[campaign.schemeID] ?? "")
        }
        let defaults = AssessmentCampaign.defaultDates(year: today.year)
        var formValues = [
            "year": "\(today.year)", "title": "\(today.year)年度政务公开工作考核", "selfDue": defaults.selfDue.description,
            "spotFrom": defaults.spotFrom.description, "spotTo": defaults.spotTo.description, "resultsDue": defaults.resultsDue.description,
        ]
        formValues.merge(values) { _, new in new }
        let page = ListPage(
            campaigns: campaigns,
            schemes: schemes.map { ListPage.SchemeRow(id: $0.id, name: $0.scheme.name, version: $0.version, leaves: $0.scheme.leaves.count) },
            tasks: try await taskRows(try await assessments.tasks(visibleTo: staff.identity), staff: staff.identity),
            isOffice: staff.role == .office,
            shipped: ShippedSchemes.all.compactMap { item in
                ShippedSchemes.scheme(item.key).map { SelectOption(value: item.key, label: $0.name, selected: false) }
            },
            schemeOptions: schemes.map { SelectOption(value: "\($0.id)", label: names[$0.id] ?? "", selected: "\($0.id)" == formValues["schemeID"]) },
            kinds: UnitKind.allCases.filter { $0 != .countyGovernment }.map {
                SelectOption(
                    value: $0.rawValue, label: $0.label,
                    selected: values.isEmpty ? ($0 == .countyDepartment || $0 == .township) : values["kind.\($0.rawValue)"] != nil)
            }, values: formValues)
        return renderer.render(
            "Assessment/campaigns", title: "政务公开考核", page: page, context: context, status: error?.kind.httpStatus ?? .ok, notice: notice,
            error: error?.message)
    }

    func taskRows(_ tasks: [RectificationTask], staff: StaffIdentity) async throws -> [TaskRow] {
        let names = try await self.unitQueries.names()
        let tree = try await self.unitQueries.tree()
        return tasks.map { task in
            TaskRow(
                id: task.id, campaignID: task.campaignID, unitName: names[task.unitCode] ?? task.unitCode, problem: task.problem,
                due: task.dueOn.chineseText, state: task.state.rawValue, overdue: task.isOverdue(today: self.today),
                report: task.report.isEmpty ? nil : task.report, fileName: task.file?.name,
                canSubmit: task.state != .closed && staff.canHandle(unit: task.unitCode, in: tree),
                canReview: task.state == .submitted && staff.role == .office)
        }
    }

    @Sendable func create(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        let form = try await FormData.read(request)
        do {
            func date(_ field: String, _ label: String) throws -> CivilDate {
                guard let value = CivilDate(iso: form.text(field)) else { throw DomainError.invalid(field, "\(label)应为 YYYY-MM-DD") }
                return value
            }
            guard let year = Int(form.text("year")), RequestNumber.years.contains(year) else { throw DomainError.invalid("year", "请填写考核年度") }
            guard let schemeID = Int(form.text("schemeID")) else { throw DomainError.invalid("schemeID", "请选择指标体系（没有时请先导入）") }
            let codes = form.text("unitCodes").uppercased().split { $0 == "," || $0 == "，" || $0 == " " || $0 == "、" }.map(String.init)
            let campaign = try await assessments.createCampaign(
                AssessmentCampaign(
                    id: 0, year: year, title: form.text("title"), schemeID: schemeID,
                    unitKinds: UnitKind.allCases.filter { form.values["kind.\($0.rawValue)"] != nil }, unitCodes: codes,
                    selfDue: try date("selfDue", "自评截止日期"), spotFrom: try date("spotFrom", "抽评开始日期"), spotTo: try date("spotTo", "抽评结束日期"),
                    resultsDue: try date("resultsDue", "结果评定日期")), by: staff.identity)
            return redirect(to: "/staff/assessments/\(campaign.id)?notice=created")
        } catch let error as DomainError {
            return try await renderList(values: form.values, context: context, error: error)
        }
    }

    @Sendable func importScheme(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        let (form, upload) = try await MultipartForm.fieldsAndFile(request, field: "file")
        do {
            let data: Data
            if let upload {
                data = Data(upload.bytes)
            } else if let shipped = ShippedSchemes.all.first(where: { $0.key == form.text("shipped") }) {
                data = Data(shipped.json.utf8)
            } else {
                throw DomainError.invalid("file", "请选择指标体系文件（JSON）或内置指标体系")
            }
            let stored = try await assessments.importScheme(data, by: staff.identity)
            return redirect(to: "/staff/assessments/schemes/\(stored.id)?notice=imported")
        } catch let error as DomainError {
            return try await renderList(values: [:], context: context, error: error)
        }
    }

    // MARK: schemes

    struct SchemePage: Sendable {
        let id: Int
        let name: String
        let version: Int
        let bonusCap: String?
        let grades: String
        let rows: [IndicatorRow]
    }

    struct IndicatorRow: Sendable {
        let id: String
        let name: String
        let level: Int
        let points: String
        let rule: String?
        let metric: String?
        let note: String?
    }

    @Sendable func scheme(_ request: Request, context: StaffRequestContext) async throws -> Response {
        _ = context.staff
        guard let id = Int(try context.pathParameter("id")) else { throw HTTPError(.notFound) }
        let stored = try await assessments.scheme(id)
        let scheme = stored.scheme
        let page = SchemePage(
            id: id, name: scheme.name, version: stored.version, bonusCap: scheme.bonusCap.map { "\($0)" },
            grades: Self.gradeText(scheme),
            rows: scheme.flattened.map { item in
                IndicatorRow(
                    id: item.indicator.id, name: item.indicator.name, level: item.level, points: "\(item.indicator.points)",
                    rule: item.indicator.rule?.summary, metric: item.indicator.rule?.metric.flatMap { AssessmentMetric(rawValue: $0)?.label },
                    note: item.indicator.note.isEmpty ? nil : item.indicator.note)
            })
        return renderer.render("Assessment/scheme", title: scheme.name, page: page, context: context, notice: Notice.from(request))
    }

    static func gradeText(_ scheme: AssessmentScheme) -> String {
        scheme.grades.sorted { $0.min > $1.min }.map { "\($0.name) ≥ \($0.min)" }.joined(separator: "，")
            + (scheme.gradeBy == .rounded ? "（按四舍五入后的分数评定）" : "（按实际分数评定，如 89.5 低于 90）")
            + (scheme.topGradeShare.map { "；优秀比例不超过 \(Decimal.rounded($0 * 100, scale: 0))%" } ?? "")
    }

    @Sendable func downloadScheme(_ request: Request, context: StaffRequestContext) async throws -> Response {
        _ = context.staff
        guard let id = Int(try context.pathParameter("id")) else { throw HTTPError(.notFound) }
        let stored = try await assessments.scheme(id)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return downloadResponse(
            [UInt8](try encoder.encode(stored.scheme)), type: "application/json; charset=utf-8",
            name: "\(stored.scheme.name)-v\(stored.version).json",
            fallback: "scheme-\(id).json")
    }
}

extension StaffAssessmentsController: ClockReading {}
