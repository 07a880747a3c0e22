import Foundation

/// What is known about one leaf (issue 7 §2's facts file): `{"met": bool}`, `{"count": n}`,
/// `{"incidents": n}`, `{"rate": r}`, `{"score": x}`, `{"bonus": x}`, `{"veto": bool}`, or
/// `{"na": true}` for a manual or rate leaf the assessor marks 不适用 (issue 18).
public enum IndicatorFact: Equatable, Sendable {
    case met(Bool)
    case count(Int)
    case incidents(Int)
    case rate(Decimal)
    case score(Decimal)
    case bonus(Decimal)
    /// A bonus reported as items (name, points, evidence), summed and then capped by the scheme
    /// (issue 18 §10): the unit says what it did, the scheme decides what counts.
    case bonusItems([BonusItem])
    case veto(Bool)
    /// 不适用: the assessor's decision that a manual or rate leaf does not apply to this unit; it
    /// counts its full points, openly, instead of blocking approval as 未评分.
    case notApplicable

    public var key: String {
        switch self {
        case .met: "met"
        case .count: "count"
        case .incidents: "incidents"
        case .rate: "rate"
        case .score: "score"
        case .bonus, .bonusItems: "bonus"
        case .veto: "veto"
        case .notApplicable: "na"
        }
    }

    /// The value as a clerk reads it: 是 / 否, 2 次, 93.5%.
    public var text: String {
        switch self {
        case .met(let met): met ? "达到要求" : "未达到要求"
        case .count(let count): "\(count) 次"
        case .incidents(let count): "\(count) 起"
        case .rate(let rate): Percent.text(rate)
        case .score(let score): "\(score) 分"
        case .bonus(let bonus): "加 \(bonus) 分"
        case .bonusItems(let items): "加 \(BonusItem.total(items)) 分（" + items.map { "\($0.name) \($0.points) 分" }.joined(separator: "；") + "）"
        case .veto(let veto): veto ? "触发否决" : "未触发"
        case .notApplicable: "不适用"
        }
    }
}

extension IndicatorFact: Codable {
    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        guard container.allKeys.count == 1, let key = container.allKeys.first else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "须只有一个键：met、count、incidents、rate、score、bonus 或 veto"))
        }
        switch key.stringValue {
        case "met": self = .met(try container.decode(Bool.self, forKey: key))
        case "count": self = .count(try container.decode(Int.self, forKey: key))
        case "incidents": self = .incidents(try container.decode(Int.self, forKey: key))
        case "rate": self = .rate(try container.decode(Decimal.self, forKey: key))
        case "score": self = .score(try container.decode(Decimal.self, forKey: key))
        case "bonus":
            if (try? container.nestedUnkeyedContainer(forKey: key)) != nil {
                self = .bonusItems(try container.decode([BonusItem].self, forKey: key))
            } else {
                self = .bonus(try container.decode(Decimal.self, forKey: key))
            }
        case "veto": self = .veto(try container.decode(Bool.self, forKey: key))
        case "na":
            guard try container.decode(Bool.self, forKey: key) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "「na」只能为 true（不适用）"))
            }
            self = .notApplicable
        default:
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "「\(key.stringValue)」不是事实的键（可用 met、count、incidents、rate、score、bonus、veto）"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        let key = AnyKey(stringValue: self.key)
        switch self {
        case .met(let value), .veto(let value): try container.encode(value, forKey: key)
        case .count(let value), .incidents(let value): try container.encode(value, forKey: key)
        case .rate(let value), .score(let value), .bonus(let value): try container.encode(value, forKey: key)
        case .bonusItems(let items): try container.encode(items, forKey: key)
        case .notApplicable: try container.encode(true, forKey: key)
        }
    }
}

/// The facts for one unit, keyed by indicator id.
public struct AssessmentFacts: Equatable, Sendable {
    public var values: [String: IndicatorFact]

    public init(_ values: [String: IndicatorFact] = [:]) { self.values = values }

    public subscript(id: String) -> IndicatorFact? {
        get { values[id] }
        set { values[id] = newValue }
    }

    public static func parse(_ data: Data) throws -> AssessmentFacts {
        do {
            return AssessmentFacts(try JSONDecoder().decode([String: IndicatorFact].self, from: data))
        } catch let error as DecodingError {
            throw DomainError.invalid("facts", "事实文件格式不对：" + DecodingProblem.describe(error))
        } catch {
            throw DomainError.invalid("facts", "事实文件不是有效的 JSON")
        }
    }

