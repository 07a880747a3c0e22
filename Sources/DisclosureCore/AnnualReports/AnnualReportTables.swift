/// The three tables of one report, as filed: the figures, which cells were entered, and how many
/// answered cases stand behind table 三 (for C5). Codable, because a filed report keeps the
/// tables it was filed with even if records change later.
public struct AnnualReportTables: Equatable, Sendable, Codable {
    public var format: ReportFormat
    public var active: ActiveTable
    public var requests: RequestTable
    public var appeals: AppealTable
    /// 信息处理费 for section 六.
    public var fees: InformationFeeFigures
    /// Distinct cases answered in the year; nil for figures not computed from cases.
    public var answeredCases: Int?

    public init(
        format: ReportFormat, active: ActiveTable, requests: RequestTable, appeals: AppealTable, fees: InformationFeeFigures, answeredCases: Int?
    ) {
        self.format = format
        self.active = active
        self.requests = requests
        self.appeals = appeals
        self.fees = fees
        self.answeredCases = answeredCases
    }

    /// The county's roll-up: its own tables plus its chosen units', cell by cell.
    public static func + (lhs: AnnualReportTables, rhs: AnnualReportTables) -> AnnualReportTables {
        AnnualReportTables(
            format: lhs.format, active: lhs.active + rhs.active, requests: lhs.requests + rhs.requests, appeals: lhs.appeals + rhs.appeals,
            fees: lhs.fees + rhs.fees, answeredCases: lhs.answeredCases.flatMap { own in rhs.answeredCases.map { own + $0 } })
    }

    public var isEmpty: Bool {
        requests.rows.allSatisfy { $0.values.allSatisfy { $0 == 0 } } && appeals.values.allSatisfy { $0 == 0 }
            && active.cellKeys.allSatisfy { (active.value($0) ?? 0) == 0 } && fees == .zero
    }

    public var grids: [ReportGrid] { [active.grid, requests.grid(format), appeals.grid] }
}

/// 信息处理费 in the year (收费办法, statutes §3; reported in section 六): 收费通知 issued, the amount
/// they billed, and what was actually paid, in 元.
public struct InformationFeeFigures: Equatable, Sendable, Codable {
    public var notices: Int
    public var billedYuan: Int
    public var paidNotices: Int
    public var collectedYuan: Int

    public init(notices: Int, billedYuan: Int, paidNotices: Int, collectedYuan: Int) {
        self.notices = notices
        self.billedYuan = billedYuan
        self.paidNotices = paidNotices
        self.collectedYuan = collectedYuan
    }

    public static let zero = InformationFeeFigures(notices: 0, billedYuan: 0, paidNotices: 0, collectedYuan: 0)

    public static func + (lhs: InformationFeeFigures, rhs: InformationFeeFigures) -> InformationFeeFigures {
        InformationFeeFigures(
            notices: lhs.notices + rhs.notices, billedYuan: lhs.billedYuan + rhs.billedYuan, paidNotices: lhs.paidNotices + rhs.paidNotices,
            collectedYuan: lhs.collectedYuan + rhs.collectedYuan)
    }

    /// The sentence section 六 carries.
    public var sentence: String {
        guard notices > 0 else { return "本年度未收取信息处理费。" }
        return "本年度依据《政府信息公开信息处理费管理办法》发出收费通知\(notices)份，应收信息处理费共计\(billedYuan)元；申请人缴费\(paidNotices)份，实际收取信息处理费共计\(collectedYuan)元。"
    }
}
