import DisclosureCore
import DisclosureStore
import Hummingbird

/// 监督检查 in the console: per-unit overview (sortable), the open inspection findings with their
/// rule, source, since-date and what clears them, the year's history, the 立即检查 button and the
/// office's complaint and message limits.
///
/// | method | path | who |
/// |---|---|---|
/// | GET | `/staff/supervision` | signed in, own scope (`?sort=unit|complaints|messages|findings|requests|publications`) |
/// | POST | `/staff/supervision/run` | office |
/// | GET | `/staff/findings` | signed in, own scope (`?year=`) |
/// | GET, POST | `/staff/supervision/settings` | office |
struct StaffSupervisionController {
    let clock: any WallClock
    let complaints: ComplaintService
    let requests: RequestService
    let monitor: MonitorRun
    let monitoringQueries: MonitoringQueries
    let unitQueries: UnitQueries
    let renderer: PageRenderer

    struct OverviewPage: Sendable {
        struct Row: Sendable {
            let unitName: String
            let line: SupervisionOverview.Line
            let hasProblems: Bool
        }
        let rows: [Row]
        let findings: [FindingRow]
        let sort: String
        let canRun: Bool
    }

    struct FindingRow: Sendable {
        let unitName: String
        let rule: String
        let isVeto: Bool
        let source: String
        let subject: String
        let detail: String
        let since: String
        let openedOn: String
        let closedOn: String?
        let clears: String

        init(_ finding: RecordedFinding, names: [String: String]) {
            unitName = names[finding.unitCode] ?? finding.unitCode
            rule = finding.rule.title
            isVeto = finding.rule.isVeto
            source = finding.rule.source
            subject = finding.subject
            detail = finding.detail
            since = finding.since.description
            openedOn = finding.openedOn.description
            closedOn = finding.closedOn?.description
            clears = finding.rule.clears
        }
    }

    struct HistoryPage: Sendable {
        let year: Int
        let findings: [FindingRow]
        let openCount: Int
        let closedCount: Int
    }

    struct SettingsPage: Sendable {
        struct Kind: Sendable {
            let field: String
            let label: String
            let days: Int
        }
        let kinds: [Kind]
        let policy: SupervisionPolicy
        /// 依申请转主动 (条例 第四十四条): how many similar requests within how many months.
        let similar: SimilarRequests.Policy
        /// Repeat applications (issue 24 §4): the months an applicant's requests are compared over.
        let repeatMonths: Int
    }

    func addRoutes(to router: RouterGroup<StaffRequestContext>) {
        router.get("/staff/supervision", use: overview)
        router.post("/staff/supervision/run", use: run)
        router.get("/staff/findings", use: history)
        router.get("/staff/supervision/settings", use: settings)
        router.post("/staff/supervision/settings", use: saveSettings)
    }

    @Sendable func overview(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await renderOverview(sort: request.uri.queryParameters.get("sort") ?? "problems", context: context, notice: Notice.from(request))
    }

    func renderOverview(sort: String, context: StaffRequestContext, notice: String?) async throws -> Response {
        let staff = context.staff
        let tree = try await self.unitQueries.tree()
        let scope = Set(staff.identity.unitsInScope(of: tree))
        let units = tree.ordered().map(\.unit.code).filter { scope.contains($0) }
        let names = try await self.unitQueries.names()
        let findings = try await self.monitoringQueries.openFindings(units: units)
        let snapshot = try await self.monitoringQueries.snapshot()
        let overview = SupervisionOverview.build(units: units, snapshot: snapshot, findings: findings)
        let page = OverviewPage(
            rows: overview.sorted(by: sort).map {
                OverviewPage.Row(unitName: names[$0.unitCode] ?? $0.unitCode, line: $0, hasProblems: $0.problems > 0)
            },
            findings: findings.map { FindingRow($0, names: names) }, sort: sort, canRun: staff.role == .office)
        return renderer.render("Monitoring/supervision", title: "监督检查", page: page, context: context, notice: notice)
    }

