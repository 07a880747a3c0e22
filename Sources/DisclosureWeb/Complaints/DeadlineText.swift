import DisclosureCore

/// How a working-day reply deadline reads in lists and case pages, and the CSS class that colours it.
enum DeadlineText {
    static func text(_ deadline: ReplyDeadline) -> String {
        let provisional = deadline.isProvisional ? "（跨年放假安排未公布，暂定）" : ""
        switch deadline.status {
        case .answeredOnTime: return "\(deadline.due)（已按期答复）"
        case .answeredLate: return "\(deadline.due)（逾期答复）"
        case .overdue: return "\(deadline.due)（已超期 \(deadline.overdueWorkingDays) 个工作日）"
        case .running, .dueSoon: return "\(deadline.due)（剩余 \(deadline.remainingWorkingDays ?? 0) 个工作日，含今日）\(provisional)"
        }
    }

    static func severity(_ deadline: ReplyDeadline) -> String {
        switch deadline.status {
        case .overdue, .answeredLate: "late"
        case .dueSoon: "soon"
        default: ""
        }
    }

    /// Sort key: overdue first, then by due date; closed ones last.
    static func urgency(_ deadline: ReplyDeadline) -> (Int, String) {
        switch deadline.status {
        case .overdue: (0, deadline.due.description)
        case .dueSoon: (1, deadline.due.description)
        case .running: (2, deadline.due.description)
        case .answeredOnTime, .answeredLate: (9, deadline.due.description)
        }
    }
}
