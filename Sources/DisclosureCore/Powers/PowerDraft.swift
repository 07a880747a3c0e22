import Foundation

/// The editable facts of one power in a 权责清单 (issue 6 §1): what a unit fills in for each row of
/// its list. Status, workflow and guide are kept apart because they change on their own.
public struct PowerDraft: Equatable, Sendable, Codable {
    /// 编码, unique in the county.
    public var code: String
    public var name: String
    public var category: PowerCategory
    /// 实施主体: the unit that holds the power.
    public var unitCode: String
    /// 承办机构: the office inside the unit that does the work (e.g. 行政审批股).
    public var handlingOffice: String
    /// 设定依据: at least one law with its article.
    public var bases: [LegalBasis]
    /// 责任事项.
    public var responsibilities: String
    /// 追责情形.
    public var accountability: String
    /// 法定时限 in working days; nil where the law sets none.
    public var statutoryDays: Int?
    /// 承诺时限 in working days; never longer than the 法定时限.
    public var promisedDays: Int?
    /// 收费; empty means 不收费.
    public var fees: [PowerFee]
    /// 监督电话.
    public var supervisionPhone: String

    public init(
        code: String, name: String, category: PowerCategory, unitCode: String, handlingOffice: String = "", bases: [LegalBasis],
        responsibilities: String = "", accountability: String = "", statutoryDays: Int? = nil, promisedDays: Int? = nil,
        fees: [PowerFee] = [], supervisionPhone: String = ""
    ) {
        self.code = code
        self.name = name
        self.category = category
        self.unitCode = unitCode
        self.handlingOffice = handlingOffice
        self.bases = bases
        self.responsibilities = responsibilities
        self.accountability = accountability
        self.statutoryDays = statutoryDays
        self.promisedDays = promisedDays
        self.fees = fees
        self.supervisionPhone = supervisionPhone
    }

    public static let maxDays = 365

    /// The draft cleaned, or the first broken rule with the field it is about.
    public func validated() throws -> PowerDraft {
        var draft = self
        draft.code = code.trimmingCharacters(in: .whitespaces).uppercased()
        guard !draft.code.isEmpty else { throw DomainError.invalid("code", "请填写权力编码") }
        guard draft.code.count <= 40, draft.code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw DomainError.invalid("code", "权力编码只能由字母、数字、连字符组成，最多 40 位")
        }
        draft.name = try FieldText.line(name, field: "name", label: "权力名称", limit: 200)
        draft.unitCode = unitCode.trimmingCharacters(in: .whitespaces).uppercased()
        guard !draft.unitCode.isEmpty else { throw DomainError.invalid("unitCode", "请选择实施主体") }
        draft.handlingOffice = try FieldText.line(handlingOffice, field: "handlingOffice", label: "承办机构", limit: 100, required: false)
        guard !bases.isEmpty else { throw DomainError.invalid("bases", "请填写设定依据（法律法规名称及条款）") }
        draft.bases = try bases.map { try LegalBasis.parse($0.text, field: "bases") }
        draft.responsibilities = try FieldText.text(responsibilities, field: "responsibilities", label: "责任事项", limit: 4000, required: false)
        draft.accountability = try FieldText.text(accountability, field: "accountability", label: "追责情形", limit: 4000, required: false)
        for (value, field, label) in [(statutoryDays, "statutoryDays", "法定时限"), (promisedDays, "promisedDays", "承诺时限")] {
            if let value, !(0...Self.maxDays).contains(value) {
                throw DomainError.invalid(field, "\(label)应为 0–\(Self.maxDays) 个工作日")
            }
        }
        if let promised = promisedDays, let statutory = statutoryDays, promised > statutory {
            throw DomainError.invalid("promisedDays", "承诺时限（\(promised) 个工作日）不能长于法定时限（\(statutory) 个工作日）")
        }
        draft.fees = try PowerFee.parseList(PowerFee.listText(fees), field: "fees")
        draft.supervisionPhone = try Self.servicePhone(supervisionPhone, field: "supervisionPhone", label: "监督电话", required: false)
        return draft
    }

    /// A phone the public may call: a hotline such as 12345, a fixed line with area code or a mobile.
    public static func servicePhone(_ text: String, field: String, label: String, required: Bool) throws -> String {
        let cleaned = text.trimmingCharacters(in: .whitespaces)
        if cleaned.isEmpty {
            if required { throw DomainError.invalid(field, "请填写\(label)") }
            return ""
        }
        let allowed = cleaned.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "-" || $0 == " " || $0 == "（" || $0 == "(" || $0 == ")") }
        let digits = cleaned.filter(\.isNumber).count
        guard allowed, (5...20).contains(digits) else {
            throw DomainError.invalid(field, "\(label)「\(cleaned.prefix(24))」无效：请填写热线号码（如 12345）、带区号的固定电话或手机号码")
        }
        return cleaned
    }
}
