/// 公开属性, decided when the document is drafted (条例 第十三条: 主动公开 or 依申请公开; 第十四至十六条:
/// what is not disclosed).
public enum DisclosureAttribute: String, CaseIterable, Sendable, Codable {
    case proactive = "主动公开"
    case onRequest = "依申请公开"
    case withheld = "不予公开"
}

/// Why a document is 不予公开, each tied to its article. The labels follow the annual report's row
/// names (statutes §2.4, table 三(三)) so later modules can count them.
public enum WithholdingReason: String, CaseIterable, Sendable, Codable {
    /// 条例 第十四条.
    case stateSecret = "属于国家秘密"
    case prohibitedByLaw = "其他法律行政法规禁止公开"
    case securityAndStability = "危及\u{201C}三安全一稳定\u{201D}"
    /// 条例 第十五条.
    case thirdPartyRights = "保护第三方合法权益"
    /// 条例 第十六条.
    case internalAffairs = "属于三类内部事务信息"
    case processInformation = "属于四类过程性信息"
    case enforcementFiles = "属于行政执法案卷"

    public var article: String {
        switch self {
        case .stateSecret, .prohibitedByLaw, .securityAndStability: "条例第十四条"
        case .thirdPartyRights: "条例第十五条"
        case .internalAffairs, .processInformation, .enforcementFiles: "条例第十六条"
        }
    }

    public var label: String { "\(rawValue)（\(article)）" }
}
