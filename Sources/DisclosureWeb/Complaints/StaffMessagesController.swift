import DisclosureCore
import DisclosureStore
import Hummingbird

/// 留言咨询 in the console: the office's moderation queue and each unit's messages awaiting an
/// answer, deadline first; answers publish at once. `MessageService` checks role and unit again.
///
/// | method | path | who |
/// |---|---|---|
/// | GET | `/staff/messages` | signed in (own scope; office, assessor, auditor: all) |
/// | POST | `/staff/messages/{id}/moderate` | office |
/// | POST | `/staff/messages/{id}/reply` | editor, reviewer of the unit |
/// | GET | `/staff/messages/{id}/file` | signed in, in scope |
struct StaffMessagesController {
    let calendar: CalendarService
    let clock: any WallClock
    let files: any FileStore
    let messages: MessageService
    let unitQueries: UnitQueries
    let renderer: PageRenderer

    struct Page: Sendable {
        struct Row: Sendable {
            let id: Int
            let title: String
            let content: [String]
            let unitName: String
            let author: String
            let contact: String
            let submittedOn: String
            let due: String
            let severity: String
            let fileName: String?
            let unansweredOver3Months: Bool
            let canReply: Bool
            /// The answer typed before an error, and the personal data in it still to handle.
            var replyDraft = ""
            var privacyQuestions: [PrivacyQuestion] = []
            var hasPrivacyQuestions = false
            var privacyScope = ""
            /// Personal data in the message itself the office must handle before accepting it.
            var moderation: Moderation?
        }

        /// The questions for the accept form, in a context of their own for the shared partial.
        struct Moderation: Sendable {
            let privacyQuestions: [PrivacyQuestion]
            let privacyScope: String
        }

        /// The answer being given when the form came back with an error.
        struct Replying: Sendable {
            let id: Int
            let text: String
            let questions: [PrivacyQuestion]
        }
        let pending: [Row]
        let awaiting: [Row]
        let canModerate: Bool
        let reasons: [SelectOption]
        let days: Int
    }

    func addRoutes(to router: RouterGroup<StaffRequestContext>) {
        router.get("/staff/messages", use: list)
        router.post("/staff/messages/{id}/moderate", use: moderate)
        router.post("/staff/messages/{id}/reply", use: reply)
        router.get("/staff/messages/{id}/file", use: file)
    }

    @Sendable func list(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await render(context: context, notice: Notice.from(request))
    }

    func render(
        context: StaffRequestContext, notice: String? = nil, error: DomainError? = nil, replying: Page.Replying? = nil,
        moderating: Page.Replying? = nil
    ) async throws
        -> Response
    {
        let staff = context.staff
        let messages = try await self.messages.queue(visibleTo: staff.identity)
        let calendar = try await self.calendar.calendar()
        let policy = try await self.messages.settings.policy()
        let names = try await self.unitQueries.names()
        let tree = try await self.unitQueries.tree()
        let today = self.today
        func row(_ message: PublicMessage) -> (Page.Row, (Int, String)) {
            let deadline = message.deadline(policy: policy, calendar: calendar, today: today)
            let unmasked = MessageService.handles(message, staff.identity)
            let phone = unmasked ? message.submission.phone : PersonalDataMask.phone(message.submission.phone)
            let email = unmasked ? message.submission.email : PersonalDataMask.email(message.submission.email)
            let contact = [phone, email].filter { !$0.isEmpty }.joined(separator: " / ")
            var row = Page.Row(
                id: message.id, title: message.submission.title, content: PlainText.paragraphs(message.submission.content),
                unitName: names[message.unitCode] ?? message.unitCode,
                author: message.submission.authorName.isEmpty ? "（未署名）" : message.submission.authorName, contact: contact,
                submittedOn: message.submittedOn.description, due: deadline.map(DeadlineText.text) ?? "审核通过后开始计算",
                severity: deadline.map(DeadlineText.severity) ?? "", fileName: message.attachment?.name,
                unansweredOver3Months: message.unansweredSince(today: today) != nil,
                canReply: staff.identity.canHandle(unit: message.unitCode, in: tree))
            if let moderating, moderating.id == message.id, !moderating.questions.isEmpty {
                row.moderation = Page.Moderation(privacyQuestions: moderating.questions, privacyScope: "moderate-\(message.id)")
            }
            if let replying, replying.id == message.id {
                row.replyDraft = replying.text
                row.privacyScope = "message-\(message.id)"
                row.privacyQuestions = replying.questions
                row.hasPrivacyQuestions = !replying.questions.isEmpty
            }
            return (row, deadline.map(DeadlineText.urgency) ?? (5, message.submittedOn.description))
        }
        let pending = messages.filter { $0.state == .pending }.map(row).map(\.0)
        let awaiting = messages.filter { $0.state == .accepted }.map(row).sorted { $0.1 < $1.1 }.map(\.0)
        let page = Page(
            pending: pending, awaiting: awaiting, canModerate: staff.role == .office,
            reasons: MessageRejection.allCases.map { SelectOption(value: $0.rawValue, label: $0.rawValue, selected: false) }, days: policy.messageDays
        )
        return renderer.render(
            "Complaints/messages", title: "留言咨询", page: page, context: context, status: error?.kind.httpStatus ?? .ok, notice: notice,
            error: error?.message)
    }

    @Sendable func moderate(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        guard let id = Int(try context.pathParameter("id")) else { throw HTTPError(.notFound) }
        let form = try await FormData.read(request)
        do {
            let accept = form.text("decision") == "accept"
            try await self.messages.moderate(
                id, accept: accept, rejection: MessageRejection(rawValue: form.text("rejection")), note: form.text("note"),
                privacy: PrivacyQuestion.answers(form), by: staff.identity)
            return redirect(to: "/staff/messages?notice=saved")
        } catch let error as DomainError {
            // Accepting a message with personal data in it: the questions come back with the error.
            guard let message = try? await self.messages.message(id, visibleTo: staff.identity), message.state == .pending else {
                return try await render(context: context, error: error)
            }
            let open = try await self.messages.openPrivacyFindings(question: message)
            let questions = PrivacyQuestion.list(
                open, texts: ["title": message.submission.title, "content": message.submission.content], scope: "moderate-\(id)", values: form.values)
            return try await render(context: context, error: error, moderating: .init(id: id, text: "", questions: questions))
        }
    }

    @Sendable func reply(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        guard let id = Int(try context.pathParameter("id")) else { throw HTTPError(.notFound) }
        let form = try await FormData.read(request, limit: 64 * 1024)
        let text = form.values["replyText"] ?? ""
        do {
            try await self.messages.reply(id, text: text, privacy: PrivacyQuestion.answers(form), by: staff.identity)
            return redirect(to: "/staff/messages?notice=saved")
        } catch let error as DomainError {
            // The answer comes back as typed, with the personal data in it to redact or confirm.
            let open = try await self.messages.openPrivacyFindings(message: id, reply: text)
            let questions = PrivacyQuestion.list(open, texts: ["answer": text], scope: "message-\(id)", values: form.values)
            return try await render(context: context, error: error, replying: .init(id: id, text: text, questions: questions))
        }
    }

    @Sendable func file(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        guard let id = Int(try context.pathParameter("id")) else { throw HTTPError(.notFound) }
        guard let attachment = try await self.messages.message(id, visibleTo: staff.identity).attachment else { throw HTTPError(.notFound) }
        return try storedFileResponse(attachment, files: self.files)
    }
}

extension StaffMessagesController: ClockReading {}
