import DisclosureCore
import DisclosureStore

/// The complaint case page: the deadline first, then the complaint (contact data masked unless the
/// viewer handles it), the answer, one form per step the viewer may take, and the history.
struct ComplaintCasePage: Sendable {
    struct Event: Sendable {
        let at: String
        let action: String
        let note: String
        let actor: String
    }

    let id: Int
    let reference: String
    let unitName: String
    let channel: String
    let kind: String
    let subject: String
    let content: [String]
    let complainant: String
    let phone: String
    let email: String
    let receivedOn: String
    let state: String
    let due: String
    let severity: String
    let explanation: String
    let escalatedOn: String?
    let outcome: String?
    let reply: [String]
    let rectification: [String]
    let draftedBy: String?
    let answeredOn: String?
    let events: [Event]
    let canDraft: Bool
    let canReview: Bool
    let canReassign: Bool
    let outcomes: [SelectOption]
    let units: [SelectOption]
    let values: [String: String]
    let replyLimit: Int

    init(
        _ complaint: Complaint, staff: StaffAccount, calendar: CalendarService, complaints: ComplaintService, unitQueries: UnitQueries,
        values: [String: String], people: PeopleNames? = nil
    ) async throws {
        let calendar = try await calendar.calendar()
        let policy = try await complaints.settings.policy()
        let deadline = complaints.deadline(of: complaint, policy: policy, calendar: calendar)
        let names = try await unitQueries.names()
        let tree = try await unitQueries.tree()
        let unmasked = ComplaintService.handles(complaint, staff.identity)
        let ownUnit = tree.scope(of: staff.unitCode).contains(complaint.unitCode)
        let submission = complaint.submission
        id = complaint.id
        reference = complaint.reference
        unitName = names[complaint.unitCode] ?? complaint.unitCode
        channel = submission.channel.rawValue
        kind = submission.kind.rawValue
        subject = submission.subject
        content = PlainText.paragraphs(submission.content)
        complainant = unmasked ? submission.complainantName : PersonalDataMask.personName(submission.complainantName)
        phone = unmasked ? submission.phone : PersonalDataMask.phone(submission.phone)
        email = unmasked ? submission.email : PersonalDataMask.email(submission.email)
        receivedOn = complaint.receivedOn.description
        state = complaint.state.label
        due = DeadlineText.text(deadline)
        severity = DeadlineText.severity(deadline)
        explanation = deadline.explanation
        escalatedOn = complaint.escalatedOn?.description
        outcome = complaint.reply.outcome?.rawValue
        reply = PlainText.paragraphs(complaint.reply.text)
        rectification = PlainText.paragraphs(complaint.reply.rectification)
        draftedBy = complaint.draftedBy
        answeredOn = complaint.answeredOn?.description
        events = try await complaints.history(of: complaint).map {
            // China time with the date, and the person by name (issue 22 §4).
            Event(at: CivilDateTime(stored: $0.recordedAt).text, action: $0.action, note: $0.note, actor: people?.actor($0.actor) ?? $0.actor)
        }
        let role = staff.role
        canDraft = ownUnit && ComplaintAction.draftReply.allowed(role) && ComplaintAction.draftReply.from.contains(complaint.state)
        canReview = ownUnit && ComplaintAction.approveReply.allowed(role) && ComplaintAction.approveReply.from.contains(complaint.state)
        canReassign = ComplaintAction.reassign.allowed(role) && ComplaintAction.reassign.from.contains(complaint.state)
        outcomes = ComplaintOutcome.allCases.map {
            SelectOption(value: $0.rawValue, label: $0.rawValue, selected: $0.rawValue == (values["outcome"] ?? complaint.reply.outcome?.rawValue))
        }
        units = tree.ordered().map(\.unit).filter(\.active).map {
            SelectOption(value: $0.code, label: $0.name, selected: $0.code == values["unitCode"])
        }
        var prefilled = values
        if prefilled["replyText"] == nil { prefilled["replyText"] = complaint.reply.text }
        if prefilled["rectification"] == nil { prefilled["rectification"] = complaint.reply.rectification }
        self.values = prefilled
        replyLimit = policy.replyLimit
    }
}
