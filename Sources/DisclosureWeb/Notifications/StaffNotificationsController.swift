import DisclosureCore
import DisclosureStore
import Foundation
import Hummingbird

/// E-mail and SMS as the office and the units see them (issue 24 §1): every message with its
/// state and the server's words, failed ones sent again, and the office's sending settings.
///
/// | method | path | who |
/// |---|---|---|
/// | GET | `/staff/notifications` (`?status=failed`) | signed in (own scope; citizens' addresses masked) |
/// | POST | `/staff/notifications/{id}/resend` | the unit's editor or reviewer, office |
/// | GET, POST | `/staff/notifications/settings` | office |
/// | POST | `/staff/notifications/test` | office |
struct StaffNotificationsController {
    let deliveries: DeliveryService
    let settings: NotificationSettingsStore
    let unitQueries: UnitQueries
    let renderer: PageRenderer

    func addRoutes(to router: RouterGroup<StaffRequestContext>) {
        router.get("/staff/notifications", use: list)
        router.post("/staff/notifications/{id}/resend", use: resend)
        router.get("/staff/notifications/settings", use: showSettings)
        router.post("/staff/notifications/settings", use: saveSettings)
        router.post("/staff/notifications/test", use: sendTest)
    }

    @Sendable func list(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        let statusText = request.uri.queryParameters["status"].map(String.init) ?? ""
        let status = DeliveryStatus(rawValue: statusText)
        let names = try await self.unitQueries.names()
        let entries = try await self.deliveries.recent(visibleTo: staff.identity, status: status, limit: 200)
        let counts = try await self.deliveries.counts(visibleTo: staff.identity)
        let configured = try await self.settings.load()
        let page = DeliveriesPage(
            entries: entries, counts: counts, status: status, names: names, configured: configured, isOffice: staff.role == .office)
        return renderer.render("Notifications/deliveries", title: "消息发送记录", page: page, context: context, notice: Notice.from(request))
    }

    @Sendable func resend(_ request: Request, context: StaffRequestContext) async throws -> Response {
        guard let id = Int(try context.pathParameter("id")), (1...Int(Int32.max)).contains(id) else {
            throw DomainError(.notFound, field: "delivery", "消息不存在")
        }
        try await self.deliveries.resend(id, by: context.staff.identity)
        return redirect(to: "/staff/notifications?notice=resent")
    }

    @Sendable func showSettings(_ request: Request, context: StaffRequestContext) async throws -> Response {
        _ = try context.requireOffice()
        return renderer.render(
            "Notifications/settings", title: "消息发送设置", page: NotificationSettingsPage(try await self.settings.load()), context: context,
            notice: Notice.from(request))
    }

    @Sendable func saveSettings(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = try context.requireOffice()
        let form = try await FormData.read(request)
        do {
            try await self.settings.save(try NotificationSettingsPage.settings(from: form), by: staff.identity)
            return redirect(to: "/staff/notifications/settings?notice=saved")
        } catch let error as DomainError {
            return renderer.render(
                "Notifications/settings", title: "消息发送设置", page: NotificationSettingsPage(typed: form), context: context,
                status: error.kind.httpStatus,
                error: error.message)
        }
    }

    @Sendable func sendTest(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = try context.requireOffice()
        let form = try await FormData.read(request)
        _ = try await self.deliveries.queueTest(to: form["to"] ?? "", by: staff.identity)
        return redirect(to: "/staff/notifications?notice=test-queued")
    }
}
