import DisclosureCore
import DisclosureStore
import Foundation
import Hummingbird

/// JSON API for complaints and messages (documented in `openapi.json`).
///
/// | method | path | who |
/// |---|---|---|
/// | POST | `/api/v1/public/complaints`, `/api/v1/public/complaints/track` | public, rate-limited |
/// | GET, POST | `/api/v1/complaints` | staff token, unit scope / intake (office, the unit's editor or reviewer) |
/// | GET | `/api/v1/complaints/{id}` | staff token, unit scope |
/// | POST | `/api/v1/complaints/{id}/actions` | per `ComplaintAction` |
/// | GET, POST | `/api/v1/public/messages` | public: published Q&A (`?unit=`) / leave a message (rate-limited) |
/// | GET | `/api/v1/messages` | staff token, unit scope: pending and awaiting an answer |
/// | POST | `/api/v1/messages/{id}/moderation`, `/api/v1/messages/{id}/reply` | office / the unit's editor or reviewer |
struct ComplaintsAPIController {
    let calendar: CalendarService
    let clock: any WallClock
    let complaints: ComplaintService
    let messages: MessageService
    let limiter: SlidingWindowLimiter

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("public/complaints", use: submitComplaint)
        group.post("public/complaints/track", use: trackComplaint)
        group.get("complaints", use: complaints)
        group.post("complaints", use: intakeComplaint)
        group.get("complaints/{id}", use: complaint)
        group.post("complaints/{id}/actions", use: actOnComplaint)
        group.get("public/messages", use: publishedMessages)
        group.post("public/messages", use: submitMessage)
        group.get("messages", use: messages)
        group.post("messages/{id}/moderation", use: moderate)
        group.post("messages/{id}/reply", use: reply)
    }

    func id(_ context: AppRequestContext) throws -> Int {
        guard let id = Int(try context.pathParameter("id")) else { throw DomainError(.notFound, field: "id", "编号无效") }
        return id
    }

    func body(_ complaint: Complaint, staff: StaffIdentity) async throws -> ComplaintOutBody {
        let deadline = self.complaints.deadline(
            of: complaint, policy: try await self.complaints.settings.policy(), calendar: try await self.calendar.calendar())
        return ComplaintOutBody(complaint, deadline: deadline, unmasked: ComplaintService.handles(complaint, staff))
    }

    struct ReceiptBody: Encodable, Sendable {
        let id: Int
        let reference: String
        let queryCode: String
    }

    @Sendable func submitComplaint(_ request: Request, context: AppRequestContext) async throws -> Response {
        try limiter.check(context)
        let body = try await decodeJSON(ComplaintInBody.self, from: request)
        let receipt = try await self.complaints.submitOnline(try body.submission(channel: .online))
        return try jsonResponse(ReceiptBody(id: receipt.id, reference: receipt.reference, queryCode: receipt.queryCode), status: .created)
    }

    @Sendable func trackComplaint(_ request: Request, context: AppRequestContext) async throws -> Response {
        try limiter.check(context)
        let query = try await decodeJSON(RequestsAPIController.TrackQuery.self, from: request)
        guard let found = try await self.complaints.track(reference: query.reference, code: query.queryCode) else {
            throw DomainError(.notFound, field: "queryCode", "受理编号或查询码不正确")
        }
        let deadline = self.complaints.deadline(
            of: found, policy: try await self.complaints.settings.policy(), calendar: try await self.calendar.calendar())
        return try jsonResponse(ComplaintTrackBody(found, deadline: deadline))
    }

    @Sendable func complaints(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let list = try await self.complaints.complaints(visibleTo: staff.identity, openOnly: request.uri.queryParameters.get("open") == "true")
        var bodies: [ComplaintOutBody] = []
        for complaint in list { bodies.append(try await body(complaint, staff: staff.identity)) }
        return try jsonResponse(bodies)
    }

    @Sendable func intakeComplaint(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let body = try await decodeJSON(ComplaintInBody.self, from: request)
        guard let receivedOn = CivilDate(iso: body.receivedOn ?? "") else { throw DomainError.invalid("receivedOn", "收到投诉之日应为 YYYY-MM-DD") }
        let receipt = try await self.complaints.intake(try body.submission(channel: nil), receivedOn: receivedOn, by: staff.identity)
        return try jsonResponse(ReceiptBody(id: receipt.id, reference: receipt.reference, queryCode: receipt.queryCode), status: .created)
    }

    @Sendable func complaint(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let found = try await self.complaints.complaint(try id(context), visibleTo: staff.identity)
        return try jsonResponse(try await body(found, staff: staff.identity))
    }

    @Sendable func actOnComplaint(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let id = try id(context)
        let body = try await decodeJSON(ComplaintActionBody.self, from: request)
        guard let action = ComplaintAction(rawValue: body.action) else { throw DomainError.invalid("action", "未知的办理环节「\(body.action)」") }
        let reply =
            body.replyText.map {
                ComplaintReply(outcome: body.outcome.flatMap(ComplaintOutcome.init(rawValue:)), text: $0, rectification: body.rectification ?? "")
            }
        try await self.complaints.act(
            id, action, ComplaintService.ActionInput(reply: reply, note: body.note ?? "", unitCode: body.unitCode ?? ""), by: staff.identity)
        let updated = try await self.complaints.complaint(id, visibleTo: staff.identity)
        return try jsonResponse(try await self.body(updated, staff: staff.identity))
    }

    @Sendable func publishedMessages(_ request: Request, context: AppRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let page = try RequestNumber.page(query.get("page"), maximum: 1000)
        let list = try await self.messages.published(unit: query.get("unit"), limit: 50, offset: (page - 1) * 50)
        return try jsonResponse(list.map { MessageOutBody($0, deadline: nil, staff: false, today: self.today) })
    }

    struct MessageReceipt: Encodable, Sendable {
        let id: Int
        let state: String
    }

    @Sendable func submitMessage(_ request: Request, context: AppRequestContext) async throws -> Response {
        try limiter.check(context)
        let body = try await decodeJSON(MessageInBody.self, from: request)
        let id = try await self.messages.submit(
            MessageSubmission(
                unitCode: body.unitCode, title: body.title, content: body.content, authorName: body.authorName ?? "", phone: body.phone ?? "",
                email: body.email ?? ""))
        return try jsonResponse(MessageReceipt(id: id, state: MessageState.pending.rawValue), status: .created)
    }

    @Sendable func messages(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let calendar = try await self.calendar.calendar()
        let policy = try await self.messages.settings.policy()
        let today = self.today
        let list = try await self.messages.queue(visibleTo: staff.identity)
        return try jsonResponse(
            list.map {
                MessageOutBody(
                    $0, deadline: $0.deadline(policy: policy, calendar: calendar, today: today), staff: true,
                    unmasked: MessageService.handles($0, staff.identity), today: today)
            })
    }

    @Sendable func moderate(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let body = try await decodeJSON(ModerationBody.self, from: request)
        var rejection: MessageRejection?
        if let text = body.rejection, !text.isEmpty {
            guard let reason = MessageRejection(rawValue: text) else { throw DomainError.invalid("rejection", "未知的不予发布理由「\(text)」") }
            rejection = reason
        }
        try await self.messages.moderate(try id(context), accept: body.accept, rejection: rejection, note: body.note ?? "", by: staff.identity)
        return Response(status: .noContent)
    }

    @Sendable func reply(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let body = try await decodeJSON(ReplyBody.self, from: request)
        try await self.messages.reply(try id(context), text: body.replyText, by: staff.identity)
        return Response(status: .noContent)
    }
}

extension ComplaintsAPIController: ClockReading {}
