/// The figures the platform computes itself for a campaign year (issue 7 §3), by the name a
/// scheme's rule uses in `"metric"`. Work-record names are WorkRecordKind's (issue 5 §3).
public enum AssessmentMetric: String, CaseIterable, Sendable, Codable {
    case leadershipMeetings = "meetings.leadership"
    case trainings = "trainings"
    case disciplineInspections = "inspections.discipline"
    case officeInspections = "inspections.office"
    case openDays = "openDays"
    case selfInspectionReport = "reports.selfInspection"
    case halfYearSummary = "reports.halfYearSummary"
    case statisticalReturns = "reports.statisticalReturn"
    case publicationTimeliness = "publication.timeliness"
    case lateRequestAnswers = "requests.late"
    case correctedAppeals = "appeals.corrected"
    case overdueComplaints = "complaints.overdue"
    case unansweredMessages = "messages.unanswered"
    case monitoringFindings = "monitoring.findings"
    case monitoringVeto = "monitoring.veto"
    case annualReportFiledOnTime = "annualReport.filedOnTime"
    case annualReportPublishedOnTime = "annualReport.publishedOnTime"
    case publishingFromRequests = "publishing.fromRequests"

    public var label: String {
        switch self {
        case .leadershipMeetings: "领导小组会议次数"
        case .trainings: "业务培训次数"
        case .disciplineInspections: "纪委监督检查次数"
        case .officeInspections: "政务公开办督查次数"
        case .openDays: "政府开放日活动次数"
        case .selfInspectionReport: "自查报告按时报送"
        case .halfYearSummary: "半年工作总结按时报送"
        case .statisticalReturns: "统计报表按时报送"
        case .publicationTimeliness: "主动公开及时率（条例第二十六条）"
        case .lateRequestAnswers: "依申请公开超期答复件数"
        case .correctedAppeals: "复议、诉讼被纠错件数"
        case .overdueComplaints: "投诉举报超期办理件数"
        case .unansweredMessages: "留言超过 3 个月未回复条数"
        case .monitoringFindings: "网站监测发现问题数"
        case .monitoringVeto: "网站单项否决问题"
        case .annualReportFiledOnTime: "上年度年度报告按时报送"
        case .annualReportPublishedOnTime: "上年度年度报告按时公开"
        case .publishingFromRequests: "依申请公开转为主动公开件数（条例第四十四条）"
        }
    }

    /// The fact it yields, matching `ScoringRule.factKey`.
    public var factKey: String {
        switch self {
        case .leadershipMeetings, .trainings, .disciplineInspections, .officeInspections, .openDays, .publishingFromRequests: "count"
        case .selfInspectionReport, .halfYearSummary, .statisticalReturns, .annualReportFiledOnTime, .annualReportPublishedOnTime: "met"
        case .publicationTimeliness: "rate"
        case .lateRequestAnswers, .correctedAppeals, .overdueComplaints, .unansweredMessages, .monitoringFindings: "incidents"
        case .monitoringVeto: "veto"
        }
    }
}

/// One metric's value for a unit and year, with the records behind it so the unit can check.
public struct MetricValue: Equatable, Sendable, Codable {
    public let metric: AssessmentMetric
    public let fact: IndicatorFact
    /// One line per record counted (or a line saying there were none).
    public let evidence: [String]

    public init(metric: AssessmentMetric, fact: IndicatorFact, evidence: [String]) {
        self.metric = metric
        self.fact = fact
        self.evidence = evidence
    }
}
