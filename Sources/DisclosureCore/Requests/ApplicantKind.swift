/// Who applies: exactly the applicant columns of annual-report table 三 (statutes §2.4), so the
/// report is a count over this field.
public enum ApplicantKind: String, CaseIterable, Sendable, Codable {
    case naturalPerson = "自然人"
    case business = "商业企业"
    case research = "科研机构"
    case publicWelfare = "社会公益组织"
    case legalService = "法律服务机构"
    case other = "其他"

    public var isOrganisation: Bool { self != .naturalPerson }
}

/// The 身份证明 an applicant gives (条例 第二十九条（一）).
public enum IdentityDocumentType: String, CaseIterable, Sendable, Codable {
    case residentID = "居民身份证"
    case creditCode = "统一社会信用代码"
    case passport = "护照"
    case travelPermit = "港澳台居民居住证或通行证"
    case other = "其他证件"

    /// Checks the number for the document type; returns it normalised (upper case, no spaces).
    public func validate(_ number: String) throws -> String {
        let number = number.filter { !$0.isWhitespace }.uppercased()
        guard !number.isEmpty else { throw DomainError.invalid("idNumber", "请填写证件号码") }
        switch self {
        case .residentID:
            guard IdentityNumbers.isValidResidentID(number) else {
                throw DomainError.invalid("idNumber", "居民身份证号码无效：应为 18 位，末位校验码须符合 GB 11643")
            }
        case .creditCode:
            guard IdentityNumbers.isValidCreditCode(number) else {
                throw DomainError.invalid("idNumber", "统一社会信用代码无效：应为 18 位，末位校验码须符合 GB 32100")
            }
        case .passport, .travelPermit, .other:
            guard (5...30).contains(number.count), number.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                throw DomainError.invalid("idNumber", "证件号码应为 5–30 位字母或数字")
            }
        }
        return number
    }
}

/// 获取信息的方式 (条例 第二十九条（三）, 第四十条).
public enum RequestedForm: String, CaseIterable, Sendable, Codable {
    case paper = "纸质"
    case email = "电子邮件"
    case electronicData = "电子数据（光盘、U盘等）"
    case inspection = "当场查阅、抄录"
}

/// 获取信息的途径.
public enum DeliveryMethod: String, CaseIterable, Sendable, Codable {
    case post = "邮寄"
    case email = "电子邮件"
    case pickUp = "自行领取"
    case fax = "传真"
}
