import Foundation

/// How one leaf indicator is scored (issue 7 §1; statutes §8's samples). Every rule may name a
/// `metric` the platform computes from its own records instead of an entered fact.
public struct ScoringRule: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// The assessor gives 0…points.
        case manual
        /// Deduct `deduct` when the requirement is not met (seeds/000: 未按时上交半年工作总结扣2分).
        case boolean(deduct: Decimal)
        /// Deduct `deduct` per missing one below `required` (seeds/000: 会议规定不少于6次只召开了2次扣4分).
        case shortfall(required: Int, deduct: Decimal)
        /// Deduct `deduct` per incident (statutes §8 鲤城: 超期答复每件扣6分, 复议被纠错每件扣3分).
        case incident(deduct: Decimal)
        /// Points × the share of the first step the measured rate reaches; no steps: points × rate.
        case rate(steps: [RateStep])
        /// Added on top of the 100, up to `cap` (statutes §8 金东: 加分项).
        case bonus(cap: Decimal)
        /// 一票否决: when triggered the unit gets the lowest grade.
        case veto
    }

    public struct RateStep: Equatable, Sendable, Codable {
        public let min: Decimal
        public let share: Decimal

        public init(min: Decimal, share: Decimal) {
            self.min = min
            self.share = share
        }
    }

    public let kind: Kind
    public let metric: String?

    public init(_ kind: Kind, metric: String? = nil) {
        self.kind = kind
        self.metric = metric
    }

    /// The rule's `type` in the exchange format.
    /// Bonus leaves take a figure or a list of items.
    public var isBonus: Bool {
        if case .bonus = kind { return true }
        return false
    }

    public var typeName: String {
        switch kind {
        case .manual: "manual"
        case .boolean: "boolean"
        case .shortfall: "shortfall"
        case .incident: "incident"
        case .rate: "rate"
        case .bonus: "bonus"
        case .veto: "veto"
        }
    }

    /// The fact a unit or assessor enters for this rule, in the facts file's key.
    public var factKey: String {
        switch kind {
        case .manual: "score"
        case .boolean: "met"
        case .shortfall: "count"
        case .incident: "incidents"
        case .rate: "rate"
        case .bonus: "bonus"
        case .veto: "veto"
        }
    }

    /// Bonus and veto leaves sit outside the 100 and carry 0 points.
    public var isOutsideTotal: Bool {
        switch kind {
        case .bonus, .veto: true
        default: false
        }
    }

    /// A short Chinese description for the console and the scheme page.
    public var summary: String {
        switch kind {
        case .manual: "评分人打分"
        case .boolean(let deduct): "未达到要求扣 \(deduct) 分"
        case .shortfall(let required, let deduct): "不少于 \(required) 次，每少 1 次扣 \(deduct) 分"
        case .incident(let deduct): "每发生 1 起扣 \(deduct) 分"
        case .rate(let steps) where steps.isEmpty: "按比率计分（分值 × 比率）"
        case .rate(let steps):
            "按比率分档：" + steps.map { "≥\(Percent.text($0.min)) 得 \(Percent.text($0.share))" }.joined(separator: "，")
        case .bonus(let cap): "加分，最多 \(cap) 分"
        case .veto: "一票否决"
        }
    }
}

/// Percentages written the way Chinese circulars write them: 95%, 92.5%.
enum Percent {
    static func text(_ share: Decimal) -> String { "\(Decimal.rounded(share * 100, scale: 2))%" }
}

extension Decimal {
    /// Rounded half-up to `scale` decimal places (scores are shown to 2 places).
    public static func rounded(_ value: Decimal, scale: Int) -> Decimal {
        var copy = value
        var result = Decimal()
        NSDecimalRound(&result, &copy, scale, .plain)
        return result
    }
}
