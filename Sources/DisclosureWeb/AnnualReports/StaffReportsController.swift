import DisclosureCore
import DisclosureStore
import Foundation
import Hummingbird
import Mustache

/// Annual reports in the console (issue 8 §3–§5). Everyone signed in reads the reports in their
/// scope; a unit's editors and reviewers write its narrative and entered cells, its reviewer files
/// it; the office returns or publishes, keeps the county government's own report and chooses what
/// it rolls up. The year's overview puts deadlines and lateness first.
///
/// | method | path | who |
/// |---|---|---|
/// | GET | `/staff/reports` | signed in, unit scope (`?year=`) |
/// | POST | `/staff/reports/legacy` | editor, reviewer (own units), office; multipart `file` (CSV or JSON Lines) |
/// | GET | `/staff/reports/{unit}/{year}` | signed in, unit scope |
/// | GET | `/staff/reports/{unit}/{year}/download` | signed in, unit scope (`?format=`) |
/// | POST | `/staff/reports/{unit}/{year}/narrative`, `/entered` | editors and reviewers of the unit, office |
/// | POST | `/staff/reports/{unit}/{year}/file` | reviewer of the unit, office |
/// | POST | `/staff/reports/{unit}/{year}/return`, `/publish`, `/rollup` | office |
struct StaffReportsController {
    let clock: any WallClock
    let reports: AnnualReportService
    let templates: MustacheLibrary
    let unitQueries: UnitQueries
    let renderer: PageRenderer

    func addRoutes(to router: RouterGroup<StaffRequestContext>) {
        router.get("/staff/reports", use: overview)
        router.post("/staff/reports/legacy", use: legacy)
        router.get("/staff/reports/{unit}/{year}", use: show)
        router.get("/staff/reports/{unit}/{year}/download", use: download)
        router.post("/staff/reports/{unit}/{year}/narrative", use: narrative)
        router.post("/staff/reports/{unit}/{year}/entered", use: entered)
        router.post("/staff/reports/{unit}/{year}/rollup", use: rollup)
        router.post("/staff/reports/{unit}/{year}/file", use: file)
        router.post("/staff/reports/{unit}/{year}/return", use: giveBack)
        router.post("/staff/reports/{unit}/{year}/publish", use: publish)
    }

    // MARK: Overview and legacy import

    struct OverviewPage: Sendable {
        struct Row: Sendable {
            let unitCode: String
            let unitName: String
            let status: String
            let due: String
            let filedOn: String
            let publishedOn: String
            let lateness: String?
            let isLate: Bool
            let failing: String?
            let requests: Int
        }
        let year: Int
        let years: [SelectOption]
        let rows: [Row]
        let lateCount: Int
        let hasLate: Bool
        let canImport: Bool
        let importErrors: [FileRowError]
        let hasImportErrors: Bool
    }

    @Sendable func overview(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await renderOverview(request: request, context: context, notice: Notice.from(request))
    }

    func renderOverview(
        request: Request, context: StaffRequestContext, importErrors: [FileRowError] = [], notice: String? = nil, error: DomainError? = nil
    )
        async throws -> Response
    {
        let staff = context.staff
        let lastYear = today.year - 1
        let year =
            request.uri.queryParameters.get("year").flatMap(Int.init).flatMap { (ReportFormat.firstYear...lastYear + 1).contains($0) ? $0 : nil }
            ?? lastYear
        let reports = try await self.reports.overview(year: year, visibleTo: staff.identity)
        let rows = reports.map { report in
            let late = report.unit.kind == .countyGovernment ? report.publicationDaysLate : report.filingDaysLate
            let done = report.unit.kind == .countyGovernment ? report.record.publishedOn : report.record.filedOn
            let lateness: String? =
                late == 0 ? nil : done == nil ? "已逾期 \(late) 天未\(report.unit.kind == .countyGovernment ? "发布" : "报送")" : "逾期 \(late) 天"
            return OverviewPage.Row(
                unitCode: report.unit.code, unitName: report.unit.name, status: report.record.status.rawValue,
                due: (report.deadlines.filing ?? report.deadlines.publication).description, filedOn: report.record.filedOn?.description ?? "—",
                publishedOn: report.record.publishedOn?.description ?? "—", lateness: lateness, isLate: late > 0,
                failing: report.blockingChecks.isEmpty ? nil : "\(report.blockingChecks.count) 项未通过",
                requests: report.tables.requests.value("r1") + report.tables.requests.value("r2"))
        }
        let sorted = rows.sorted { ($0.isLate ? 0 : 1, $0.unitCode) < ($1.isLate ? 0 : 1, $1.unitCode) }
        let page = OverviewPage(
            year: year,
            years: (ReportFormat.firstYear...lastYear).reversed().map { SelectOption(value: String($0), label: "\($0)年度", selected: $0 == year) },
            rows: sorted, lateCount: rows.filter(\.isLate).count, hasLate: rows.contains(where: \.isLate),
            canImport: staff.role != .auditor && staff.role != .assessor,
            importErrors: importErrors, hasImportErrors: !importErrors.isEmpty)
        return renderer.render(
            "AnnualReports/staff-overview", title: "年度报告", page: page, context: context, status: error?.kind.httpStatus ?? .ok, notice: notice,
            error: error?.message)
    }