    public func json() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(values)) ?? Data("{}".utf8)
    }

    /// Every fact names a leaf of the scheme, matches its rule and lies in range (issue 7 "bad
    /// input": facts for an unknown indicator, a score above the maximum).
    public func validated(against scheme: AssessmentScheme) throws -> AssessmentFacts {
        for (id, fact) in values.sorted(by: { $0.key < $1.key }) {
            let field = "facts.\(id)"
            guard let indicator = scheme.indicator(id) else { throw DomainError.invalid(field, "指标 \(id) 不在指标体系「\(scheme.name)」中") }
            guard let rule = indicator.rule else { throw DomainError.invalid(field, "指标 \(id) 有下级指标，事实应填在末级指标上") }
            if fact == .notApplicable {
                switch rule.kind {
                case .manual, .rate: continue
                default: throw DomainError.invalid(field, "指标 \(id)「\(indicator.name)」是 \(rule.typeName) 规则，只有人工评分和比率指标可以标记不适用")
                }
            }
            guard fact.key == rule.factKey else {
                throw DomainError.invalid(field, "指标 \(id)「\(indicator.name)」是 \(rule.typeName) 规则，应填「\(rule.factKey)」，而不是「\(fact.key)」")
            }
            switch fact {
            case .count(let n), .incidents(let n):
                guard (0...100_000).contains(n) else { throw DomainError.invalid(field, "指标 \(id) 的次数须为 0 到 100000 的整数") }
            case .rate(let rate):
                guard (0...1).contains(rate) else { throw DomainError.invalid(field, "指标 \(id) 的比率须在 0 到 1 之间（现为 \(rate)）") }
            case .score(let score):
                guard score >= 0, score <= indicator.points else {
                    throw DomainError.invalid(field, "指标 \(id)「\(indicator.name)」满分 \(indicator.points) 分，不能打 \(score) 分")
                }
            case .bonus(let bonus):
                // Above the leaf's cap is allowed: units report what they did, the scheme caps it
                // when scoring (issue 18). Negative or absurd figures are refused.
                guard case .bonus = rule.kind, bonus >= 0, bonus <= 100 else {
                    throw DomainError.invalid(field, "指标 \(id)「\(indicator.name)」的加分须为 0 到 100 之间（\(rule.summary)）")
                }
            case .bonusItems(let items):
                guard case .bonus = rule.kind else { throw DomainError.invalid(field, "指标 \(id)「\(indicator.name)」不是加分项") }
                try BonusItem.validate(items, field: field)
            case .met, .veto, .notApplicable: break
            }
        }
        return self
    }
}

/// One bonus item a unit reports: what it did, the points it claims, and where the proof is.
public struct BonusItem: Equatable, Sendable, Codable {
    public let name: String
    public let points: Decimal
    public let evidence: String

    public init(name: String, points: Decimal, evidence: String = "") {
        self.name = name
        self.points = points
        self.evidence = evidence
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        points = try container.decode(Decimal.self, forKey: .points)
        evidence = try container.decodeIfPresent(String.self, forKey: .evidence) ?? ""
    }

    public static func total(_ items: [BonusItem]) -> Decimal { items.reduce(0) { $0 + $1.points } }

    /// Each item named, its points 0–100, at most 50 items (a negative item would hide a
    /// deduction inside a bonus).
    static func validate(_ items: [BonusItem], field: String) throws {
        guard !items.isEmpty, items.count <= 50 else { throw DomainError.invalid(field, "加分项须为 1 到 50 项") }
        for (index, item) in items.enumerated() {
            let name = item.name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty, name.count <= 200 else { throw DomainError.invalid("\(field)[\(index)].name", "第 \(index + 1) 个加分项须有名称（不超过 200 字）") }
            guard item.points >= 0, item.points <= 100 else {
                throw DomainError.invalid("\(field)[\(index)].points", "加分项「\(name)」的分值须为 0 到 100 之间（现为 \(item.points)）")
            }
            guard item.evidence.count <= 1000 else { throw DomainError.invalid("\(field)[\(index)].evidence", "加分项「\(name)」的依据不超过 1000 字") }
        }
    }
}
