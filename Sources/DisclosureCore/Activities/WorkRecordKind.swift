/// The kinds of 政务公开 work a unit records as evidence (issue 5 §3; seeds/000 counts meetings and
/// inspections, seeds/002 asks for self-inspection reports and half-year summaries on time).
public enum WorkRecordKind: String, CaseIterable, Sendable, Codable {
    case leadershipMeeting, training, disciplineInspection, officeInspection, selfInspection, halfYearSummary, statisticalReturn, openDay

    public var label: String {
        switch self {
        case .leadershipMeeting: "领导小组会议"
        case .training: "业务培训"
        case .disciplineInspection: "纪委监督检查"
        case .officeInspection: "政务公开办督查"
        case .selfInspection: "自查报告"
        case .halfYearSummary: "半年工作总结"
        case .statisticalReturn: "统计报表报送"
        case .openDay: "政府开放日活动"
        }
    }

    /// The name an assessment scheme's rule uses to read the count (issue 7 §3).
    public var metric: String {
        switch self {
        case .leadershipMeeting: "meetings.leadership"
        case .training: "trainings"
        case .disciplineInspection: "inspections.discipline"
        case .officeInspection: "inspections.office"
        case .selfInspection: "reports.selfInspection"
        case .halfYearSummary: "reports.halfYearSummary"
        case .statisticalReturn: "reports.statisticalReturn"
        case .openDay: "openDays"
        }
    }

    /// Documents handed to the office by a due date, so "on time" is known.
    public var isSubmission: Bool { self == .selfInspection || self == .halfYearSummary || self == .statisticalReturn }
    /// Held with a chair and attendees.
    public var isMeeting: Bool { self == .leadershipMeeting || self == .training }

    public init?(text: String) {
        guard let kind = WorkRecordKind(rawValue: text) ?? WorkRecordKind.allCases.first(where: { $0.label == text }) else { return nil }
        self = kind
    }
}