    @Sendable func legacy(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        let (_, upload) = try await MultipartForm.fieldsAndFile(request, field: "file")
        do {
            guard let upload else { throw DomainError.invalid("file", "请选择要导入的 CSV 或 JSON Lines 文件") }
            guard let text = String(bytes: upload.bytes, encoding: .utf8) else {
                throw DomainError.invalid("file", "文件应为 UTF-8 编码的 CSV 或 JSON Lines")
            }
            let result = try await self.reports.importLegacy(text, by: staff.identity)
            if !result.errors.isEmpty {
                return try await renderOverview(
                    request: request, context: context, importErrors: result.errors,
                    error: DomainError.invalid("file", "文件中有 \(result.errors.count) 处错误，未导入任何数据。"))
            }
            return try await renderOverview(request: request, context: context, notice: "已导入 \(result.imported) 件历史申请。")
        } catch let error as DomainError {
            return try await renderOverview(request: request, context: context, error: error)
        }
    }

    // MARK: One report

    struct ReportPage: Sendable {
        struct Check: Sendable {
            let rule: String
            let message: String
            let isError: Bool
        }
        struct PartField: Sendable {
            let key: String
            let heading: String
            let text: String
        }
        struct EnteredField: Sendable {
            let key: String
            let label: String
            let value: String
            let computed: String
        }
        let report: ReportView
        let unitCode: String
        let year: Int
        let status: String
        let deadline: String
        let deadlineLabel: String
        let lateness: String?
        let returnedReason: String?
        let checks: [Check]
        let hasChecks: Bool
        let blocking: Int
        let parts: [PartField]
        let isPrefilled: Bool
        let enteredFields: [EnteredField]
        let canEdit: Bool
        let canFile: Bool
        let canReturn: Bool
        let canPublish: Bool
        let isCounty: Bool
        let rollup: [SelectOption]
        let yearOver: Bool
        let fees: String
    }

    func location(_ context: StaffRequestContext) throws -> (String, Int) {
        guard let year = Int(try context.pathParameter("year")), RequestNumber.years.contains(year) else {
            throw DomainError(.notFound, field: "year", "年度无效")
        }
        return (try context.pathParameter("unit"), year)
    }

    @Sendable func show(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let (unit, year) = try location(context)
        return try await renderReport(unit: unit, year: year, context: context, notice: Notice.from(request))
    }

