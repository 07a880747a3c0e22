import Foundation

/// A year's 政务公开考核 (issue 7 §4; seeds/002): a scheme, the units in scope by kind, and the
/// phase dates — 自评 by 12月10日, then the 抽评 window, then results approved by the office,
/// a 通报 published and 整改 within 1 month.
public struct AssessmentCampaign: Equatable, Sendable {
    public enum Phase: String, Sendable {
        case selfAssessment = "自评"
        case spotCheck = "抽评"
        case results = "汇总评定"
        case approved = "已审定"
        case published = "已通报"
    }

    public let id: Int
    public var year: Int
    public var title: String
    public var schemeID: Int
    public var unitKinds: [UnitKind]
    /// Narrows the kinds to these units (a pilot or a partial campaign); empty: every unit of the kinds.
    public var unitCodes: [String]
    public var selfDue: CivilDate
    public var spotFrom: CivilDate
    public var spotTo: CivilDate
    public var resultsDue: CivilDate
    /// The recorded seed of the random draw, so anyone can re-run it.
    public var drawSeed: UInt64?
    public var approvedOn: CivilDate?
    public var approvedBy: String?
    public var publishedOn: CivilDate?
    public var publishedBy: String?

    public init(
        id: Int, year: Int, title: String, schemeID: Int, unitKinds: [UnitKind], unitCodes: [String] = [], selfDue: CivilDate, spotFrom: CivilDate,
        spotTo: CivilDate, resultsDue: CivilDate, drawSeed: UInt64? = nil, approvedOn: CivilDate? = nil, approvedBy: String? = nil,
        publishedOn: CivilDate? = nil,
        publishedBy: String? = nil
    ) {
        self.id = id
        self.year = year
        self.title = title
        self.schemeID = schemeID
        self.unitKinds = unitKinds
        self.unitCodes = unitCodes
        self.selfDue = selfDue
        self.spotFrom = spotFrom
        self.spotTo = spotTo
        self.resultsDue = resultsDue
        self.drawSeed = drawSeed
        self.approvedOn = approvedOn
        self.approvedBy = approvedBy
        self.publishedOn = publishedOn
        self.publishedBy = publishedBy
    }

    /// seeds/002 五(一): 自查自评书面报告于12月10日前报送; the 抽评 follows in mid-December.
    public static func defaultDates(year: Int) -> (selfDue: CivilDate, spotFrom: CivilDate, spotTo: CivilDate, resultsDue: CivilDate) {
        (
            CivilDate(year: year, month: 12, day: 10)!, CivilDate(year: year, month: 12, day: 11)!, CivilDate(year: year, month: 12, day: 25)!,
            CivilDate(year: year, month: 12, day: 31)!
        )
    }

    public func phase(today: CivilDate) -> Phase {
        if publishedOn != nil { return .published }
        if approvedOn != nil { return .approved }
        if today <= selfDue { return .selfAssessment }
        if today <= spotTo { return .spotCheck }
        return .results
    }

    /// Dates in order, a year the platform can hold, a title, at least one kind of unit.
    public func validated() throws -> AssessmentCampaign {
        var copy = self
        guard (2000...2100).contains(year) else { throw DomainError.invalid("year", "考核年度须在 2000 到 2100 之间") }
        copy.title = try FieldText.line(title, field: "title", label: "考核名称", limit: 100)
        guard !unitKinds.isEmpty else { throw DomainError.invalid("unitKinds", "请至少选择一类被考核单位") }
        guard selfDue.year == year || selfDue.year == year + 1 else { throw DomainError.invalid("selfDue", "自评截止日期应在考核年度内或次年") }
        guard selfDue < spotFrom else { throw DomainError.invalid("spotFrom", "抽评应在自评截止之后开始") }
        guard spotFrom <= spotTo else { throw DomainError.invalid("spotTo", "抽评结束日期不能早于开始日期") }
        guard spotTo <= resultsDue else { throw DomainError.invalid("resultsDue", "结果评定日期不能早于抽评结束日期") }
        return copy
    }

    /// Once the results are approved, nothing about the units' scores may change.
    public func requireOpen() throws {
        guard approvedOn == nil else { throw DomainError(.conflict, field: "campaign", "考核结果已审定") }
    }

    /// 自评 facts, evidence and the report are accepted up to the deadline, and after it only up
    /// to the day of an exception the office recorded (issue 7 "bad input").
    public func checkSelfWindow(today: CivilDate, exceptionUntil: CivilDate?) throws {
        guard approvedOn == nil else { throw DomainError(.conflict, field: "campaign", "考核结果已审定，不能再修改自评") }
        guard today > selfDue else { return }
        if let until = exceptionUntil, today <= until { return }
        throw DomainError(
            .conflict, field: "selfDue",
            "自评截止日期为 \(selfDue.chineseText)，已过期；须由政务公开办登记延期例外后才能提交" + (exceptionUntil.map { "（登记的例外已于 \($0.chineseText) 到期）" } ?? ""))
    }