    @Sendable func run(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        _ = try await FormData.read(request)
        guard staff.role == .office else { throw HTTPError(.forbidden) }
        let summary = try await self.monitor.run()
        return try await renderOverview(sort: "problems", context: context, notice: summary.text)
    }

    @Sendable func history(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        let year = try RequestNumber.year(request.uri.queryParameters.get("year"), fallback: today.year)
        let tree = try await self.unitQueries.tree()
        let names = try await self.unitQueries.names()
        let findings = try await self.monitoringQueries.findings(
            year: year, units: staff.role.seesAllUnits ? nil : staff.identity.unitsInScope(of: tree))
        let page = HistoryPage(
            year: year, findings: findings.map { FindingRow($0, names: names) }, openCount: findings.filter(\.isOpen).count,
            closedCount: findings.filter { !$0.isOpen }.count)
        return renderer.render("Monitoring/findings", title: "监测问题记录", page: page, context: context)
    }

    @Sendable func settings(_ request: Request, context: StaffRequestContext) async throws -> Response {
        _ = try context.requireOffice()
        return try await renderSettings(
            try await self.complaints.settings.policy(), similar: try await self.requests.similarPolicy(),
            repeatMonths: try await self.requests.repeatMonths(), context: context, notice: Notice.from(request))
    }

    func renderSettings(
        _ policy: SupervisionPolicy, similar: SimilarRequests.Policy, repeatMonths: Int, context: StaffRequestContext, notice: String? = nil,
        error: DomainError? = nil
    ) async throws -> Response {
        let kinds = ComplaintKind.allCases.enumerated().map { index, kind in
            SettingsPage.Kind(field: "kind\(index)", label: kind.rawValue, days: policy.days(for: kind))
        }
        return renderer.render(
            "Monitoring/settings", title: "办理时限与依申请转主动",
            page: SettingsPage(kinds: kinds, policy: policy, similar: similar, repeatMonths: repeatMonths), context: context,
            status: error?.kind.httpStatus ?? .ok, notice: notice, error: error?.message)
    }

    @Sendable func saveSettings(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = try context.requireOffice()
        let form = try await FormData.read(request)
        var policy = try await self.complaints.settings.policy()
        var similar = try await self.requests.similarPolicy()
        var repeatMonths = try await self.requests.repeatMonths()
        do {
            func number(_ field: String, _ label: String) throws -> Int {
                guard let value = Int(form.text(field)) else { throw DomainError.invalid(field, "\(label)须为整数") }
                return value
            }
            for (index, kind) in ComplaintKind.allCases.enumerated() {
                policy.complaintDays[kind.rawValue] = try number("kind\(index)", "「\(kind.rawValue)」的办理时限")
            }
            policy.complaintWarningDays = try number("complaintWarningDays", "投诉预警天数")
            policy.messageDays = try number("messageDays", "留言答复时限")
            policy.messageWarningDays = try number("messageWarningDays", "留言预警天数")
            policy.replyLimit = try number("replyLimit", "答复字数上限")
            similar.count = try number("similarCount", "相似申请件数")
            similar.months = try number("similarMonths", "统计期间")
            repeatMonths = try number("repeatMonths", "重复申请比对期间")
            // All checked before any is saved, so a bad number changes nothing.
            _ = try policy.validated()
            _ = try similar.validated()
            _ = try RepeatApplications.validatedMonths(repeatMonths)
            try await self.complaints.settings.save(policy, by: staff.identity)
            try await self.requests.saveSimilarPolicy(similar, by: staff.identity)
            try await self.requests.saveRepeatMonths(repeatMonths, by: staff.identity)
            return redirect(to: "/staff/supervision/settings?notice=saved")
        } catch let error as DomainError {
            return try await renderSettings(policy, similar: similar, repeatMonths: repeatMonths, context: context, error: error)
        }
    }
}

extension StaffSupervisionController: ClockReading {}
