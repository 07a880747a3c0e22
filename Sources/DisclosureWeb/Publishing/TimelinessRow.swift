import DisclosureCore
import DisclosureStore

/// A timeliness flag as dashboards print it: the document, the state of its deadline, and the
/// calendar's explanation of how the due date was counted.
struct TimelinessRow: Sendable {
    let href: String
    let title: String
    let unitName: String
    let stateLabel: String
    let summary: String
    let explanation: String
    let severity: String

    init(_ flag: TimelinessFlag, unitName: String) {
        href = "/staff/documents/\(flag.document.id)"
        title = flag.document.title
        self.unitName = unitName
        stateLabel = flag.document.state.label
        summary = flag.timeliness.summary
        explanation = "依据：\(flag.document.rule.text)（条例第二十六条）。" + flag.timeliness.due.explanation
        severity = flag.timeliness.isLateOrOverdue ? "late" : "due-soon"
    }
}
