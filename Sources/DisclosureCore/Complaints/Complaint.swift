import Foundation

/// A 投诉举报 on record: who it is against, its dated facts, and the answer once approved.
/// Its deadline is derived (`deadline(policy:calendar:today:)`), never stored.
public struct Complaint: Equatable, Sendable {
    public let id: Int
    public let reference: String
    public var submission: ComplaintSubmission
    public let receivedOn: CivilDate
    public var state: ComplaintState
    public var reply: ComplaintReply
    public var draftedBy: String?
    public var answeredOn: CivilDate?
    /// The day `monitor run` first found it overdue and told the office.
    public var escalatedOn: CivilDate?
    public let createdBy: String

    public init(
        id: Int, reference: String, submission: ComplaintSubmission, receivedOn: CivilDate, state: ComplaintState, reply: ComplaintReply,
        draftedBy: String?, answeredOn: CivilDate?, escalatedOn: CivilDate?, createdBy: String
    ) {
        self.id = id
        self.reference = reference
        self.submission = submission
        self.receivedOn = receivedOn
        self.state = state
        self.reply = reply
        self.draftedBy = draftedBy
        self.answeredOn = answeredOn
        self.escalatedOn = escalatedOn
        self.createdBy = createdBy
    }

    public var unitCode: String { submission.unitCode }

    public func deadline(policy: SupervisionPolicy, calendar: WorkingDayCalendar, today: CivilDate) -> ReplyDeadline {
        ReplyDeadline.evaluate(
            from: receivedOn, workingDays: policy.days(for: submission.kind), warningDays: policy.complaintWarningDays, answeredOn: answeredOn,
            calendar: calendar, today: today)
    }
}
