/// How a request ended: exactly the rows 三(一) … 三(六)3 of the 2021 annual-report format
/// (statutes §1.3, §2.4), so table 三 is a count over this field and a 部分公开 can only ever be
/// counted once (consistency rule C5).
public enum RequestOutcome: String, CaseIterable, Sendable, Codable {
    case disclosed = "r3.1"
    case partlyDisclosed = "r3.2"
    case withheldStateSecret = "r3.3.1"
    case withheldProhibitedByLaw = "r3.3.2"
    case withheldSecurityStability = "r3.3.3"
    case withheldThirdParty = "r3.3.4"
    case withheldInternalAffairs = "r3.3.5"
    case withheldProcess = "r3.3.6"
    case withheldEnforcementFile = "r3.3.7"
    case withheldQueryMatter = "r3.3.8"
    case notHeld = "r3.4.1"
    case wouldNeedCreation = "r3.4.2"
    case stillUnclear = "r3.4.3"
    case petitionNotApplication = "r3.5.1"
    case repeated = "r3.5.2"
    case publication = "r3.5.3"
    case unreasonableVolume = "r3.5.4"
    case confirmOrReissue = "r3.5.5"
    case correctionNotMade = "r3.6.1"
    case feeNotPaid = "r3.6.2"
    case otherHandling = "r3.6.3"

    /// The row label, character for character as in the 2021 format.
    public var label: String {
        switch self {
        case .disclosed: "（一）予以公开"
        case .partlyDisclosed: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
        case .withheldStateSecret: "1.属于国家秘密"
        case .withheldProhibitedByLaw: "2.其他法律行政法规禁止公开"
        case .withheldSecurityStability: "3.危及“三安全一稳定”"
        case .withheldThirdParty: "4.保护第三方合法权益"
        case .withheldInternalAffairs: "5.属于三类内部事务信息"
        case .withheldProcess: "6.属于四类过程性信息"
        case .withheldEnforcementFile: "7.属于行政执法案卷"
        case .withheldQueryMatter: "8.属于行政查询事项"
        case .notHeld: "1.本机关不掌握相关政府信息"
        case .wouldNeedCreation: "2.没有现成信息需要另行制作"
        case .stillUnclear: "3.补正后申请内容仍不明确"
        case .petitionNotApplication: "1.信访举报投诉类申请"
        case .repeated: "2.重复申请"
        case .publication: "3.要求提供公开出版物"
        case .unreasonableVolume: "4.无正当理由大量反复申请"
        case .confirmOrReissue: "5.要求行政机关确认或重新出具已获取信息"
        case .correctionNotMade: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
        case .feeNotPaid: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
        case .otherHandling: "3.其他"
        }
    }

    /// The group heading of table 三 the row sits under.
    public var group: String {
        switch self {
        case .disclosed: "（一）予以公开"
        case .partlyDisclosed: "（二）部分公开"
        case .withheldStateSecret, .withheldProhibitedByLaw, .withheldSecurityStability, .withheldThirdParty, .withheldInternalAffairs,
            .withheldProcess, .withheldEnforcementFile, .withheldQueryMatter:
            "（三）不予公开"
        case .notHeld, .wouldNeedCreation, .stillUnclear: "（四）无法提供"
        case .petitionNotApplication, .repeated, .publication, .unreasonableVolume, .confirmOrReissue: "（五）不予处理"
        case .correctionNotMade, .feeNotPaid, .otherHandling: "（六）其他处理"
        }
    }

    /// A short name for lists: group and row, e.g. 不予公开·属于国家秘密.
    public var shortLabel: String {
        switch self {
        case .disclosed: return "予以公开"
        case .partlyDisclosed: return "部分公开"
        default: return String(group.dropFirst(3)) + "·" + label.drop(while: { $0 != "." }).dropFirst()
        }
    }

    /// The legal basis the 答复告知书 cites (statutes §1.3; the row-to-article links are inferred there).
    public var basis: String {
        switch self {
        case .disclosed: "《中华人民共和国政府信息公开条例》第三十六条第（一）项、第（二）项"
        case .partlyDisclosed: "《中华人民共和国政府信息公开条例》第三十七条"
        case .withheldStateSecret, .withheldProhibitedByLaw, .withheldSecurityStability: "《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项"
        case .withheldThirdParty: "《中华人民共和国政府信息公开条例》第十五条、第三十二条、第三十六条第（三）项"
        case .withheldInternalAffairs, .withheldProcess, .withheldEnforcementFile: "《中华人民共和国政府信息公开条例》第十六条、第三十六条第（三）项"
        case .withheldQueryMatter: "《中华人民共和国政府信息公开条例》第三十六条第（七）项"
        case .notHeld: "《中华人民共和国政府信息公开条例》第三十六条第（四）项、第（五）项"
        case .wouldNeedCreation: "《中华人民共和国政府信息公开条例》第三十八条"
        case .stillUnclear: "《中华人民共和国政府信息公开条例》第三十条"
        case .petitionNotApplication: "《中华人民共和国政府信息公开条例》第三十九条第一款"
        case .repeated: "《中华人民共和国政府信息公开条例》第三十六条第（六）项"
        case .publication: "《中华人民共和国政府信息公开条例》第三十九条第二款"
        case .unreasonableVolume: "《中华人民共和国政府信息公开条例》第三十五条"
        case .confirmOrReissue: "《中华人民共和国政府信息公开条例》第三十六条"
        case .correctionNotMade: "《中华人民共和国政府信息公开条例》第三十条"
        case .feeNotPaid: "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
        case .otherHandling: "《中华人民共和国政府信息公开条例》"
        }
    }

    /// Outcomes the platform records itself when a stated deadline passes (第三十条, 收费办法).
    public var isAutomatic: Bool { self == .correctionNotMade || self == .feeNotPaid }

    public init?(text: String) {
        if let outcome = RequestOutcome(rawValue: text) {
            self = outcome
        } else if let outcome = RequestOutcome.allCases.first(where: { $0.label == text || $0.shortLabel == text }) {
            self = outcome
        } else {
            return nil
        }
    }
}
