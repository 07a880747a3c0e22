import DisclosureCore
import DisclosureStore

/// JSON shapes of the complaint and message API (documented in `openapi.json`). Contact data
/// appears only for accounts that handle the complaint or message.
struct ComplaintInBody: Decodable, Sendable {
    let unitCode: String
    let kind: String
    let subject: String?
    let content: String
    let complainantName: String
    let phone: String
    let email: String?
    let channel: String?
    let receivedOn: String?

    func submission(channel fixed: ComplaintChannel?) throws -> ComplaintSubmission {
        guard let kind = ComplaintKind(rawValue: kind) else { throw DomainError.invalid("kind", "未知的投诉类型「\(kind)」") }
        var chosen = fixed
        if chosen == nil {
            guard let parsed = ComplaintChannel(rawValue: channel ?? "") else { throw DomainError.invalid("channel", "请选择投诉渠道（电话、来信或来访）") }
            chosen = parsed
        }
        return ComplaintSubmission(
            unitCode: unitCode, channel: chosen ?? .online, kind: kind, subject: subject ?? "", content: content, complainantName: complainantName,
            phone: phone, email: email ?? "")
    }
}

struct DeadlineBody: Encodable, Sendable {
    let due: String
    let workingDays: Int
    let status: String
    let remainingWorkingDays: Int?
    let overdueWorkingDays: Int
    let explanation: String

    init(_ deadline: ReplyDeadline) {
        due = deadline.due.description
        workingDays = deadline.workingDays
        status = deadline.status.rawValue
        remainingWorkingDays = deadline.remainingWorkingDays
        overdueWorkingDays = deadline.overdueWorkingDays
        explanation = deadline.explanation
    }
}

struct ComplaintOutBody: Encodable, Sendable {
    let id: Int
    let reference: String
    let unitCode: String
    let channel: String
    let kind: String
    let subject: String
    let content: String
    let complainantName: String
    let phone: String
    let email: String
    let receivedOn: String
    let state: String
    let deadline: DeadlineBody
    let escalatedOn: String?
    let outcome: String?
    let replyText: String
    let rectification: String
    let answeredOn: String?

    init(_ complaint: Complaint, deadline: ReplyDeadline, unmasked: Bool) {
        let submission = complaint.submission
        id = complaint.id
        reference = complaint.reference
        unitCode = complaint.unitCode
        channel = submission.channel.rawValue
        kind = submission.kind.rawValue
        subject = submission.subject
        content = submission.content
        complainantName = unmasked ? submission.complainantName : PersonalDataMask.personName(submission.complainantName)
        phone = unmasked ? submission.phone : PersonalDataMask.phone(submission.phone)
        email = unmasked ? submission.email : PersonalDataMask.email(submission.email)
        receivedOn = complaint.receivedOn.description
        state = complaint.state.rawValue
        self.deadline = DeadlineBody(deadline)
        escalatedOn = complaint.escalatedOn?.description
        outcome = complaint.reply.outcome?.rawValue
        replyText = complaint.reply.text
        rectification = complaint.reply.rectification
        answeredOn = complaint.answeredOn?.description
    }
}

struct ComplaintTrackBody: Encodable, Sendable {
    let reference: String
    let unitCode: String
    let state: String
    let receivedOn: String
    let due: String
    let escalated: Bool
    let outcome: String?
    let replyText: String?
    let rectification: String?
    let answeredOn: String?

    init(_ complaint: Complaint, deadline: ReplyDeadline) {
        let closed = complaint.state == .closed
        reference = complaint.reference
        unitCode = complaint.unitCode
        state = complaint.state.rawValue
        receivedOn = complaint.receivedOn.description
        due = deadline.due.description
        escalated = complaint.escalatedOn != nil
        outcome = closed ? complaint.reply.outcome?.rawValue : nil
        replyText = closed ? complaint.reply.text : nil
        rectification = closed ? complaint.reply.rectification : nil
        answeredOn = closed ? complaint.answeredOn?.description : nil
    }
}

struct ComplaintActionBody: Decodable, Sendable {
    let action: String
    let outcome: String?
    let replyText: String?
    let rectification: String?
    let note: String?
    let unitCode: String?
}

struct MessageInBody: Decodable, Sendable {
    let unitCode: String
    let title: String
    let content: String
    let authorName: String?
    let phone: String?
    let email: String?
}

struct MessageOutBody: Encodable, Sendable {
    let id: Int
    let unitCode: String
    let title: String
    let content: String
    let author: String
    let phone: String?
    let email: String?
    let submittedOn: String
    let state: String
    let rejection: String?
    let deadline: DeadlineBody?
    let unansweredOver3Months: Bool
    let replyText: String?
    let answeredOn: String?

    /// - Parameter unmasked: the reader handles the message (its unit's editor or reviewer).
    init(_ message: PublicMessage, deadline: ReplyDeadline?, staff: Bool, unmasked: Bool = false, today: CivilDate) {
        id = message.id
        unitCode = message.unitCode
        title = message.submission.title
        content = message.submission.content
        author = staff ? message.submission.authorName : message.submission.publicName
        phone = staff ? (unmasked ? message.submission.phone : PersonalDataMask.phone(message.submission.phone)) : nil
        email = staff ? (unmasked ? message.submission.email : PersonalDataMask.email(message.submission.email)) : nil
        submittedOn = message.submittedOn.description
        state = message.state.rawValue
        rejection = staff ? message.rejection?.rawValue : nil
        self.deadline = staff ? deadline.map(DeadlineBody.init) : nil
        unansweredOver3Months = message.unansweredSince(today: today) != nil
        replyText = message.state == .answered ? message.replyText : nil
        answeredOn = message.answeredOn?.description
    }
}

struct ModerationBody: Decodable, Sendable {
    let accept: Bool
    let rejection: String?
    let note: String?
}

struct ReplyBody: Decodable, Sendable {
    let replyText: String
}
