/// A complaint as the complainant (or the clerk taking a call) states it. Name and phone are
/// required so the unit can answer; they are protected like an applicant's (issue 5 §1).
public struct ComplaintSubmission: Equatable, Sendable, Codable {
    public var unitCode: String
    public var channel: ComplaintChannel
    public var kind: ComplaintKind
    /// The document (索引号, 文号 or title) or request (受理编号) complained about, if any.
    public var subject: String
    public var content: String
    public var complainantName: String
    public var phone: String
    public var email: String

    public init(
        unitCode: String, channel: ComplaintChannel = .online, kind: ComplaintKind, subject: String = "", content: String, complainantName: String,
        phone: String, email: String = ""
    ) {
        self.unitCode = unitCode
        self.channel = channel
        self.kind = kind
        self.subject = subject
        self.content = content
        self.complainantName = complainantName
        self.phone = phone
        self.email = email
    }

    public func validated() throws -> ComplaintSubmission {
        var copy = self
        copy.unitCode = unitCode.trimmingCharacters(in: .whitespaces)
        guard !copy.unitCode.isEmpty else { throw DomainError.invalid("unitCode", "请选择被投诉单位") }
        copy.subject = try FieldText.line(subject, field: "subject", label: "涉及的信息或申请", limit: 200, required: false)
        copy.content = try FieldText.text(content, field: "content", label: "投诉内容", limit: 3000)
        guard copy.content.count >= 10 else { throw DomainError.invalid("content", "投诉内容请至少写 10 个字，说明具体事实") }
        copy.complainantName = try FieldText.line(complainantName, field: "complainantName", label: "投诉人姓名", limit: 50)
        copy.phone = try ContactDetails.phone(phone)
        copy.email = try ContactDetails.email(email, required: false)
        return copy
    }
}

/// The unit's answer: the finding, the reply to the complainant and, when (partly) true, the 整改.
public struct ComplaintReply: Equatable, Sendable, Codable {
    public var outcome: ComplaintOutcome?
    public var text: String
    public var rectification: String

    public init(outcome: ComplaintOutcome?, text: String, rectification: String = "") {
        self.outcome = outcome
        self.text = text
        self.rectification = rectification
    }

    public func validated(limit: Int) throws -> ComplaintReply {
        guard outcome != nil else { throw DomainError.invalid("outcome", "请选择核查结论（属实、部分属实或不属实）") }
        var copy = self
        copy.text = try FieldText.text(text, field: "replyText", label: "答复内容", limit: limit)
        copy.rectification = try FieldText.text(
            rectification, field: "rectification", label: "整改情况", limit: limit, required: outcome?.needsRectification == true)
        return copy
    }
}
