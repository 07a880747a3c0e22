import Foundation

/// What is stored about one unit's report for one year: everything people wrote or decided.
/// The figures are not here unless the report was filed: then `filedTables` keeps what was filed,
/// so a later correction of a record cannot silently change a filed report.
public struct AnnualReportRecord: Equatable, Sendable {
    public let id: Int?
    public let unitCode: String
    public let year: Int
    public var status: ReportStatus
    public var narrative: ReportNarrative
    /// Entered table 二 cells (`row.column` → figure).
    public var entered: [String: Decimal]
    /// For the county government's report: the units whose figures it adds to its own.
    public var rollupUnits: [String]
    public var filedTables: AnnualReportTables?
    /// The warnings the report was filed with.
    public var filedChecks: [ReportCheck]
    public var filedOn: CivilDate?
    public var filedBy: String?
    public var returnedReason: String?
    public var publishedOn: CivilDate?
    public var publishedBy: String?
    public var version: Int

    public init(
        id: Int? = nil, unitCode: String, year: Int, status: ReportStatus = .draft, narrative: ReportNarrative = ReportNarrative(),
        entered: [String: Decimal] = [:], rollupUnits: [String] = [], filedTables: AnnualReportTables? = nil, filedChecks: [ReportCheck] = [],
        filedOn: CivilDate? = nil, filedBy: String? = nil, returnedReason: String? = nil, publishedOn: CivilDate? = nil, publishedBy: String? = nil,
        version: Int = 0
    ) {
        self.id = id
        self.unitCode = unitCode
        self.year = year
        self.status = status
        self.narrative = narrative
        self.entered = entered
        self.rollupUnits = rollupUnits
        self.filedTables = filedTables
        self.filedChecks = filedChecks
        self.filedOn = filedOn
        self.filedBy = filedBy
        self.returnedReason = returnedReason
        self.publishedOn = publishedOn
        self.publishedBy = publishedBy
        self.version = version
    }
}
