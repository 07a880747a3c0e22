/// 条例 第二十六条 timeliness of one document: due = anchor + the catalog rule's working days.
public struct PublicationTimeliness: Equatable, Sendable {
    public enum Status: Equatable, Sendable {
        /// Published on or before the due date.
        case onTime
        /// Published `workingDaysLate` working days after the due date.
        case late(workingDaysLate: Int)
        /// Not published yet and not yet due; `workingDaysLeft` includes today when today is a working day.
        case pending(workingDaysLeft: Int)
        /// Not published and past due by `workingDaysOver` working days.
        case overdue(workingDaysOver: Int)
    }

    public let due: WorkingDayResult
    public let status: Status

    /// `anchor` is the 生成日期 (or, for a 政策解读 under a 关联文件公开 rule, the related document's
    /// publication day). `publishedOn` is nil until the document is published.
    public static func evaluate(
        anchor: CivilDate, rule: PublicationRule, publishedOn: CivilDate?, today: CivilDate, calendar: WorkingDayCalendar
    ) -> PublicationTimeliness {
        let due = calendar.adding(workingDays: rule.workingDays, to: anchor)
        let status: Status
        if let publishedOn {
            status = publishedOn <= due.date ? .onTime : .late(workingDaysLate: calendar.workingDays(from: due.date, to: publishedOn))
        } else if today <= due.date {
            let left = calendar.workingDays(from: today, to: due.date) + (calendar.isWorkingDay(today) ? 1 : 0)
            status = .pending(workingDaysLeft: left)
        } else {
            status = .overdue(workingDaysOver: calendar.workingDays(from: due.date, to: today))
        }
        return PublicationTimeliness(due: due, status: status)
    }

    public var isLateOrOverdue: Bool {
        switch status {
        case .late, .overdue: true
        case .onTime, .pending: false
        }
    }

    /// Chinese summary for dashboards, followed by the calendar explanation of the due date.
    public var summary: String {
        switch status {
        case .onTime: "按时公开（应于 \(due.date) 前公开）"
        case .late(let days): "逾期公开：应于 \(due.date) 前公开，晚了 \(days) 个工作日"
        case .pending(let days): "应于 \(due.date) 前公开，还剩 \(days) 个工作日"
        case .overdue(let days): "已超期未公开：应于 \(due.date) 前公开，已超过 \(days) 个工作日"
        }
    }
}
