import DisclosureCore
import DisclosureStore
import Foundation
import Hummingbird

/// 政策找人 on the portal (issue 24 §2): subscribe by e-mail to a unit, a category or keywords;
/// confirm by the e-mailed link; leave with one click. Works without JavaScript. The page after
/// subscribing reads the same for a known and an unknown address.
///
/// | method | path | who |
/// |---|---|---|
/// | GET, POST | `/subscribe` (`?unit=`, `?category=`, `?q=` prefill) | public; POST rate-limited with the other forms |
/// | GET, POST | `/subscribe/confirm?token=` | the holder of the e-mailed link |
/// | GET | `/unsubscribe?token=` | the holder of a digest's link |
/// | POST | `/unsubscribe?token=` | the same, one click (RFC 8058: mail clients post it without a page, so no CSRF token) |
struct SubscriptionsController {
    let subscriptions: SubscriptionService
    let unitQueries: UnitQueries
    let linkBase: String
    let renderer: PageRenderer

    func addRoutes(pages: RouterGroup<AppRequestContext>, publicPages: RouterGroup<AppRequestContext>) {
        pages.get("/subscribe", use: form)
        pages.post("/subscribe", use: subscribe)
        pages.get("/subscribe/confirm", use: confirmPage)
        pages.post("/subscribe/confirm", use: confirm)
        pages.get("/unsubscribe", use: unsubscribePage)
        publicPages.post("/unsubscribe", use: unsubscribe)
    }

    @Sendable func form(_ request: Request, context: AppRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        var values: [String: String] = [:]
        if let unit = query["unit"] {
            values = ["kind": "unit", "unit": String(unit)]
        } else if let category = query["category"] {
            values = ["kind": "category", "category": String(category)]
        } else if let q = query["q"] {
            values = ["kind": "search", "q": String(q.prefix(40))]
        }
        return try await render(values: values, context: context)
    }

    func render(values: [String: String], context: AppRequestContext, error: DomainError? = nil) async throws -> Response {
        let units = ApplicationForm.agencies(try await self.unitQueries.units().filter(\.active))
        let page = SubscribePage(values: values, units: units, categories: try await self.subscriptions.categories())
        return renderer.render(
            "Notifications/subscribe", title: "订阅新公开信息", page: page, context: context, status: error?.kind.httpStatus ?? .ok, error: error?.message)
    }

    @Sendable func subscribe(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(request, limit: 4096)
        do {
            try Honeypot.check(form.values)
            guard let kind = SubscriptionKind(rawValue: form.text("kind")) else { throw DomainError.invalid("kind", "请选择订阅方式") }
            let names = try await self.unitQueries.names()
            let (value, label): (String, String)
            switch kind {
            case .unit:
                let code = form.text("unit")
                guard let name = names[code] else { throw DomainError.invalid("unit", "请选择单位") }
                (value, label) = (code, name)
            case .category:
                let category = form.text("category")
                guard try await self.subscriptions.categories().contains(category) else { throw DomainError.invalid("category", "请选择信息类别") }
                (value, label) = (category, category)
            case .search:
                (value, label) = (form.text("q"), "关键词：\(form.text("q"))")
            }
            try await self.subscriptions.subscribe(email: form.text("email"), kind: kind, value: value, label: label, linkBase: linkBase)
            return renderer.render("Notifications/subscribed", title: "请查收确认邮件", page: SubscribedPage(), context: context)
        } catch let error as DomainError {
            return try await render(values: form.values, context: context, error: error)
        }
    }

    static func token(_ request: Request) -> String {
        String((request.uri.queryParameters["token"] ?? "").prefix(64))
    }

    @Sendable func confirmPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let token = Self.token(request)
        let shown = try await self.subscriptions.shown(token: token)
        return renderer.render(
            "Notifications/confirm", title: "确认订阅", page: LinkPage(token: token, shown: shown), context: context,
            status: shown == nil ? .notFound : .ok)
    }

    @Sendable func confirm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let token = Self.token(request)
        _ = try await FormData.read(request, limit: 1024)
        let confirmed = try await self.subscriptions.confirm(token: token)
        let shown = try await self.subscriptions.shown(token: token)
        return renderer.render(
            "Notifications/confirm", title: confirmed ? "订阅已确认" : "链接已失效", page: LinkPage(token: token, shown: shown, done: confirmed),
            context: context,
            status: confirmed ? .ok : .notFound)
    }

    @Sendable func unsubscribePage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let token = Self.token(request)
        let shown = try await self.subscriptions.shown(token: token)
        return renderer.render(
            "Notifications/unsubscribe", title: "退订", page: LinkPage(token: token, shown: shown), context: context,
            status: shown == nil ? .notFound : .ok)
    }

    @Sendable func unsubscribe(_ request: Request, context: AppRequestContext) async throws -> Response {
        let token = Self.token(request)
        _ = try? await request.body.collect(upTo: 1024)
        let done = try await self.subscriptions.unsubscribe(token: token)
        let shown = try await self.subscriptions.shown(token: token)
        return renderer.render(
            "Notifications/unsubscribe", title: done ? "已退订" : "链接无效", page: LinkPage(token: token, shown: shown, done: done), context: context,
            status: done ? .ok : .notFound)
    }
}

struct SubscribePage: Sendable {
    struct Option: Sendable {
        let value: String
        let label: String
        let selected: Bool
    }

    let byUnit: Bool
    let byCategory: Bool
    let bySearch: Bool
    let units: [Option]
    let categories: [Option]
    let q: String
    let email: String

    init(values: [String: String], units: [OrgUnit], categories: [String]) {
        let kind = values["kind"] ?? "unit"
        byUnit = kind == "unit"
        byCategory = kind == "category"
        bySearch = kind == "search"
        self.units = units.map { Option(value: $0.code, label: $0.name, selected: $0.code == values["unit"]) }
        self.categories = categories.map { Option(value: $0, label: $0, selected: $0 == values["category"]) }
        q = values["q"] ?? ""
        email = values["email"] ?? ""
    }
}

struct SubscribedPage: Sendable {}

struct LinkPage: Sendable {
    let token: String
    let found: Bool
    let label: String
    let kind: String
    let confirmed: Bool
    let unsubscribed: Bool
    let expired: Bool
    let done: Bool

    init(token: String, shown: SubscriptionService.Shown?, done: Bool = false) {
        self.token = token
        found = shown != nil
        label = shown?.label ?? ""
        kind = shown?.kind.label ?? ""
        confirmed = shown?.confirmed ?? false
        unsubscribed = shown?.unsubscribed ?? false
        expired = shown?.expired ?? false
        self.done = done
    }
}
