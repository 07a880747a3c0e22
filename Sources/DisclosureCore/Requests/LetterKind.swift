/// The 告知书 a request produces (issue 4 §6). Each is numbered per unit and year and frozen once
/// issued; the office edits the templates they are made from.
public enum LetterKind: String, CaseIterable, Sendable, Codable {
    case receipt
    case correction
    case extensionNotice
    case consultation
    case feeNotice
    case reply

    public var label: String {
        switch self {
        case .receipt: "受理回执"
        case .correction: "补正告知书"
        case .extensionNotice: "延期答复告知书"
        case .consultation: "征求意见函"
        case .feeNotice: "收费通知"
        case .reply: "政府信息公开申请答复告知书"
        }
    }
}

/// How a letter reached its addressee; service dates matter for the applicant's deadlines
/// (国办公开办函〔2016〕235号, statutes §1.4).
public enum LetterDelivery: String, CaseIterable, Sendable, Codable {
    case registeredPost = "邮寄签收"
    case electronic = "电子送达"
    case inPerson = "当面送达"
}

/// 行政复议 and 行政诉讼 about a request: the data of annual-report table 四 (statutes §2.5).
public enum AppealKind: String, CaseIterable, Sendable, Codable {
    case review = "行政复议"
    case directSuit = "未经复议直接起诉"
    case suitAfterReview = "复议后起诉"
}

public enum AppealResult: String, CaseIterable, Sendable, Codable {
    case upheld = "结果维持"
    case corrected = "结果纠正"
    case other = "其他结果"
    case pending = "尚未审结"
}
