import DisclosureCore
import DisclosureStore
import Foundation
import Hummingbird

/// JSON API for the message log (issue 24 §1; documented in `openapi.json`): what was sent,
/// waits or failed, in the token's scope with citizens' addresses masked, and a failed message
/// sent again.
///
/// | method | path | who |
/// |---|---|---|
/// | GET | `/api/v1/deliveries` (`?status=queued\|sending\|sent\|failed`) | staff token, unit scope |
/// | POST | `/api/v1/deliveries/{id}/resend` | the unit's editor or reviewer, office |
struct DeliveriesAPIController {
    let deliveries: DeliveryService

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("deliveries", use: list)
        group.post("deliveries/{id}/resend", use: resend)
    }

    struct DeliveryBody: Encodable, Sendable {
        let id: Int
        let purpose: String
        let channel: String
        let recipient: String
        let unitCode: String
        let requestID: Int?
        let letterID: Int?
        let subject: String
        let status: String
        let attempts: Int
        let nextAttemptAt: String
        let lastError: String?
        let answer: String?
        let sentAt: String?
        let createdAt: String

        init(_ entry: DeliveryService.Entry) {
            let delivery = entry.delivery
            let message = delivery.message
            id = delivery.id
            purpose = message.purpose.rawValue
            channel = message.channel.rawValue
            recipient = entry.recipient
            unitCode = message.unitCode
            requestID = message.requestID
            letterID = message.letterID
            subject = message.subject
            status = delivery.status.rawValue
            attempts = delivery.attempts
            nextAttemptAt = Timestamp.text(delivery.nextAttemptAt)
            lastError = delivery.lastError
            answer = delivery.answer
            sentAt = delivery.sentAt.map(Timestamp.text)
            createdAt = Timestamp.text(delivery.createdAt)
        }
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        var status: DeliveryStatus?
        if let text = request.uri.queryParameters["status"] {
            guard let parsed = DeliveryStatus(rawValue: String(text)) else {
                throw DomainError.invalid("status", "status 应为：\(DeliveryStatus.allCases.map(\.rawValue).joined(separator: "、"))")
            }
            status = parsed
        }
        return try jsonResponse(try await self.deliveries.recent(visibleTo: staff.identity, status: status, limit: 200).map(DeliveryBody.init))
    }

    @Sendable func resend(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        guard let id = Int(try context.pathParameter("id")), (1...Int(Int32.max)).contains(id) else {
            throw DomainError(.notFound, field: "delivery", "消息不存在")
        }
        try await self.deliveries.resend(id, by: staff.identity)
        guard let entry = try await self.deliveries.find(id, visibleTo: staff.identity) else {
            throw DomainError(.notFound, field: "delivery", "消息不存在")
        }
        return try jsonResponse(DeliveryBody(entry))
    }
}
