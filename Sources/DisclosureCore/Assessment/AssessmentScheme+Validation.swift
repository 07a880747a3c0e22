import Foundation

extension AssessmentScheme {
    /// Reads a scheme file and checks it; every problem is one Chinese message naming the place.
    public static func parse(_ data: Data) throws -> AssessmentScheme {
        let scheme: AssessmentScheme
        do {
            scheme = try JSONDecoder().decode(AssessmentScheme.self, from: data)
        } catch let error as DecodingError {
            throw DomainError.invalid("scheme", "指标体系文件格式不对：" + DecodingProblem.describe(error))
        } catch {
            throw DomainError.invalid("scheme", "指标体系文件不是有效的 JSON")
        }
        return try scheme.validated()
    }

    /// The scheme's rules (issue 7 §1): level-1 points add up to the total of 100, each parent's
    /// children add up to it, leaves have exactly one rule with non-negative parameters, ids are
    /// unique, at most 3 levels, grade cut-offs descend and end at 0, known metrics only.
    public func validated() throws -> AssessmentScheme {
        var copy = self
        copy.name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...100).contains(copy.name.count) else { throw DomainError.invalid("name", "请填写指标体系名称（不超过 100 字）") }
        guard total == 100 else { throw DomainError.invalid("total", "考核实行百分制，total 须为 100（现为 \(total)）") }
        if let bonusCap, bonusCap < 0 || bonusCap > 20 { throw DomainError.invalid("bonusCap", "加分上限须在 0 到 20 分之间") }
        try validateGrades()
        if let share = topGradeShare, share <= 0 || share > 1 { throw DomainError.invalid("topGradeShare", "优秀比例上限须大于 0、不超过 1") }
        guard !indicators.isEmpty else { throw DomainError.invalid("indicators", "指标体系没有任何指标") }
        var seen = Set<String>()
        for (indicator, level, _) in flattened {
            try indicator.check(level: level, seen: &seen)
        }
        let topSum = indicators.reduce(Decimal(0)) { $0 + $1.points }
        guard topSum == total else {
            throw DomainError.invalid("indicators", "一级指标分值合计 \(topSum) 分，不等于总分 \(total) 分")
        }
        let bonusLeaves = leaves.filter { if case .bonus = $0.rule?.kind { true } else { false } }
        if !bonusLeaves.isEmpty && bonusCap == nil {
            throw DomainError.invalid("bonusCap", "指标 \(bonusLeaves[0].id) 是加分项，指标体系须写明加分上限 bonusCap")
        }
        return copy
    }

    private func validateGrades() throws {
        guard (2...6).contains(grades.count) else { throw DomainError.invalid("grades", "等级须有 2 到 6 档") }
        let sorted = grades.sorted { $0.min > $1.min }
        guard Set(grades.map(\.name)).count == grades.count, grades.allSatisfy({ !$0.name.isEmpty && $0.name.count <= 10 }) else {
            throw DomainError.invalid("grades", "等级名称不能为空、不能重复")
        }
        guard Set(grades.map(\.min)).count == grades.count else { throw DomainError.invalid("grades", "两个等级的分数线相同") }
        guard sorted.last?.min == 0, sorted.allSatisfy({ $0.min >= 0 && $0.min <= total }) else {
            throw DomainError.invalid("grades", "等级分数线须在 0 到 \(total) 之间，且最低一档从 0 分起")
        }
    }
}

extension Indicator {
    fileprivate func check(level: Int, seen: inout Set<String>) throws {
        let field = "indicators.\(id)"
        guard !id.isEmpty, id.count <= 20, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }) else {
            throw DomainError.invalid("indicators", "指标编号「\(id)」不合规（只用字母、数字、点和连字符，不超过 20 位）")
        }
        guard seen.insert(id).inserted else { throw DomainError.invalid(field, "指标编号 \(id) 重复") }
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty, name.count <= 100 else {
            throw DomainError.invalid(field, "指标 \(id) 须有名称（不超过 100 字）")
        }
        guard level <= 3 else { throw DomainError.invalid(field, "指标 \(id) 超过三级；指标体系最多分三级") }
        guard points >= 0 else { throw DomainError.invalid(field, "指标 \(id) 的分值不能为负数") }
        if isLeaf {
            guard let rule else { throw DomainError.invalid(field, "末级指标 \(id)「\(name)」须有计分规则 rule") }
            try rule.check(indicator: self)
        } else {
            guard rule == nil else { throw DomainError.invalid(field, "指标 \(id) 有下级指标，计分规则应写在末级指标上") }
            let sum = children.reduce(Decimal(0)) { $0 + $1.points }
            guard sum == points else {
                throw DomainError.invalid(field, "指标 \(id)「\(name)」分值 \(points) 分，下级指标合计 \(sum) 分，两者不等")
            }
        }
    }
}

extension ScoringRule {
    fileprivate func check(indicator: Indicator) throws {
        let field = "indicators.\(indicator.id).rule"
        let label = "指标 \(indicator.id)"
        if isOutsideTotal {
            guard indicator.points == 0 else { throw DomainError.invalid(field, "\(label) 是加分项或否决项，不占百分制分值，points 须为 0") }
        } else if indicator.points == 0 {
            throw DomainError.invalid(field, "\(label) 的分值为 0；只有加分项和否决项可以不占分值")
        }
        switch kind {
        case .manual, .veto: break
        case .boolean(let deduct), .incident(let deduct):
            guard deduct > 0 else { throw DomainError.invalid(field, "\(label) 的扣分 deduct 须大于 0（现为 \(deduct)）") }
        case .shortfall(let required, let deduct):
            guard deduct > 0 else { throw DomainError.invalid(field, "\(label) 的扣分 deduct 须大于 0（现为 \(deduct)）") }
            guard (1...1000).contains(required) else { throw DomainError.invalid(field, "\(label) 的规定次数 required 须在 1 到 1000 之间") }
        case .rate(let steps):
            for step in steps {
                guard (0...1).contains(step.min), (0...1).contains(step.share) else {
                    throw DomainError.invalid(field, "\(label) 的分档 min 和 share 须在 0 到 1 之间")
                }
            }
            guard zip(steps, steps.dropFirst()).allSatisfy({ $0.min > $1.min && $0.share >= $1.share }) else {
                throw DomainError.invalid(field, "\(label) 的分档须按 min 从高到低排列，得分比例不得上升")
            }
        case .bonus(let cap):
            guard cap > 0, cap <= 20 else { throw DomainError.invalid(field, "\(label) 的加分上限 cap 须大于 0、不超过 20") }
        }
        if let metric {
            guard let known = AssessmentMetric(rawValue: metric) else {
                throw DomainError.invalid(
                    field, "\(label) 的指标数据来源「\(metric)」不存在；可用：" + AssessmentMetric.allCases.map(\.rawValue).joined(separator: "、"))
            }
            guard known.factKey == factKey else {
                throw DomainError.invalid(field, "\(label) 的数据来源 \(metric) 给出的是「\(known.factKey)」，不能用于 \(typeName) 规则（需要「\(factKey)」）")
            }
        }
    }
}

/// A decoding error in words a clerk can act on: where in the file, and what was wrong.
enum DecodingProblem {
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            let text = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.isEmpty ? "顶层" : String(text.drop { $0 == "." })
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context.codingPath + [key])) 缺失"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "\(path(context.codingPath)) 的类型不对"
        case .dataCorrupted(let context):
            let detail = context.debugDescription
            return context.codingPath.isEmpty ? "不是有效的 JSON" : "\(path(context.codingPath))：\(detail)"
        @unknown default: return "无法读取"
        }
    }
}
