import DisclosureCore
import DisclosureStore

/// The dashboard's complaint and message to-do list: open complaints and accepted messages in the
/// account's scope, merged and in deadline order (issue 5 §5), plus the count of open findings.
struct SupervisionTodo: Sendable {
    struct Row: Sendable {
        let href: String
        let kind: String
        let title: String
        let unitName: String
        let due: String
        let severity: String
    }

    let rows: [Row]
    let hasRows: Bool
    let openFindings: Int

    init(
        staff: StaffAccount, calendar: CalendarService, complaints: ComplaintService, messages: MessageService,
        monitoringQueries: MonitoringQueries, unitQueries: UnitQueries, today: CivilDate
    ) async throws {
        let calendar = try await calendar.calendar()
        let policy = try await complaints.settings.policy()
        let names = try await unitQueries.names()
        var timed: [((Int, String), Row)] = []
        for complaint in try await complaints.complaints(visibleTo: staff.identity, openOnly: true) {
            let deadline = complaint.deadline(policy: policy, calendar: calendar, today: today)
            timed.append(
                (
                    DeadlineText.urgency(deadline),
                    Row(
                        href: "/staff/complaints/\(complaint.id)", kind: "投诉", title: "\(complaint.reference) \(complaint.submission.kind.rawValue)",
                        unitName: names[complaint.unitCode] ?? complaint.unitCode, due: DeadlineText.text(deadline),
                        severity: DeadlineText.severity(deadline))
                ))
        }
        for message in try await messages.queue(visibleTo: staff.identity, states: [.accepted]) {
            guard let deadline = message.deadline(policy: policy, calendar: calendar, today: today) else { continue }
            timed.append(
                (
                    DeadlineText.urgency(deadline),
                    Row(
                        href: "/staff/messages", kind: "留言", title: message.submission.title, unitName: names[message.unitCode] ?? message.unitCode,
                        due: DeadlineText.text(deadline), severity: DeadlineText.severity(deadline))
                ))
        }
        rows = timed.sorted { $0.0 < $1.0 }.prefix(30).map(\.1)
        hasRows = !rows.isEmpty
        let tree = try await unitQueries.tree()
        openFindings = try await monitoringQueries.openFindings(units: staff.identity.unitsInScope(of: tree)).count
    }
}
