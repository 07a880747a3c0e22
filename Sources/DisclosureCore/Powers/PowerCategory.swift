/// The ten kinds of administrative power a 权责清单 lists (issue 6 §1). Three of them are counted
/// in annual-report table 二 (statutes §2.3: 第二十条第（五）项 行政许可, 第（六）项 行政处罚 and 行政强制).
public enum PowerCategory: String, CaseIterable, Sendable, Codable {
    case license, penalty, enforcement, levy, benefit, inspection, confirmation, reward, adjudication, other

    public var label: String {
        switch self {
        case .license: "行政许可"
        case .penalty: "行政处罚"
        case .enforcement: "行政强制"
        case .levy: "行政征收"
        case .benefit: "行政给付"
        case .inspection: "行政检查"
        case .confirmation: "行政确认"
        case .reward: "行政奖励"
        case .adjudication: "行政裁决"
        case .other: "其他行政权力"
        }
    }

    /// Powers whose decisions the public asks to use as services get a 办事指南 (the 政务服务 kinds).
    public var isService: Bool {
        switch self {
        case .license, .benefit, .confirmation, .reward, .adjudication, .other: true
        case .penalty, .enforcement, .levy, .inspection: false
        }
    }

    /// Accepts the key or the Chinese label, as spreadsheets write it.
    public init?(text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let category = PowerCategory(rawValue: trimmed) ?? PowerCategory.allCases.first(where: { $0.label == trimmed }) else { return nil }
        self = category
    }
}

/// Where a power stands. A cleared power is never deleted: it stays listed as 取消 with its date.
public enum PowerStatus: String, CaseIterable, Sendable, Codable {
    case active, suspended, cancelled

    public var label: String {
        switch self {
        case .active: "有效"
        case .suspended: "暂停"
        case .cancelled: "取消"
        }
    }

    public init?(text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let status = PowerStatus(rawValue: trimmed) ?? PowerStatus.allCases.first(where: { $0.label == trimmed }) else { return nil }
        self = status
    }
}
