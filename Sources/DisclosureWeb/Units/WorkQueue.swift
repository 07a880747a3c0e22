import DisclosureCore
import DisclosureStore

/// What waits for the signed-in account (issue 22 §1), by the work it asks for: 待我审核 (a
/// reviewer's approvals), 待我办理 (a clerk's next steps), 待我评分 (an assessor's 抽评). Each list
/// runs by deadline, most urgent first, with the working days left; the dashboard shows it first
/// and `/staff/queue` on its own, and the navigation carries its count.
struct WorkQueue: Sendable {
    struct Item: Sendable {
        let kind: String
        let title: String
        let href: String
        let unitName: String
        /// The deadline with the working days left, or how long the item has waited.
        let due: String
        let severity: String
        /// What to do, in the words of the button that does it.
        let action: String
        let rank: Int
        let dueKey: String
    }

    struct Section: Sendable {
        let id: String
        let title: String
        let items: [Item]
        let count: Int
        let hasItems: Bool

        init(id: String, title: String, items: [Item]) {
            self.id = id
            self.title = title
            self.items = items.sorted { ($0.rank, $0.dueKey) < ($1.rank, $1.dueKey) }
            count = items.count
            hasItems = !items.isEmpty
        }
    }

    let sections: [Section]
    let total: Int
    let isEmpty: Bool

    struct Sources: Sendable {
        let calendar: CalendarService
        let complaints: ComplaintService
        let messages: MessageService
        let publishingQueries: PublishingQueries
        let requests: RequestService
        let assessments: AssessmentService
        let unitQueries: UnitQueries
    }

