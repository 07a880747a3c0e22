import Foundation

/// An application as filed (条例 第二十九条): who applies, what they seek, and in what form.
public struct RequestApplication: Equatable, Sendable {
    public var unitCode: String
    public var channel: RequestChannel
    public var applicantKind: ApplicantKind
    public var applicantName: String
    /// For an organisation, the person to contact (the name itself is the organisation's).
    public var contactPerson: String
    public var idType: IdentityDocumentType
    public var idNumber: String
    public var phone: String
    public var email: String
    public var address: String
    public var infoTitle: String
    public var infoDocNumber: String
    public var infoDescription: String
    public var requestedForm: RequestedForm
    public var delivery: DeliveryMethod

    public init(
        unitCode: String, channel: RequestChannel, applicantKind: ApplicantKind, applicantName: String, contactPerson: String = "",
        idType: IdentityDocumentType, idNumber: String, phone: String, email: String = "", address: String = "", infoTitle: String,
        infoDocNumber: String = "", infoDescription: String = "", requestedForm: RequestedForm, delivery: DeliveryMethod
    ) {
        self.unitCode = unitCode
        self.channel = channel
        self.applicantKind = applicantKind
        self.applicantName = applicantName
        self.contactPerson = contactPerson
        self.idType = idType
        self.idNumber = idNumber
        self.phone = phone
        self.email = email
        self.address = address
        self.infoTitle = infoTitle
        self.infoDocNumber = infoDocNumber
        self.infoDescription = infoDescription
        self.requestedForm = requestedForm
        self.delivery = delivery
    }

    /// Trims and checks every field; the first problem is thrown with its field named.
    public func validated() throws -> RequestApplication {
        var copy = self
        copy.unitCode = unitCode.trimmingCharacters(in: .whitespaces)
        copy.applicantName = PlainText.singleLine(applicantName)
        copy.contactPerson = PlainText.singleLine(contactPerson)
        copy.address = PlainText.singleLine(address)
        copy.infoTitle = PlainText.singleLine(infoTitle)
        copy.infoDocNumber = PlainText.singleLine(infoDocNumber)
        copy.infoDescription = PlainText.sanitize(infoDescription)
        copy.email = email.trimmingCharacters(in: .whitespaces)
        guard !copy.unitCode.isEmpty else { throw DomainError.invalid("unitCode", "请选择受理机关") }
        guard (1...100).contains(copy.applicantName.count) else { throw DomainError.invalid("applicantName", "请填写申请人姓名或名称（不超过 100 字）") }
        if applicantKind.isOrganisation {
            guard idType == .creditCode else { throw DomainError.invalid("idType", "法人或其他组织请填写统一社会信用代码") }
            guard (1...50).contains(copy.contactPerson.count) else { throw DomainError.invalid("contactPerson", "请填写联系人姓名") }
        } else if idType == .creditCode {
            throw DomainError.invalid("idType", "自然人请选择身份证件类型")
        }
        copy.idNumber = try idType.validate(idNumber)
        copy.phone = try ContactDetails.phone(phone)
        copy.email = try ContactDetails.email(
            copy.email, required: delivery == .email || requestedForm == .email, reason: "（以电子邮件获取信息时必填）")
        if delivery == .post, copy.address.count < 5 { throw DomainError.invalid("address", "邮寄送达须填写通信地址") }
        guard copy.address.count <= 200 else { throw DomainError.invalid("address", "通信地址不超过 200 字") }
        guard !copy.infoTitle.isEmpty || !copy.infoDescription.isEmpty else {
            throw DomainError.invalid("infoTitle", "请填写所需政府信息的名称，或便于查询的特征性描述（条例第二十九条）")
        }
        guard copy.infoTitle.count <= 200 else { throw DomainError.invalid("infoTitle", "信息名称不超过 200 字") }
        guard copy.infoDocNumber.count <= 100 else { throw DomainError.invalid("infoDocNumber", "文号不超过 100 字") }
        guard copy.infoDescription.count <= 3000 else { throw DomainError.invalid("infoDescription", "特征性描述不超过 3000 字") }
        return copy
    }
}
