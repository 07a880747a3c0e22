import DisclosureCore
import DisclosureStore
import Foundation
import Hummingbird

/// JSON API for 依申请公开 (documented in `openapi.json`).
///
/// | method | path | who |
/// |---|---|---|
/// | POST | `/api/v1/public/requests` | public, rate-limited: an online application |
/// | POST | `/api/v1/public/requests/track` | public, rate-limited: `{reference, queryCode}` |
/// | GET | `/api/v1/requests` | staff token, unit scope, masked (`?open=true`) |
/// | POST | `/api/v1/requests` | editor or reviewer token: counter / post / fax / e-mail intake |
/// | GET | `/api/v1/requests/{id}` | staff token, unit scope; with the clock explanation |
/// | POST | `/api/v1/requests/{id}/actions` | per `RequestAction` |
/// | POST | `/api/v1/requests/{id}/appeals` | the unit's editor or reviewer, office |
/// | POST | `/api/v1/letters/{id}/delivery` | the unit's editor or reviewer |
/// | GET | `/api/v1/outbox` | staff token, unit scope |
/// | POST | `/api/v1/requests/{id}/links`, `…/publication`, `…/privacy`, `…/files/{file}/redactions` | see `RequestsAPIController+Answer` |
struct RequestsAPIController {
    let calendar: CalendarService
    let files: any FileStore
    let requestQueries: RequestQueries
    let requests: RequestService
    let unitQueries: UnitQueries
    let limiter: SlidingWindowLimiter

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("public/requests", use: submit)
        group.post("public/requests/track", use: track)
        group.get("requests", use: list)
        group.post("requests", use: intake)
        group.get("requests/{id}", use: show)
        group.post("requests/{id}/actions", use: act)
        group.post("requests/{id}/appeals", use: appeal)
        group.post("letters/{id}/delivery", use: delivery)
        group.get("outbox", use: outbox)
        addAnswerRoutes(to: group)
    }

    struct ReceiptBody: Encodable, Sendable {
        let id: Int
        let reference: String
        let queryCode: String
        let state: String
    }

    @Sendable func submit(_ request: Request, context: AppRequestContext) async throws -> Response {
        try limiter.check(context)
        let body = try await decodeJSON(ApplicationBody.self, from: request)
        let receipt = try await self.requests.submitOnline(try body.application(channel: .online))
        return try jsonResponse(
            ReceiptBody(id: receipt.id, reference: receipt.reference, queryCode: receipt.queryCode, state: RequestState.pendingConfirmation.rawValue),
            status: .created)
    }

    struct TrackQuery: Decodable, Sendable {
        let reference: String
        let queryCode: String
    }

    @Sendable func track(_ request: Request, context: AppRequestContext) async throws -> Response {
        try limiter.check(context)
        let query = try await decodeJSON(TrackQuery.self, from: request)
        guard let found = try await self.requests.track(reference: query.reference, code: query.queryCode) else {
            throw DomainError(.notFound, field: "queryCode", "受理编号或查询码不正确")
        }
        let clock = self.requests.clock(of: found, calendar: try await self.calendar.calendar())
        let answered = found.state == .answered || found.state == .archived
        return try jsonResponse(
            TrackBody(
                reference: found.reference, unitCode: found.application.unitCode, state: found.state.rawValue, stateLabel: found.state.label,
                receivedOn: found.receivedOn?.description, due: clock?.due?.description, dueText: RequestView.dueText(clock, state: found.state),
                outcome: answered ? found.outcome.map(OutcomeBody.init) : nil,
                letters: try await self.requests.letters(of: found).map(LetterBody.init)))
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let openOnly = request.uri.queryParameters.get("open") == "true"
        let calendar = try await self.calendar.calendar()
        let requests = try await self.requests.requests(visibleTo: staff.identity, openOnly: openOnly)
        return try jsonResponse(
            requests.map {
                RequestBody($0, clock: self.requests.clock(of: $0, calendar: calendar), unmasked: false, letters: nil, withExplanation: false)
            })
    }

    @Sendable func intake(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let body = try await decodeJSON(ApplicationBody.self, from: request)
        let receipt = try await self.requests.intake(try body.application(channel: nil), receivedOn: try body.receivedDate(), by: staff.identity)
        let found = try await self.requests.request(receipt.id, visibleTo: staff.identity)
        return try jsonResponse(
            ReceiptBody(id: receipt.id, reference: receipt.reference, queryCode: receipt.queryCode, state: found.state.rawValue), status: .created)
    }

    func detail(_ id: Int, staff: StaffAccount) async throws -> Response {
        let found = try await self.requests.request(id, visibleTo: staff.identity)
        let clock = self.requests.clock(of: found, calendar: try await self.calendar.calendar())
        return try jsonResponse(
            RequestBody(
                found, clock: clock, unmasked: RequestService.handles(found, staff.identity), letters: try await self.requests.letters(of: found),
                withExplanation: true))
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        guard let id = Int(try context.pathParameter("id")) else { throw DomainError(.notFound, field: "id", "申请不存在") }
        return try await detail(id, staff: staff)
    }

    @Sendable func act(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        guard let id = Int(try context.pathParameter("id")) else { throw DomainError(.notFound, field: "id", "申请不存在") }
        _ = try await self.requests.request(id, visibleTo: staff.identity)
        let (action, input) = try await decodeJSON(ActionBody.self, from: request).input()
        try await self.requests.act(id, action, input, by: staff.identity)
        return try await detail(id, staff: staff)
    }

    struct AppealInput: Decodable, Sendable {
        let kind: String
        let filedOn: String
        let authority: String
        let result: String
        let decidedOn: String?
        let note: String?
    }

    @Sendable func appeal(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        guard let id = Int(try context.pathParameter("id")) else { throw DomainError(.notFound, field: "id", "申请不存在") }
        _ = try await self.requests.request(id, visibleTo: staff.identity)
        let body = try await decodeJSON(AppealInput.self, from: request)
        var values = ["kind": body.kind, "filedOn": body.filedOn, "authority": body.authority, "result": body.result]
        values["decidedOn"] = body.decidedOn
        values["note"] = body.note
        let appealID = try await self.requests.recordAppeal(
            try StaffLettersController.appeal(from: FormData(values), requestID: id), by: staff.identity)
        struct Created: Encodable { let id: Int }
        return try jsonResponse(Created(id: appealID), status: .created)
    }

    struct DeliveryInput: Decodable, Sendable {
        let delivery: String
        let deliveredOn: String
        let trackingNumber: String?
    }

    @Sendable func delivery(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        guard let id = Int(try context.pathParameter("id")) else { throw DomainError(.notFound, field: "letter", "告知书不存在") }
        let letter = try await self.requests.letter(id, visibleTo: staff.identity)
        let body = try await decodeJSON(DeliveryInput.self, from: request)
        guard let method = LetterDelivery(rawValue: body.delivery) else {
            throw DomainError.invalid("delivery", "delivery 应为：\(LetterDelivery.allCases.map(\.rawValue).joined(separator: "、"))")
        }
        guard let date = CivilDate(iso: body.deliveredOn) else { throw DomainError.invalid("deliveredOn", "送达日期应为 YYYY-MM-DD") }
        try await self.requests.recordDelivery(letter: letter.id, method, on: date, trackingNumber: body.trackingNumber ?? "", by: staff.identity)
        return try jsonResponse(LetterBody(try await self.requests.letter(id, visibleTo: staff.identity)))
    }

    struct OutboxBody: Encodable, Sendable {
        let id: Int
        let unitCode: String
        let requestID: Int?
        let subject: String
        let body: String
        let createdAt: String
    }

    @Sendable func outbox(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let tree = try await self.unitQueries.tree()
        let messages = try await self.requestQueries.outbox(units: staff.identity.unitsInScope(of: tree), limit: 200)
        return try jsonResponse(
            messages.map {
                OutboxBody(id: $0.id, unitCode: $0.unitCode, requestID: $0.requestID, subject: $0.subject, body: $0.body, createdAt: $0.createdAt)
            })
    }
}
