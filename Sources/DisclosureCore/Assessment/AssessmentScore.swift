import Foundation

/// The result of scoring one unit against a scheme (issue 7 §2): every indicator's score with
/// each deduction and its reason, the total, the grade. The JSON is the CLI's contract.
public struct AssessmentScore: Equatable, Sendable {
    public struct Deduction: Equatable, Sendable, Codable {
        public let points: Decimal
        public let reason: String

        public init(points: Decimal, reason: String) {
            self.points = points
            self.reason = reason
        }
    }

    public struct Line: Equatable, Sendable {
        public let id: String
        public let name: String
        public let level: Int
        /// The indicator's maximum (0 for bonus and veto leaves).
        public let points: Decimal
        public let score: Decimal
        public let deductions: [Deduction]
        /// Leaves: the fact used, nil when none was given.
        public let fact: IndicatorFact?
        /// A manual or rate leaf with no fact counts full marks and is marked 未评分.
        public let unscored: Bool
        public let isLeaf: Bool

        public var lost: Decimal { deductions.reduce(0) { $0 + $1.points } }
    }

    public let total: Decimal
    /// Within the 100.
    public let base: Decimal
    /// Bonus counted, after the scheme's cap.
    public let bonus: Decimal
    public let grade: String
    /// Reasons of triggered vetoes; non-empty means the lowest grade.
    public let vetoes: [String]
    public let lines: [Line]

    public func line(_ id: String) -> Line? { lines.first { $0.id == id } }

    /// Manual and rate leaves nobody scored or marked 不适用 (issue 18 §10): they count full marks
    /// only provisionally, and block submitting a 自评, settling a 抽评 and approving the results.
    public var unscoredLeaves: [Line] { lines.filter(\.unscored) }

    /// 「1.6「信息发布」、2.1「…」」 for the message that names what still needs a score.
    public var unscoredText: String { unscoredLeaves.map { "\($0.id)「\($0.name)」" }.joined(separator: "、") }

    /// Leaves scored differently in `other` (issue 7 §4: 抽评 differences from the 自评 highlighted).
    public func differingLeaves(from other: AssessmentScore) -> Set<String> {
        Set(lines.filter { $0.isLeaf && other.line($0.id)?.score != $0.score }.map(\.id))
    }

    /// One line per level-1 indicator that lost points, with its deductions, then one per veto:
    /// the problems a 整改 task names.
    public var problemsByArea: [String] {
        var result: [String] = []
        var area: Line?
        var items: [String] = []
        func flush() {
            if let area, !items.isEmpty { result.append("\(area.name)（扣 \(area.points - area.score) 分）：" + items.joined(separator: "；")) }
            items = []
        }
        for line in lines {
            if line.level == 1 {
                flush()
                area = line
            }
            if line.isLeaf { items += line.deductions.map { "\(line.name)\($0.reason)" } }
        }
        flush()
        return result + vetoes
    }
}

extension AssessmentScore: Codable {
    enum CodingKeys: String, CodingKey {
        case total, base, bonus, grade, vetoes, indicators
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        total = try container.decode(Decimal.self, forKey: .total)
        base = try container.decode(Decimal.self, forKey: .base)
        bonus = try container.decode(Decimal.self, forKey: .bonus)
        grade = try container.decode(String.self, forKey: .grade)
        vetoes = try container.decode([String].self, forKey: .vetoes)
        lines = try container.decode([Line].self, forKey: .indicators)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(total, forKey: .total)
        try container.encode(grade, forKey: .grade)
        try container.encode(base, forKey: .base)
        try container.encode(bonus, forKey: .bonus)
        try container.encode(vetoes, forKey: .vetoes)
        try container.encode(lines, forKey: .indicators)
    }
}

extension AssessmentScore.Line: Codable {
    enum CodingKeys: String, CodingKey {
        case id, name, level, points, score, deductions, fact, unscored
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        level = try container.decode(Int.self, forKey: .level)
        points = try container.decode(Decimal.self, forKey: .points)
        score = try container.decode(Decimal.self, forKey: .score)
        deductions = try container.decode([AssessmentScore.Deduction].self, forKey: .deductions)
        fact = try container.decodeIfPresent(IndicatorFact.self, forKey: .fact)
        unscored = try container.decodeIfPresent(Bool.self, forKey: .unscored) ?? false
        isLeaf = container.contains(.fact) || container.contains(.unscored)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(level, forKey: .level)
        try container.encode(points, forKey: .points)
        try container.encode(score, forKey: .score)
        try container.encode(deductions, forKey: .deductions)
        if isLeaf {
            try container.encodeIfPresent(fact, forKey: .fact)
            try container.encode(unscored, forKey: .unscored)
        }
    }
}
