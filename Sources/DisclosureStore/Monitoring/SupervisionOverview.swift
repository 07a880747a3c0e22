import DisclosureCore

/// Per unit, what the office watches (issue 5 §5): open and overdue complaints, unanswered
/// messages, open findings (and vetoes among them), overdue requests and publications.
public struct SupervisionOverview: Sendable {
    public struct Line: Equatable, Sendable, Codable {
        public let unitCode: String
        public var openComplaints = 0
        public var overdueComplaints = 0
        public var unansweredMessages = 0
        public var openFindings = 0
        public var vetoFindings = 0
        public var overdueRequests = 0
        public var overduePublications = 0

        public init(unitCode: String) { self.unitCode = unitCode }

        /// Everything late or failing, for the default sort.
        public var problems: Int { overdueComplaints + openFindings + overdueRequests + overduePublications }
    }

    public let lines: [Line]

    /// Lines for `units` (in that order), from a fresh snapshot and the recorded open findings.
    public static func build(units: [String], snapshot: SupervisionMonitor.Snapshot, findings: [RecordedFinding]) -> SupervisionOverview {
        var lines = Dictionary(units.map { ($0, Line(unitCode: $0)) }, uniquingKeysWith: { first, _ in first })
        for complaint in snapshot.complaints where complaint.state != .closed { lines[complaint.unitCode]?.openComplaints += 1 }
        for message in snapshot.messages { lines[message.unitCode]?.unansweredMessages += 1 }
        for item in snapshot.overdue {
            switch item.kind {
            case .complaint: lines[item.unitCode]?.overdueComplaints += 1
            case .request: lines[item.unitCode]?.overdueRequests += 1
            case .publication: lines[item.unitCode]?.overduePublications += 1
            }
        }
        for finding in findings where finding.isOpen {
            lines[finding.unitCode]?.openFindings += 1
            if finding.rule.isVeto { lines[finding.unitCode]?.vetoFindings += 1 }
        }
        return SupervisionOverview(lines: units.compactMap { lines[$0] })
    }

    /// Sorted by a column name the console and the API accept; unknown names sort by problems.
    public func sorted(by key: String) -> [Line] {
        switch key {
        case "unit": lines
        case "complaints": lines.sorted { ($0.openComplaints, $0.overdueComplaints) > ($1.openComplaints, $1.overdueComplaints) }
        case "messages": lines.sorted { $0.unansweredMessages > $1.unansweredMessages }
        case "findings": lines.sorted { ($0.vetoFindings, $0.openFindings) > ($1.vetoFindings, $1.openFindings) }
        case "requests": lines.sorted { $0.overdueRequests > $1.overdueRequests }
        case "publications": lines.sorted { $0.overduePublications > $1.overduePublications }
        default: lines.sorted { $0.problems > $1.problems }
        }
    }
}
