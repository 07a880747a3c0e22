import Foundation

/// The exchange format of issue 7 §1. Unknown rule types and missing parameters are decoding
/// errors; the numbers themselves are checked by `validated()`.
extension AssessmentScheme: Codable {
    enum CodingKeys: String, CodingKey {
        case name, total, bonusCap, grades, gradeBy, topGradeShare, indicators
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.decode(String.self, forKey: .name), total: try container.decodeIfPresent(Decimal.self, forKey: .total) ?? 100,
            bonusCap: try container.decodeIfPresent(Decimal.self, forKey: .bonusCap),
            grades: try container.decodeIfPresent([GradeCutoff].self, forKey: .grades) ?? GradeCutoff.defaults,
            gradeBy: try container.decodeIfPresent(GradeBoundary.self, forKey: .gradeBy) ?? .exact,
            topGradeShare: try container.decodeIfPresent(Decimal.self, forKey: .topGradeShare),
            indicators: try container.decode([Indicator].self, forKey: .indicators))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(total, forKey: .total)
        try container.encodeIfPresent(bonusCap, forKey: .bonusCap)
        try container.encode(grades, forKey: .grades)
        if gradeBy != .exact { try container.encode(gradeBy, forKey: .gradeBy) }
        try container.encodeIfPresent(topGradeShare, forKey: .topGradeShare)
        try container.encode(indicators, forKey: .indicators)
    }
}

extension Indicator: Codable {
    enum CodingKeys: String, CodingKey {
        case id, name, points, children, rule, note
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id), name: try container.decode(String.self, forKey: .name),
            points: try container.decode(Decimal.self, forKey: .points),
            children: try container.decodeIfPresent([Indicator].self, forKey: .children) ?? [],
            rule: try container.decodeIfPresent(ScoringRule.self, forKey: .rule),
            note: try container.decodeIfPresent(String.self, forKey: .note) ?? "")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(points, forKey: .points)
        if !note.isEmpty { try container.encode(note, forKey: .note) }
        if isLeaf { try container.encodeIfPresent(rule, forKey: .rule) } else { try container.encode(children, forKey: .children) }
    }
}

extension ScoringRule: Codable {
    enum CodingKeys: String, CodingKey {
        case type, deduct, required, steps, cap, metric
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        let kind: Kind
        switch type {
        case "manual": kind = .manual
        case "boolean": kind = .boolean(deduct: try container.decode(Decimal.self, forKey: .deduct))
        case "shortfall":
            kind = .shortfall(
                required: try container.decode(Int.self, forKey: .required), deduct: try container.decode(Decimal.self, forKey: .deduct))
        case "incident": kind = .incident(deduct: try container.decode(Decimal.self, forKey: .deduct))
        case "rate": kind = .rate(steps: try container.decodeIfPresent([RateStep].self, forKey: .steps) ?? [])
        case "bonus": kind = .bonus(cap: try container.decode(Decimal.self, forKey: .cap))
        case "veto": kind = .veto
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container, debugDescription: "规则类型「\(type)」不存在（可用 manual、boolean、shortfall、incident、rate、bonus、veto）")
        }
        self.init(kind, metric: try container.decodeIfPresent(String.self, forKey: .metric))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(typeName, forKey: .type)
        switch kind {
        case .manual, .veto: break
        case .boolean(let deduct), .incident(let deduct): try container.encode(deduct, forKey: .deduct)
        case .shortfall(let required, let deduct):
            try container.encode(required, forKey: .required)
            try container.encode(deduct, forKey: .deduct)
        case .rate(let steps): if !steps.isEmpty { try container.encode(steps, forKey: .steps) }
        case .bonus(let cap): try container.encode(cap, forKey: .cap)
        }
        try container.encodeIfPresent(metric, forKey: .metric)
    }
}
