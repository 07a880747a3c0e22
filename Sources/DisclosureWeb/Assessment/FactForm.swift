import DisclosureCore
import Foundation

/// Facts as form fields, one per leaf (`fact.<id>`): counts and scores as numbers, rates as
/// percentages (93.5 for 93.5 %), requirements as 是/否; 「不适用」 in a score or rate field marks
/// the leaf not applicable (issue 18); a bonus is a number or items 「名称 分值；名称 分值」. An
/// empty field is "no fact".
enum FactForm {
    static func parse(_ form: FormData, scheme: AssessmentScheme, only ids: Set<String>? = nil) throws -> AssessmentFacts {
        var facts = AssessmentFacts()
        for leaf in scheme.leaves where ids?.contains(leaf.id) ?? true {
            let field = "fact.\(leaf.id)"
            let text = form.text(field)
            guard !text.isEmpty, let rule = leaf.rule else { continue }
            func decimal() throws -> Decimal {
                guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), value.isFinite else {
                    throw DomainError.invalid(field, "指标 \(leaf.id)「\(leaf.name)」请填写数字")
                }
                return value
            }
            func integer() throws -> Int {
                guard let value = Int(text) else { throw DomainError.invalid(field, "指标 \(leaf.id)「\(leaf.name)」请填写整数") }
                return value
            }
            func yes() throws -> Bool {
                switch text {
                case "yes": return true
                case "no": return false
                default: throw DomainError.invalid(field, "指标 \(leaf.id)「\(leaf.name)」请选择是或否")
                }
            }
            if text == "不适用" || text.lowercased() == "na" {
                facts[leaf.id] = .notApplicable
                continue
            }
            switch rule.kind {
            case .manual: facts[leaf.id] = .score(try decimal())
            case .boolean: facts[leaf.id] = .met(try yes())
            case .shortfall: facts[leaf.id] = .count(try integer())
            case .incident: facts[leaf.id] = .incidents(try integer())
            case .rate: facts[leaf.id] = .rate(try decimal() / 100)
            case .bonus:
                if let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), value.isFinite {
                    facts[leaf.id] = .bonus(value)
                } else {
                    facts[leaf.id] = .bonusItems(try BonusItemsText.parse(text, field: field, leaf: leaf))
                }
            case .veto: facts[leaf.id] = .veto(try yes())
            }
        }
        return try facts.validated(against: scheme)
    }

    /// The field's current value for a fact.
    static func value(_ fact: IndicatorFact?) -> String {
        switch fact {
        case .met(let met)?, .veto(let met)?: met ? "yes" : "no"
        case .count(let n)?, .incidents(let n)?: "\(n)"
        case .rate(let rate)?: "\(Decimal.rounded(rate * 100, scale: 2))"
        case .score(let x)?, .bonus(let x)?: "\(x)"
        case .bonusItems(let items)?: BonusItemsText.format(items)
        case .notApplicable?: "不适用"
        case nil: ""
        }
    }

    /// How the input is drawn.
    static func input(for rule: ScoringRule) -> (isChoice: Bool, unit: String, max: String) {
        switch rule.kind {
        case .boolean, .veto: (true, "", "")
        case .shortfall: (false, "次", "")
        case .incident: (false, "起", "")
        case .rate: (false, "%", "100")
        case .manual: (false, "分", "")
        case .bonus(let cap): (false, "分", "\(cap)")
        }
    }
}
