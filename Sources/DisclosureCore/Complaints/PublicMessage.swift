/// A 留言咨询: a public question to a unit, moderated by the office before it appears, answered by
/// the unit within the reply limit and then published as Q&A (issue 5 §2).
public struct PublicMessage: Equatable, Sendable {
    public let id: Int
    public var submission: MessageSubmission
    public let submittedOn: CivilDate
    public var state: MessageState
    public var rejection: MessageRejection?
    public var rejectionNote: String
    public var acceptedOn: CivilDate?
    public var replyText: String
    public var repliedBy: String?
    public var answeredOn: CivilDate?
    public var attachment: StoredFile?

    public init(
        id: Int, submission: MessageSubmission, submittedOn: CivilDate, state: MessageState, rejection: MessageRejection? = nil,
        rejectionNote: String = "", acceptedOn: CivilDate? = nil, replyText: String = "", repliedBy: String? = nil, answeredOn: CivilDate? = nil,
        attachment: StoredFile? = nil
    ) {
        self.id = id
        self.submission = submission
        self.submittedOn = submittedOn
        self.state = state
        self.rejection = rejection
        self.rejectionNote = rejectionNote
        self.acceptedOn = acceptedOn
        self.replyText = replyText
        self.repliedBy = repliedBy
        self.answeredOn = answeredOn
        self.attachment = attachment
    }

    public var unitCode: String { submission.unitCode }

    /// The unit's clock starts when the office accepts the message: moderation time is not the unit's.
    public func deadline(policy: SupervisionPolicy, calendar: WorkingDayCalendar, today: CivilDate) -> ReplyDeadline? {
        guard let acceptedOn else { return nil }
        return ReplyDeadline.evaluate(
            from: acceptedOn, workingDays: policy.messageDays, warningDays: policy.messageWarningDays, answeredOn: answeredOn, calendar: calendar,
            today: today)
    }

    /// statutes §5.2 互动回应差: a valid message unanswered for more than 3 months after it was left.
    /// Returns the first day on which it counts as such, or nil when it does not (yet).
    public func unansweredSince(today: CivilDate) -> CivilDate? {
        guard state == .accepted else { return nil }
        let since = submittedOn.adding(months: 3).adding(days: 1)
        return today >= since ? since : nil
    }
}

public enum MessageState: String, CaseIterable, Sendable, Codable {
    case pending, rejected, accepted, answered

    public var label: String {
        switch self {
        case .pending: "待审核"
        case .rejected: "不予发布"
        case .accepted: "待答复"
        case .answered: "已答复"
        }
    }
}

/// Why the office does not publish a message (issue 5 §2).
public enum MessageRejection: String, CaseIterable, Sendable, Codable {
    case abuse = "含辱骂、攻击或其他不文明内容"
    case personalData = "含身份证号、电话等个人信息"
    case petition = "属信访事项，请通过信访渠道反映"
    case notDisclosure = "与政务公开无关或不属本平台受理范围"
    case duplicate = "重复留言"
}

/// The question as the citizen writes it. The name is shown as given (or 网友); phone and e-mail
/// are for the unit only and never published.
public struct MessageSubmission: Equatable, Sendable, Codable {
    public var unitCode: String
    public var title: String
    public var content: String
    public var authorName: String
    public var phone: String
    public var email: String

    public init(unitCode: String, title: String, content: String, authorName: String = "", phone: String = "", email: String = "") {
        self.unitCode = unitCode
        self.title = title
        self.content = content
        self.authorName = authorName
        self.phone = phone
        self.email = email
    }

    public func validated() throws -> MessageSubmission {
        var copy = self
        copy.unitCode = unitCode.trimmingCharacters(in: .whitespaces)
        guard !copy.unitCode.isEmpty else { throw DomainError.invalid("unitCode", "请选择留言对象") }
        copy.title = try FieldText.line(title, field: "title", label: "留言标题", limit: 60)
        copy.content = try FieldText.text(content, field: "content", label: "留言内容", limit: 2000)
        copy.authorName = try FieldText.line(authorName, field: "authorName", label: "留言人", limit: 30, required: false)
        copy.phone = phone.trimmingCharacters(in: .whitespaces).isEmpty ? "" : try ContactDetails.phone(phone)
        copy.email = try ContactDetails.email(email, required: false)
        guard !copy.phone.isEmpty || !copy.email.isEmpty else {
            throw DomainError.invalid("phone", "请至少填写联系电话或电子邮箱，以便答复单位与您联系（不会公开）")
        }
        return copy
    }

    /// The name shown with the published Q&A.
    public var publicName: String {
        authorName.isEmpty ? "网友" : PersonalDataMask.personName(authorName)
    }
}

/// A file kept in the content-addressed store, described by the record that owns it.
public struct StoredFile: Equatable, Sendable, Codable {
    public let name: String
    public let mediaType: String
    public let sha256: String
    public let size: Int

    public init(name: String, mediaType: String, sha256: String, size: Int) {
        self.name = name
        self.mediaType = mediaType
        self.sha256 = sha256
        self.size = size
    }
}
