import Foundation

/// The scoring engine (issue 7 §2): scheme + facts → scores. Pure; the same function serves the
/// CLI, the console and the campaign results, so they cannot disagree.
///
/// - A deduction never takes a leaf below 0, and a level-1 indicator never loses more than its
///   points (statutes §8 锦州: 一级指标扣分以其权重为限).
/// - Leaf scores are rounded half-up to 2 decimal places (rates give long fractions).
/// - Deduction rules without a fact deduct nothing (nothing was found); a manual or rate leaf
///   without a fact counts full marks and is marked `unscored` so the console shows 未评分; one the
///   assessor marks 不适用 counts full marks openly, as not applicable.
/// - Bonus leaves count once, wherever they sit, each up to its own cap (a larger figure is capped
///   and the excess shown as not counted) and together up to the scheme's `bonusCap`; a triggered
///   veto gives the lowest grade.
public enum AssessmentScoring {
    public static func score(_ scheme: AssessmentScheme, facts: AssessmentFacts) throws -> AssessmentScore {
        _ = try facts.validated(against: scheme)
        var lines: [AssessmentScore.Line] = []
        var vetoes: [String] = []
        var bonus: Decimal = 0

        func visit(_ indicator: Indicator, level: Int) -> Decimal {
            guard !indicator.isLeaf else {
                let line = scoreLeaf(indicator, level: level, fact: facts[indicator.id])
                lines.append(line)
                if case .veto(true) = facts[indicator.id] { vetoes.append("\(indicator.name)：触发一票否决") }
                if case .bonus = indicator.rule?.kind {
                    // Counted once, against the scheme's cap, wherever the leaf sits (issue 18):
                    // never also in its parent's sum.
                    bonus += line.score
                    return 0
                }
                return line.score
            }
            let index = lines.count
            var sum: Decimal = 0
            for child in indicator.children { sum += visit(child, level: level + 1) }
            let score = min(indicator.points, max(0, sum))
            lines.insert(
                AssessmentScore.Line(
                    id: indicator.id, name: indicator.name, level: level, points: indicator.points, score: score,
                    deductions: [], fact: nil, unscored: false, isLeaf: false), at: index)
            return score
        }

        var base: Decimal = 0
        for indicator in scheme.indicators {
            if case .bonus = indicator.rule?.kind {
                _ = visit(indicator, level: 1)
            } else {
                base += visit(indicator, level: 1)
            }
        }
        let countedBonus = min(bonus, scheme.bonusCap ?? 0)
        let total = base + countedBonus
        let grade = vetoes.isEmpty ? Self.grade(total, scheme: scheme) : scheme.lowestGrade
        return AssessmentScore(total: total, base: base, bonus: countedBonus, grade: grade, vetoes: vetoes, lines: lines)
    }

    /// The first cut-off (highest first) the total reaches; `rounded` schemes round half-up first.
    public static func grade(_ total: Decimal, scheme: AssessmentScheme) -> String {
        let value = scheme.gradeBy == .rounded ? Decimal.rounded(total, scale: 0) : total
        return scheme.grades.sorted { $0.min > $1.min }.first { value >= $0.min }?.name ?? scheme.lowestGrade
    }

    static func scoreLeaf(_ indicator: Indicator, level: Int, fact: IndicatorFact?) -> AssessmentScore.Line {
        let points = indicator.points
        var deductions: [AssessmentScore.Deduction] = []
        var score = points
        var unscored = false

        /// Takes `amount` off, never below 0, and says so when the cap bites.
        func deduct(_ amount: Decimal, _ reason: String) {
            guard amount > 0 else { return }
            let taken = min(amount, score)
            let capped = taken < amount ? "（本项 \(points) 分扣完为止）" : ""
            deductions.append(.init(points: taken, reason: "\(reason)，扣 \(taken) 分\(capped)"))
            score -= taken
        }

        switch (indicator.rule?.kind ?? .manual, fact) {
        case (.manual, .score(let given)?):
            score = given
            if given < points { deductions.append(.init(points: points - given, reason: "评分 \(given) 分（满分 \(points) 分）")) }
        case (.boolean(let amount), .met(false)?):
            deduct(amount, "未达到要求")
        case (.shortfall(let required, let amount), .count(let held)?) where held < required:
            deduct(amount * Decimal(required - held), "规定不少于 \(required) 次，实际 \(held) 次，少 \(required - held) 次，每次扣 \(amount) 分")
        case (.incident(let amount), .incidents(let count)?) where count > 0:
            deduct(amount * Decimal(count), "发生 \(count) 起，每起扣 \(amount) 分")
        case (.rate(let steps), .rate(let rate)?):
            let earned: Decimal
            let reason: String
            if steps.isEmpty {
                earned = Decimal.rounded(points * rate, scale: 2)
                reason = "比率 \(Percent.text(rate))，按比例得 \(earned) 分"
            } else if let step = steps.first(where: { rate >= $0.min }) {
                earned = Decimal.rounded(points * step.share, scale: 2)
                reason = "比率 \(Percent.text(rate))，达到 ≥\(Percent.text(step.min)) 档，得分比例 \(Percent.text(step.share))"
            } else {
                earned = 0
                reason = "比率 \(Percent.text(rate))，低于最低一档 \(Percent.text(steps.last!.min))"
            }
            if earned < points { deductions.append(.init(points: points - earned, reason: "\(reason)，扣 \(points - earned) 分")) }
            score = earned
        case (.bonus(let cap), .bonus(let given)?):
            score = min(given, cap)
            if given > cap {
                deductions.append(.init(points: given - cap, reason: "申报加 \(given) 分，本项最多加 \(cap) 分，超出上限的 \(given - cap) 分不计"))
            }
        case (.bonus(let cap), .bonusItems(let items)?):
            let given = BonusItem.total(items)
            score = min(given, cap)
            if given > cap {
                deductions.append(
                    .init(points: given - cap, reason: "申报 \(items.count) 项共加 \(given) 分，本项最多加 \(cap) 分，超出上限的 \(given - cap) 分不计"))
            }
        case (.bonus, _), (.veto, _):
            score = 0
        case (.manual, .notApplicable?), (.rate, .notApplicable?):
            score = points
        case (.manual, nil), (.rate, nil):
            unscored = true
        default:
            break
        }
        return AssessmentScore.Line(
            id: indicator.id, name: indicator.name, level: level, points: points, score: score, deductions: deductions, fact: fact,
            unscored: unscored, isLeaf: true)
    }
}
