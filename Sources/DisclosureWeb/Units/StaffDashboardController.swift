import DisclosureCore
import DisclosureStore
import Hummingbird

/// The staff home: deadlines first, then calendar status and recent activity.
///
/// | method | path | who |
/// |---|---|---|
/// | GET | `/staff` | signed in |
struct StaffDashboardController {
    let accountQueries: AccountQueries
    let auditQueries: AuditQueries
    let calendar: CalendarService
    let clock: any WallClock
    let complaints: ComplaintService
    let messages: MessageService
    let monitoringQueries: MonitoringQueries
    let requests: RequestService
    let timeliness: TimelinessWatch
    let unitQueries: UnitQueries
    let queueSources: WorkQueue.Sources
    let renderer: PageRenderer

    struct DashboardPage: Sendable {
        /// The account's next actions, first on the page (issue 22 §1).
        let queue: WorkQueue
        let unitName: String
        let todayText: String
        let todayIsWorkingDay: Bool
        let todayReason: String
        let calendarWarnings: [String]
        /// For the office: accounts with many failed logins from many addresses in the last hour.
        let attackWarnings: [AttackWarning]

        struct AttackWarning: Sendable {
            let text: String
            let href: String
        }
        let unitCount: Int
        let accountCount: Int
        let recentAudit: [AuditRow]
        let showAudit: Bool
        let timeliness: [TimelinessRow]
        let scopeLabel: String
        let requestCounts: RequestCounts
        let urgentRequests: [StaffRequestsController.ListPage.Row]
        let supervision: SupervisionTodo
    }

    func addRoutes(to router: RouterGroup<StaffRequestContext>) {
        router.get("/staff", use: show)
    }

    @Sendable func show(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        let units = try await self.unitQueries.units()
        let calendar = try await self.calendar.calendar()
        let today = self.today
        let showAudit = staff.identity.canReadAudit
        let tree = UnitTree(units)
        let scope = staff.role.seesAllUnits ? nil : staff.identity.unitsInScope(of: tree)
        let names = Dictionary(units.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        let flags = try await self.timeliness.flags(units: scope, today: today)
        let (requestRows, requestCounts) = try await StaffRequestsController.rows(
            staff: staff, calendar: self.calendar, requests: self.requests, unitQueries: self.unitQueries, today: self.today, openOnly: true)
        let urgent = requestRows.filter(\.needsAttention)
        let people = try await PeopleNames.load(accountQueries: self.accountQueries, unitQueries: self.unitQueries)
        let queue = try await WorkQueue(staff: staff, sources: queueSources, today: today)
        let page = DashboardPage(
            queue: queue,
            unitName: units.first { $0.code == staff.unitCode }?.name ?? staff.unitCode,
            todayText: "\(today) \(today.chineseWeekday)", todayIsWorkingDay: calendar.isWorkingDay(today),
            todayReason: calendar.reason(for: today), calendarWarnings: Self.calendarWarnings(calendar, today: today),
            attackWarnings: try await attackWarnings(for: staff),
            unitCount: units.count, accountCount: try await self.accountQueries.accounts().count,
            recentAudit: showAudit ? try await self.auditQueries.recent(limit: 10).map { [people] in AuditRow($0, names: people) } : [],
            showAudit: showAudit,
            timeliness: flags.prefix(50).map { TimelinessRow($0, unitName: names[$0.document.unitCode] ?? $0.document.unitCode) },
            scopeLabel: scope == nil ? "全县各单位" : "本单位及下属单位", requestCounts: requestCounts, urgentRequests: Array(urgent.prefix(30)),
            supervision: try await SupervisionTodo(
                staff: staff, calendar: self.calendar, complaints: self.complaints, messages: self.messages,
                monitoringQueries: self.monitoringQueries, unitQueries: self.unitQueries, today: self.today))
        var context = context
        context.queueCount = queue.total
        return renderer.render("Units/dashboard", title: "工作台", page: page, context: context, notice: Notice.from(request))
    }

    /// The throttle keeps attacked accounts open to their owners; the office still has to know
    /// (issue 17), to warn the owner and check the addresses on the account page.
    func attackWarnings(for staff: StaffAccount) async throws -> [DashboardPage.AttackWarning] {
        guard staff.role == .office else { return [] }
        return try await self.accountQueries.accountsUnderAttack(now: self.clock.now()).map {
            let username = $0.username ?? ""
            return .init(
                text: "账号 \(username) 近 1 小时内密码错误 \($0.failures) 次，可能正遭受密码猜测攻击。任一地址连续输错 5 次即暂停该地址登录，本人在其他地址不受影响；请提醒本人使用强密码。",
                href: "/staff/users/\(URLQuery.escape(username))")
        }
    }

    /// Warns when this year's or (from October, when the State Council usually announces it) next
    /// year's 放假安排 is missing, because every deadline crossing it is then provisional.
    static func calendarWarnings(_ calendar: WorkingDayCalendar, today: CivilDate) -> [String] {
        var warnings: [String] = []
        if !calendar.isConfirmed(today.year) {
            warnings.append("\(today.year)年放假安排尚未导入，所有期限按周一至周五推算，请尽快导入。")
        }
        if today.month >= 10 && !calendar.isConfirmed(today.year + 1) {
            warnings.append("\(today.year + 1)年放假安排尚未导入；国务院通知公布后请在“工作日历”中导入，跨年期限在此之前均为暂定。")
        }
        return warnings
    }
}

extension StaffDashboardController: ClockReading {}