    /// seeds/002 四(四): 在接到考核结果1个月内完成整改.
    public var rectificationDue: CivilDate? { approvedOn?.adding(months: 1) }
}

/// One unit in a campaign: its 自评 (facts, written report, submission) and, when drawn, the
/// 抽评 facts the assessors settled on.
public struct CampaignEntry: Equatable, Sendable {
    public let campaignID: Int
    public let unitCode: String
    public var selfFacts: AssessmentFacts
    /// 自查自评报告.
    public var selfReport: String
    public var selfSubmittedOn: CivilDate?
    public var selfSubmittedBy: String?
    /// Neither submitted nor scored by 抽评 when the results were approved: `selfFacts` then holds
    /// `unsubmittedFacts`, frozen at approval.
    public var defaulted: Bool
    public var drawn: Bool
    /// 随机抽取（种子 …）or 指定.
    public var drawReason: String
    public var spotFacts: AssessmentFacts?
    public var spotNotes: String
    public var spotScoredOn: CivilDate?
    public var spotScoredBy: String?

    public init(
        campaignID: Int, unitCode: String, selfFacts: AssessmentFacts = AssessmentFacts(), selfReport: String = "", selfSubmittedOn: CivilDate? = nil,
        selfSubmittedBy: String? = nil, defaulted: Bool = false, drawn: Bool = false, drawReason: String = "", spotFacts: AssessmentFacts? = nil,
        spotNotes: String = "",
        spotScoredOn: CivilDate? = nil, spotScoredBy: String? = nil
    ) {
        self.campaignID = campaignID
        self.unitCode = unitCode
        self.selfFacts = selfFacts
        self.selfReport = selfReport
        self.selfSubmittedOn = selfSubmittedOn
        self.selfSubmittedBy = selfSubmittedBy
        self.defaulted = defaulted
        self.drawn = drawn
        self.drawReason = drawReason
        self.spotFacts = spotFacts
        self.spotNotes = spotNotes
        self.spotScoredOn = spotScoredOn
        self.spotScoredBy = spotScoredBy
    }

    /// The facts the result uses: the 抽评 score where there is one, else the submitted 自评.
    public var finalFacts: AssessmentFacts? {
        if spotScoredOn != nil, let spotFacts { return spotFacts }
        return selfSubmittedOn != nil || defaulted ? selfFacts : nil
    }

    /// The facts of a unit that neither submitted its 自评 nor was scored in 抽评: the platform's
    /// metrics count as measured, and every indicator the unit had to report counts as not shown —
    /// manual and rate 0, a requirement not met, none of a required count. (No fact is invented for
    /// incidents, bonuses or vetoes.)
    public static func unsubmittedFacts(scheme: AssessmentScheme, metricFacts: AssessmentFacts) -> AssessmentFacts {
        var facts = metricFacts
        for leaf in scheme.leaves where leaf.rule?.metric == nil {
            switch leaf.rule?.kind {
            case .manual: facts[leaf.id] = .score(0)
            case .boolean: facts[leaf.id] = .met(false)
            case .shortfall: facts[leaf.id] = .count(0)
            case .rate: facts[leaf.id] = .rate(0)
            default: break
            }
        }
        return facts
    }
}

/// A rectification task (整改) after the 通报 (seeds/002 四(四)).
public struct RectificationTask: Equatable, Sendable {
    public enum State: String, Sendable, Codable {
        case open = "待整改"
        case submitted = "已报整改情况"
        case closed = "已销号"
    }

    public let id: Int
    public let campaignID: Int
    public let unitCode: String
    public var problem: String
    public var dueOn: CivilDate
    public var state: State
    public var report: String
    public var file: StoredFile?
    public var submittedOn: CivilDate?
    public var closedOn: CivilDate?
    public var closedBy: String?

    public init(
        id: Int, campaignID: Int, unitCode: String, problem: String, dueOn: CivilDate, state: State = .open, report: String = "",
        file: StoredFile? = nil,
        submittedOn: CivilDate? = nil, closedOn: CivilDate? = nil, closedBy: String? = nil
    ) {
        self.id = id
        self.campaignID = campaignID
        self.unitCode = unitCode
        self.problem = problem
        self.dueOn = dueOn
        self.state = state
        self.report = report
        self.file = file
        self.submittedOn = submittedOn
        self.closedOn = closedOn
        self.closedBy = closedBy
    }

    /// Not closed and past its due date (a submitted report still awaits the office).
    public func isOverdue(today: CivilDate) -> Bool { state != .closed && today > dueOn && (submittedOn.map { $0 > dueOn } ?? true) }
}