    func renderReport(unit: String, year: Int, context: StaffRequestContext, typed: FormData? = nil, notice: String? = nil, error: DomainError? = nil)
        async throws -> Response
    {
        let staff = context.staff
        let report = try await self.reports.report(unit: unit, year: year, visibleTo: staff.identity)
        let tree = try await self.unitQueries.tree()
        let maintains = staff.identity.maintains(unit: unit, in: tree)
        let editable = report.record.status.isEditable && maintains
        let draft =
            report.narrative.isBlank
            ? try await self.reports.prefilledNarrative(for: report) : report.narrative
        let isCounty = report.unit.kind == .countyGovernment
        let late = isCounty ? report.publicationDaysLate : report.filingDaysLate
        let layout = ActiveTable.empty(report.format)
        let computed = try await self.reports.computedActiveTable(unit: unit, year: year, visibleTo: staff.identity)
        let page = ReportPage(
            report: ReportView(report), unitCode: unit, year: year, status: report.record.status.rawValue,
            deadline: (report.deadlines.filing ?? report.deadlines.publication).chineseText,
            deadlineLabel: isCounty ? "公布期限（条例第四十九条）" : "报送和公布期限（条例第四十九条）",
            lateness: late > 0 ? "逾期 \(late) 天" : nil, returnedReason: report.record.status == .returned ? report.record.returnedReason : nil,
            checks: report.checks.map { ReportPage.Check(rule: $0.rule, message: $0.message, isError: $0.severity == .error) },
            hasChecks: !report.checks.isEmpty, blocking: report.blockingChecks.count,
            parts: ReportNarrative.Part.allCases.map { part in
                ReportPage.PartField(key: part.rawValue, heading: part.heading, text: typed.map { $0.text(part.rawValue) } ?? draft[part])
            }, isPrefilled: report.narrative.isBlank,
            enteredFields: layout.cellKeys.map { key in
                ReportPage.EnteredField(
                    key: key, label: layout.label(of: key),
                    value: typed.map { $0.text(key) } ?? report.record.entered[key].map { NSDecimalNumber(decimal: $0).stringValue } ?? "",
                    computed: computed.value(key).map { computed.text($0, money: computed.isMoney(key)) } ?? "")
            },
            canEdit: editable, canFile: editable && !isCounty && (staff.role == .reviewer || staff.role == .office),
            canReturn: staff.role == .office && report.record.status == .filed,
            canPublish: staff.role == .office && (report.record.status == .filed || (isCounty && report.record.status.isEditable)),
            isCounty: isCounty && staff.role == .office && report.record.status.isEditable,
            rollup: tree.ordered().map(\.unit).filter { $0.code != unit }.map {
                SelectOption(value: $0.code, label: $0.name, selected: report.record.rollupUnits.contains($0.code))
            }, yearOver: today.year > year, fees: report.tables.fees.sentence)
        return renderer.render(
            "AnnualReports/staff-report", title: AnnualReportExport.title(report), page: page, context: context,
            status: error?.kind.httpStatus ?? .ok, notice: notice, error: error?.message)
    }

    func save(_ request: Request, context: StaffRequestContext, section: String, _ body: (String, Int, FormData, StaffIdentity) async throws -> Void)
        async throws -> Response
    {
        let staff = context.staff
        let (unit, year) = try location(context)
        let form = try await FormData.read(request)
        do {
            try await body(unit, year, form, staff.identity)
            return redirect(to: "/staff/reports/\(unit)/\(year)?notice=saved#\(section)")
        } catch let error as DomainError {
            return try await renderReport(unit: unit, year: year, context: context, typed: form, error: error)
        }
    }

    @Sendable func narrative(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await save(request, context: context, section: "narrative") { unit, year, form, staff in
            var narrative = ReportNarrative()
            for part in ReportNarrative.Part.allCases { narrative[part] = form.text(part.rawValue) }
            try await self.reports.saveNarrative(unit: unit, year: year, narrative, by: staff)
        }
    }

    @Sendable func entered(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await save(request, context: context, section: "entered") { unit, year, form, staff in
            let layout = ActiveTable.empty(ReportFormat.for(year: year))
            var entered: [String: Decimal] = [:]
            for key in layout.cellKeys {
                let text = form.text(key).trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { continue }
                guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")),
                    text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" })
                else { throw DomainError.invalid(key, "表二「\(layout.label(of: key))」应为数字") }
                entered[key] = value
            }
            try await self.reports.saveEntered(unit: unit, year: year, entered, by: staff)
        }
    }

    @Sendable func rollup(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await save(request, context: context, section: "rollup") { unit, year, form, staff in
            try await self.reports.setRollup(
                unit: unit, year: year, units: form.values.keys.filter { $0.hasPrefix("unit.") }.map { String($0.dropFirst(5)) }, by: staff)
        }
    }

    @Sendable func file(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await save(request, context: context, section: "status") { unit, year, _, staff in
            try await self.reports.file(unit: unit, year: year, by: staff)
        }
    }

    @Sendable func giveBack(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await save(request, context: context, section: "status") { unit, year, form, staff in
            try await self.reports.returnForRevision(unit: unit, year: year, reason: form.text("reason"), by: staff)
        }
    }

    @Sendable func publish(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await save(request, context: context, section: "status") { unit, year, _, staff in
            try await self.reports.publish(unit: unit, year: year, by: staff)
        }
    }

    @Sendable func download(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        let (unit, year) = try location(context)
        let report = try await self.reports.report(unit: unit, year: year, visibleTo: staff.identity)
        return try await ReportFileResponse.make(report, format: request.uri.queryParameters.get("format"), templates: self.templates)
    }
}

extension StaffReportsController: ClockReading {}
