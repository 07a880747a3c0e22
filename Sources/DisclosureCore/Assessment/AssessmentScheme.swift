import Foundation

/// A 考核指标体系 (issue 7 §1): a tree of indicators (levels 1–3) whose points add up to 100,
/// grade cut-offs and an optional bonus cap. The JSON shape is a contract: counties exchange
/// schemes as files (`{"name", "total", "bonusCap", "grades", "indicators"}`).
public struct AssessmentScheme: Equatable, Sendable {
    public var name: String
    public var total: Decimal
    /// The most the bonus leaves together may add; nil when the scheme has no bonus.
    public var bonusCap: Decimal?
    /// Highest first after validation.
    public var grades: [GradeCutoff]
    /// How a total such as 89.5 meets a cut-off (statutes §8: it depends on the locality).
    public var gradeBy: GradeBoundary
    /// At most this share of the units assessed may be 优秀 (the top grade); nil: no cap.
    public var topGradeShare: Decimal?
    public var indicators: [Indicator]

    public init(
        name: String, total: Decimal = 100, bonusCap: Decimal? = nil, grades: [GradeCutoff] = GradeCutoff.defaults,
        gradeBy: GradeBoundary = .exact, topGradeShare: Decimal? = nil, indicators: [Indicator]
    ) {
        self.name = name
        self.total = total
        self.bonusCap = bonusCap
        self.grades = grades
        self.gradeBy = gradeBy
        self.topGradeShare = topGradeShare
        self.indicators = indicators
    }

    /// Every indicator in tree order with its level (1–3) and its level-1 ancestor.
    public var flattened: [(indicator: Indicator, level: Int, root: String)] {
        var result: [(Indicator, Int, String)] = []
        func walk(_ nodes: [Indicator], level: Int, root: String?) {
            for node in nodes {
                result.append((node, level, root ?? node.id))
                walk(node.children, level: level + 1, root: root ?? node.id)
            }
        }
        walk(indicators, level: 1, root: nil)
        return result
    }

    public var leaves: [Indicator] { flattened.map(\.indicator).filter(\.isLeaf) }

    public func indicator(_ id: String) -> Indicator? { flattened.first { $0.indicator.id == id }?.indicator }

    /// The grade with the lowest cut-off: what a veto gives.
    public var lowestGrade: String { grades.min { $0.min < $1.min }?.name ?? "不合格" }
    public var topGrade: String { grades.max { $0.min < $1.min }?.name ?? "优秀" }
}

public struct Indicator: Equatable, Sendable {
    public var id: String
    public var name: String
    public var points: Decimal
    public var children: [Indicator]
    /// Leaves only.
    public var rule: ScoringRule?
    /// What the assessor looks at (考核内容 / 评分标准), shown beside the indicator.
    public var note: String

    public init(id: String, name: String, points: Decimal, children: [Indicator] = [], rule: ScoringRule? = nil, note: String = "") {
        self.id = id
        self.name = name
        self.points = points
        self.children = children
        self.rule = rule
        self.note = note
    }

    public var isLeaf: Bool { children.isEmpty }
}

public struct GradeCutoff: Equatable, Sendable, Codable {
    public let name: String
    public let min: Decimal

    public init(name: String, min: Decimal) {
        self.name = name
        self.min = min
    }

    /// Issue 7's defaults: 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, else 不合格.
    public static let defaults = [
        GradeCutoff(name: "优秀", min: 90), GradeCutoff(name: "良好", min: 80), GradeCutoff(name: "合格", min: 60), GradeCutoff(name: "不合格", min: 0),
    ]
}

/// `exact`: 89.5 is below 90. `rounded`: the total is rounded half-up to a whole number first, so
/// 89.5 counts as 90 (localities that write 「90分以上」 of a rounded score).
public enum GradeBoundary: String, Equatable, Sendable, Codable {
    case exact, rounded
}
