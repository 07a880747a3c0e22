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
        let (copy, problems) = checked()
        if let first = problems.first { throw first }
        return copy
    }

    /// Every field's problem at once, in the order of the form (issue 21: a citizen fixes them all
    /// in one pass instead of meeting them one submission at a time). At most one per field.
    public var problems: [DomainError] { checked().problems }

    func checked() -> (RequestApplication, problems: [DomainError]) {
        var copy = self
        var problems = FieldProblems()
        copy.unitCode = unitCode.trimmingCharacters(in: .whitespaces)
        copy.applicantName = PlainText.singleLine(applicantName)
        copy.contactPerson = PlainText.singleLine(contactPerson)
        copy.address = PlainText.singleLine(address)
        copy.infoTitle = PlainText.singleLine(infoTitle)
        copy.infoDocNumber = PlainText.singleLine(infoDocNumber)
        copy.infoDescription = PlainText.sanitize(infoDescription)
        copy.email = email.trimmingCharacters(in: .whitespaces)
        problems.require(!copy.unitCode.isEmpty, "unitCode", "请选择受理机关")
        problems.require((1...100).contains(copy.applicantName.count), "applicantName", "请填写申请人姓名或名称（不超过 100 字）")
        if applicantKind.isOrganisation {
            problems.require(idType == .creditCode, "idType", "法人或其他组织请选择统一社会信用代码")
            problems.require((1...50).contains(copy.contactPerson.count), "contactPerson", "请填写联系人姓名")
        } else {
            problems.require(idType != .creditCode, "idType", "自然人请选择身份证件类型")
        }
        copy.idNumber = problems.checking { try idType.validate(idNumber) } ?? idNumber
        copy.phone = problems.checking { try ContactDetails.phone(phone) } ?? phone
        copy.email =
            problems.checking {
                try ContactDetails.email(copy.email, required: delivery == .email || requestedForm == .email, reason: "（以电子邮件获取信息时必填）")
            } ?? copy.email
        problems.require(delivery != .post || copy.address.count >= 5, "address", "邮寄送达须填写通信地址")
        problems.require(copy.address.count <= 200, "address", "通信地址不超过 200 字")
        problems.require(
            !copy.infoTitle.isEmpty || !copy.infoDescription.isEmpty, "infoTitle", "请填写所需政府信息的名称，或便于查询的特征性描述（条例第二十九条）")
        problems.require(copy.infoTitle.count <= 200, "infoTitle", "信息名称不超过 200 字")
        problems.require(copy.infoDocNumber.count <= 100, "infoDocNumber", "文号不超过 100 字")
        problems.require(copy.infoDescription.count <= 3000, "infoDescription", "特征性描述不超过 3000 字")
        return (copy, problems.all)
    }
}