    init(staff: StaffAccount, sources: Sources, today: CivilDate) async throws {
        let identity = staff.identity
        let calendar = try await sources.calendar.calendar()
        let names = try await sources.unitQueries.names()
        let tree = try await sources.unitQueries.tree()
        func unitName(_ code: String) -> String { names[code] ?? code }
        var review: [Item] = []
        var handle: [Item] = []
        var score: [Item] = []
        var office: [Item] = []
        func dated(_ due: CivilDate) -> (String, String, Int) {
            let left = calendar.workingDays(from: today, to: due) + (calendar.isWorkingDay(today) ? 1 : 0)
            if today > due { return ("\(due)（已过期）", "late", 0) }
            return ("\(due)（剩余 \(left) 个工作日，含今日）", left <= 3 ? "soon" : "", left <= 3 ? 1 : 2)
        }

        // 依申请公开: the handling unit's staff only (the office and auditors see, not act).
        let requests = try await sources.requests.requests(visibleTo: identity, openOnly: true).filter {
            identity.canHandle(unit: $0.application.unitCode, in: tree)
        }
        for request in requests {
            let clock = sources.requests.clock(of: request, calendar: calendar)
            let (rank, key) = RequestView.urgency(request, clock)
            func item(_ action: String) -> Item {
                Item(
                    kind: "依申请公开", title: "\(request.reference) \(RequestView.sought(request.application))", href: "/staff/requests/\(request.id)",
                    unitName: unitName(request.application.unitCode), due: Self.requestDue(request, clock: clock, today: today),
                    severity: RequestView.severity(clock), action: action, rank: rank, dueKey: key)
            }
            switch request.state {
            case .pendingReview where identity.role == .reviewer: review.append(item("审核答复"))
            case .pendingConfirmation where identity.role.isUnitStaff: handle.append(item("确认收到申请"))
            case .accepted where identity.role.isUnitStaff:
                let corrected = request.events.last?.kind == .correctionReceived
                handle.append(item(corrected ? "已收到补正，拟写答复" : "拟写答复"))
            case .consulting where identity.role.isUnitStaff && request.events.last?.kind == .opinionReceived:
                handle.append(item("已收到意见，拟写答复"))
            case .drafting where identity.role.isUnitStaff: handle.append(item("提交审核"))
            default: break
            }
        }

        // 主动公开: documents waiting for the 保密审查 of their unit's reviewer.
        if identity.role == .reviewer {
            let scope = identity.unitsInScope(of: tree)
            for document in try await sources.publishingQueries.staffList(units: scope, state: .pendingReview, offset: 0, limit: 200) {
                guard let anchor = document.timelinessAnchor else { continue }
                let timeliness = PublicationTimeliness.evaluate(
                    anchor: anchor, rule: document.rule, publishedOn: nil, today: today, calendar: calendar)
                let (text, severity, rank) = Self.publicationDue(timeliness)
                review.append(
                    Item(
                        kind: "主动公开", title: document.title, href: "/staff/documents/\(document.id)", unitName: unitName(document.unitCode),
                        due: text, severity: severity, action: "保密审查", rank: rank, dueKey: timeliness.due.date.description))
            }
        }

        // 投诉举报 and 留言咨询.
        let policy = try await sources.complaints.settings.policy()
        for complaint in try await sources.complaints.complaints(visibleTo: identity, openOnly: true)
        where identity.canHandle(unit: complaint.unitCode, in: tree) {
            let deadline = complaint.deadline(policy: policy, calendar: calendar, today: today)
            let (rank, key) = DeadlineText.urgency(deadline)
            let item = Item(
                kind: "投诉举报", title: "\(complaint.reference) \(complaint.submission.kind.rawValue)", href: "/staff/complaints/\(complaint.id)",
                unitName: unitName(complaint.unitCode), due: DeadlineText.text(deadline), severity: DeadlineText.severity(deadline),
                action: complaint.state == .pendingReview ? "审核答复" : "核查并拟写答复", rank: rank, dueKey: key)
            if complaint.state == .pendingReview {
                if identity.role == .reviewer { review.append(item) }
            } else if identity.role.isUnitStaff {
                handle.append(item)
            }
        }
        if identity.role.isUnitStaff {
            for message in try await sources.messages.queue(visibleTo: identity, states: [.accepted])
            where identity.canHandle(unit: message.unitCode, in: tree) {
                guard let deadline = message.deadline(policy: policy, calendar: calendar, today: today) else { continue }
                let (rank, key) = DeadlineText.urgency(deadline)
                handle.append(
                    Item(
                        kind: "留言咨询", title: message.submission.title, href: "/staff/messages", unitName: unitName(message.unitCode),
                        due: DeadlineText.text(deadline), severity: DeadlineText.severity(deadline), action: "答复留言", rank: rank, dueKey: key))
            }
        }

        // 整改: the unit reports what it rectified; the office accepts it (销号).
        for task in try await sources.assessments.tasks(visibleTo: identity) {
            let (text, severity, rank) = dated(task.dueOn)
            let href = "/staff/assessments/\(task.campaignID)#tasks"
            if task.state == .open && identity.role.isUnitStaff && identity.canHandle(unit: task.unitCode, in: tree) {
                handle.append(
                    Item(
                        kind: "考核整改", title: task.problem, href: href, unitName: unitName(task.unitCode), due: text, severity: severity,
                        action: "报送整改情况", rank: rank, dueKey: task.dueOn.description))
            } else if task.state == .submitted && identity.role == .office {
                office.append(
                    Item(
                        kind: "考核整改", title: task.problem, href: href, unitName: unitName(task.unitCode), due: text, severity: severity,
                        action: "验收整改", rank: rank, dueKey: task.dueOn.description))
            }
        }
        // 投诉: a complaint past its limit is escalated to the office to supervise (督办).
        if identity.role == .office {
            for complaint in try await sources.complaints.complaints(visibleTo: identity, openOnly: true) where complaint.escalatedOn != nil {
                let deadline = complaint.deadline(policy: policy, calendar: calendar, today: today)
                let (rank, key) = DeadlineText.urgency(deadline)
                office.append(
                    Item(
                        kind: "投诉举报", title: "\(complaint.reference) \(complaint.submission.kind.rawValue)（已超期上报）",
                        href: "/staff/complaints/\(complaint.id)", unitName: unitName(complaint.unitCode), due: DeadlineText.text(deadline),
                        severity: DeadlineText.severity(deadline), action: "督办", rank: rank, dueKey: key))
            }
        }

        // 考核: units drawn for 抽评 and not yet scored, while the 抽评 window is open or past.
        if identity.role == .assessor {
            for campaign in try await sources.assessments.campaigns() where campaign.approvedOn == nil && today >= campaign.spotFrom {
                for (unit, entry) in try await sources.assessments.entries(campaign.id, visibleTo: identity)
                where entry.drawn && entry.spotScoredOn == nil {
                    let left = calendar.workingDays(from: today, to: campaign.spotTo) + (calendar.isWorkingDay(today) ? 1 : 0)
                    let late = today > campaign.spotTo
                    score.append(
                        Item(
                            kind: "抽评", title: "\(campaign.title)：\(unit.name)", href: "/staff/assessments/\(campaign.id)/units/\(unit.code)",
                            unitName: unit.name,
                            due: late ? "\(campaign.spotTo)（抽评期已过）" : "\(campaign.spotTo)（剩余 \(left) 个工作日，含今日）",
                            severity: late ? "late" : left <= 3 ? "soon" : "", action: "抽评评分", rank: late ? 0 : left <= 3 ? 1 : 2,
                            dueKey: campaign.spotTo.description))
                }
            }
        }

        var sections: [Section] = []
        if identity.role == .reviewer { sections.append(Section(id: "review", title: "待我审核", items: review)) }
        if identity.role.isUnitStaff { sections.append(Section(id: "handle", title: "待我办理", items: handle)) }
        if identity.role == .assessor { sections.append(Section(id: "score", title: "待我评分", items: score)) }
        if identity.role == .office { sections.append(Section(id: "office", title: "待我督办", items: office)) }
        self.sections = sections
        total = sections.reduce(0) { $0 + $1.count }
        isEmpty = total == 0
    }

    /// A request's deadline, or for one still 待确认 how many days it has waited (the clock starts
    /// only when receipt is confirmed, so waiting is what matters).
    static func requestDue(_ request: InformationRequest, clock: RequestClock?, today: CivilDate) -> String {
        guard request.state == .pendingConfirmation else { return RequestView.dueText(clock, state: request.state) }
        let submitted = CivilDate(instant: request.submittedAt)
        let days = max(0, today.dayNumber - submitted.dayNumber)
        return days == 0 ? "今日提交，待确认" : "已等待 \(days) 天，待确认"
    }

    static func publicationDue(_ timeliness: PublicationTimeliness) -> (String, String, Int) {
        let due = timeliness.due.date
        switch timeliness.status {
        case .overdue(let over): return ("\(due)（已超期 \(over) 个工作日）", "late", 0)
        case .pending(let left): return ("\(due)（剩余 \(left) 个工作日，含今日）", left <= 3 ? "soon" : "", left <= 3 ? 1 : 2)
        case .late, .onTime: return ("\(due)", "", 2)
        }
    }
}
