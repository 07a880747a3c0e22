/// One rule broken by one subject (a column, the home page, a message, a case), found on `since`.
/// The `key` identifies the same problem across runs, so a finding opens once and closes once.
public struct InspectionFinding: Equatable, Sendable {
    public let key: String
    public let unitCode: String
    public let rule: InspectionRule
    public let subject: String
    /// The first day the rule was broken (not the day the check ran).
    public let since: CivilDate
    public let detail: String

    public init(rule: InspectionRule, subjectKey: String, unitCode: String, subject: String, since: CivilDate, detail: String) {
        self.key = "\(rule.rawValue):\(subjectKey)"
        self.unitCode = unitCode
        self.rule = rule
        self.subject = subject
        self.since = since
        self.detail = detail
    }
}

/// A portal column (栏目) as the catalog defines it, with what has been published in it.
public struct ColumnActivity: Equatable, Sendable {
    public let unitCode: String
    public let column: String
    public let kind: ColumnKind
    /// When the column was set up (its earliest catalog entry): a blank column is blank since then.
    public let createdOn: CivilDate
    public let lastPublishedOn: CivilDate?
    public let publishedCount: Int

    public init(unitCode: String, column: String, kind: ColumnKind, createdOn: CivilDate, lastPublishedOn: CivilDate?, publishedCount: Int) {
        self.unitCode = unitCode
        self.column = column
        self.kind = kind
        self.createdOn = createdOn
        self.lastPublishedOn = lastPublishedOn
        self.publishedCount = publishedCount
    }
}

/// A case past its deadline, as the publishing, request and complaint clocks compute it.
public struct OverdueItem: Equatable, Sendable {
    public enum Kind: Sendable { case publication, request, complaint }
    public let kind: Kind
    public let id: Int
    public let unitCode: String
    public let title: String
    public let due: CivilDate

    public init(kind: Kind, id: Int, unitCode: String, title: String, due: CivilDate) {
        self.kind = kind
        self.id = id
        self.unitCode = unitCode
        self.title = title
        self.due = due
    }
}
