import DisclosureCore
import DisclosureStore
import Hummingbird

/// The public portal (DESIGN §5).
///
/// | method | path | who |
/// |---|---|---|
/// | GET | `/` | public |
/// | GET | `/guide` | public — 政府信息公开指南 (条例 第十二条) |
/// | GET | `/catalog`, `/search`, `/apply`, `/track`, `/complain`, `/ask`, `/powers`, `/reports`, `/assessments` | public — sections opened by later modules |
struct PortalController {
    let clock: any WallClock
    let publishingQueries: PublishingQueries
    let unitQueries: UnitQueries
    let renderer: PageRenderer

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("/", use: home)
        router.get("/guide", use: guide)
        for section in PortalSection.all where !section.isOpen {
            router.get(RouterPath(section.path)) { _, context in
                renderer.render("Portal/section", title: section.title, page: section, context: context)
            }
        }
    }

    @Sendable func home(_ request: Request, context: AppRequestContext) async throws -> Response {
        let units = try await self.unitQueries.units().filter(\.active)
        let page = PortalHomePage(units: units, today: today)
        return renderer.render("Portal/home", title: "首页", page: page, context: context)
    }

    @Sendable func guide(_ request: Request, context: AppRequestContext) async throws -> Response {
        let units = try await self.unitQueries.units().filter(\.active)
        guard let code = request.uri.queryParameters.get("unit"), !code.isEmpty else {
            return renderer.render("Portal/guide", title: "政府信息公开指南", page: PortalGuidePage(units: units), context: context)
        }
        guard let unit = units.first(where: { $0.code == String(code) }) else { throw HTTPError(.notFound) }
        let entries = try await self.publishingQueries.catalogEntries(unit: unit.code)
        let page = PortalGuidePage(units: units, unit: unit, entries: entries)
        return renderer.render("Portal/guide", title: "\(unit.name)政府信息公开指南", page: page, context: context)
    }
}

extension PortalController: ClockReading {}
