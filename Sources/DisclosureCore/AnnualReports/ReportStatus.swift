/// Where a report is on its way to the public (issue 8 §4): units file (报送/备案) with the
/// county office, which returns it for changes or publishes it; the county government's own
/// report is drafted and published by the office.
public enum ReportStatus: String, CaseIterable, Sendable, Codable {
    case draft = "草稿"
    case filed = "已报送"
    case returned = "退回修改"
    case published = "已发布"

    public var isEditable: Bool { self == .draft || self == .returned }
}

/// The statutory dates of 条例 第四十九条 (statutes §1.1): a county department files its report
/// with the county office and publishes it by 1月31日; the county government publishes its own
/// by 3月31日. Townships are not named in art. 49; counties usually apply 1月31日 (⚠ local rule).
public struct ReportDeadlines: Equatable, Sendable {
    public let filing: CivilDate?
    public let publication: CivilDate

    public init(filing: CivilDate?, publication: CivilDate) {
        self.filing = filing
        self.publication = publication
    }

    public static func `for`(year: Int, unitKind: UnitKind) -> ReportDeadlines {
        let january = CivilDate(year: year + 1, month: 1, day: 31)!
        if unitKind == .countyGovernment {
            return ReportDeadlines(filing: nil, publication: CivilDate(year: year + 1, month: 3, day: 31)!)
        }
        return ReportDeadlines(filing: january, publication: january)
    }

    /// Days late of an action done on `done` (or not yet done by `today`); 0 when on time.
    public static func daysLate(due: CivilDate, done: CivilDate?, today: CivilDate) -> Int {
        let end = done ?? today
        return max(0, end.dayNumber - due.dayNumber)
    }
}
