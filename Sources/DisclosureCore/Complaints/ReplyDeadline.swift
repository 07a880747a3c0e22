/// The working-day answer limit of a complaint or a message: due = start + N working days (the start
/// day not counted, statutes §1.4), with "remaining" counting today, a warning band, and lateness.
/// Nothing is stored: it is recomputed from the dates and the calendar on every read.
public struct ReplyDeadline: Equatable, Sendable {
    public enum Status: String, Sendable, Equatable {
        case running, dueSoon, overdue, answeredOnTime, answeredLate

        public var label: String {
            switch self {
            case .running: "办理中"
            case .dueSoon: "即将到期"
            case .overdue: "已超期"
            case .answeredOnTime: "按期答复"
            case .answeredLate: "逾期答复"
            }
        }
    }

    public let start: CivilDate
    public let workingDays: Int
    public let due: CivilDate
    public let status: Status
    /// Working days from today to the due date, both included; nil once answered or overdue.
    public let remainingWorkingDays: Int?
    /// Working days past the due date (today included) while unanswered.
    public let overdueWorkingDays: Int
    public let explanation: String
    public let isProvisional: Bool

    public static func evaluate(
        from start: CivilDate, workingDays: Int, warningDays: Int, answeredOn: CivilDate?, calendar: WorkingDayCalendar, today: CivilDate
    ) -> ReplyDeadline {
        let counted = calendar.adding(workingDays: workingDays, to: start)
        let due = counted.date
        let status: Status
        var remaining: Int?
        var overdue = 0
        if let answeredOn {
            status = answeredOn <= due ? .answeredOnTime : .answeredLate
        } else if today > due {
            status = .overdue
            overdue = calendar.workingDays(from: due, to: today)
        } else {
            // The start day itself is never counted (statutes §1.4), so on that day all N remain.
            let left = calendar.workingDays(from: max(today.adding(days: -1), start), to: due)
            remaining = left
            status = left <= warningDays ? .dueSoon : .running
        }
        return ReplyDeadline(
            start: start, workingDays: workingDays, due: due, status: status, remainingWorkingDays: remaining, overdueWorkingDays: overdue,
            explanation: counted.explanation, isProvisional: !counted.isConfirmed)
    }

    public var isOpen: Bool { status == .running || status == .dueSoon || status == .overdue }
}
