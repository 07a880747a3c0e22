/// How an application arrived, which decides its 收到申请之日 (条例 第三十一条).
public enum RequestChannel: String, CaseIterable, Sendable, Codable {
    /// 当面提交: received the day it is handed in (第三十一条（一）).
    case inPerson = "当面提交"
    /// 挂号信、EMS 等需签收的邮件: received the day the agency signs for it (第三十一条（二）).
    case signedPost = "邮寄（签收）"
    /// 平信等无需签收的邮件: the day the office confirms with the applicant (第三十一条（二）).
    case ordinaryLetter = "平信"
    /// 网上申请: the day both sides confirm (第三十一条（三）).
    case online = "网上申请"
    case fax = "传真"
    case email = "电子邮件"

    /// Channels whose receipt day is the day both sides confirm; such an application waits as
    /// 待确认 until staff confirm it.
    public var needsConfirmation: Bool {
        switch self {
        case .inPerson, .signedPost: false
        case .ordinaryLetter, .online, .fax, .email: true
        }
    }

    /// The words a letter uses for how the receipt day was fixed.
    public var receiptRule: String {
        switch self {
        case .inPerson: "当面提交，以提交之日为收到申请之日（条例第三十一条第一项）"
        case .signedPost: "以邮寄方式提交，以签收之日为收到申请之日（条例第三十一条第二项）"
        case .ordinaryLetter: "以平常信函提交，以双方确认之日为收到申请之日（条例第三十一条第二项）"
        case .online, .fax, .email: "通过互联网渠道或传真提交，以双方确认之日为收到申请之日（条例第三十一条第三项）"
        }
    }
}
