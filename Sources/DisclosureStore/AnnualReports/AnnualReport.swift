import DisclosureCore

/// One unit's report for one year as people see it: the stored record, the tables (frozen when
/// filed, otherwise computed from the records now), the consistency findings and the deadlines.
public struct AnnualReport: Sendable {
    public let unit: OrgUnit
    public let record: AnnualReportRecord
    public let tables: AnnualReportTables
    public let checks: [ReportCheck]
    public let deadlines: ReportDeadlines
    /// Days late filing (departments) and publishing, counted to today while not yet done.
    public let filingDaysLate: Int
    public let publicationDaysLate: Int
    /// Whether the figures are computed now rather than the ones filed.
    public let isLive: Bool
    /// The units whose figures the county's report adds to its own.
    public let rollupUnits: [OrgUnit]

    public var year: Int { record.year }
    public var format: ReportFormat { tables.format }
    public var isEmpty: Bool { tables.isEmpty }
    public var blockingChecks: [ReportCheck] { checks.blocking }

    /// The narrative as saved (`AnnualReportService.prefilledNarrative` drafts one from the figures).
    public var narrative: ReportNarrative { record.narrative }
}
