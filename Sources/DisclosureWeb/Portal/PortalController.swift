import DisclosureCore
import DisclosureStore
import Hummingbird

/// The public portal (DESIGN §5).
///
/// | method | path | who |
/// |---|---|---|
/// | GET | `/` | public |
/// | GET | `/guide` | public — 政府信息公开指南 (条例 第十二条) |
/// | GET | `/sitemap` | public — 网站地图: every section and unit |
/// | GET | `/catalog`, `/search`, `/apply`, `/track`, `/complain`, `/ask`, `/powers`, `/reports`, `/assessments` | public — sections opened by later modules |
struct PortalController {
    let clock: any WallClock
    let portalQueries: PortalQueries
    let publishingQueries: PublishingQueries
    let unitQueries: UnitQueries
    let renderer: PageRenderer

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("/", use: home)
        router.get("/guide", use: guide)
        router.get("/sitemap", use: sitemap)
        for section in PortalSection.all where !section.isOpen {
            router.get(RouterPath(section.path)) { _, context in
                renderer.render("Portal/section", title: section.title, page: section, context: context)
            }
        }
    }

    @Sendable func home(_ request: Request, context: AppRequestContext) async throws -> Response {
        let units = try await self.unitQueries.units().filter(\.active)
        let names = Dictionary(units.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        let entries = try await self.publishingQueries.catalogEntries()
        // 通知公告: every column of the 通知公告 kind across the county; 政策解读: the 解读 columns.
        let notices = entries.filter { $0.columnKind == .notices }.compactMap(\.id)
        let interpretations = entries.filter { $0.primaryItem.contains("解读") }.compactMap(\.id)
        func column(_ id: String, _ title: String, more: String, entries: [Int]?) async throws -> PortalHomePage.Column {
            let rows =
                entries?.isEmpty == true
                ? [] : try await self.publishingQueries.publicList(units: nil, category: nil, catalogEntries: entries, offset: 0, limit: 8)
            return PortalHomePage.Column(
                id: id, title: title, more: more, items: rows.map { DocumentListItem($0, unitName: names[$0.unitCode] ?? $0.unitCode, today: today) })
        }
        let columns = [
            try await column("latest", "最新公开", more: "/catalog", entries: nil),
            try await column("notices", "通知公告", more: "/catalog", entries: notices),
            try await column("interpretations", "政策解读", more: "/search?q=%E8%A7%A3%E8%AF%BB&sort=date", entries: interpretations),
        ]
        let answered = try await self.portalQueries.answered(in: today.year)
        let services = [
            PortalHomePage.Service(
                title: "依申请公开", summary: "向行政机关申请获取政府信息", href: "/apply", action: "在线申请", count: answered.requests, countLabel: "件申请已答复"),
            PortalHomePage.Service(
                title: "投诉举报", summary: "对政务公开工作提出投诉举报", href: "/complain", action: "我要投诉", count: answered.complaints, countLabel: "件投诉已办结"),
            PortalHomePage.Service(
                title: "留言咨询", summary: "咨询政务公开相关问题", href: "/ask", action: "我要咨询", count: answered.messages, countLabel: "条留言已答复"),
        ]
        let page = PortalHomePage(units: units, today: today, columns: columns, services: services, year: today.year)
        return renderer.render("Portal/home", title: "首页", page: page, context: context)
    }

    /// 网站地图: every section and every unit's catalog and guide.
    @Sendable func sitemap(_ request: Request, context: AppRequestContext) async throws -> Response {
        let units = try await self.unitQueries.units().filter(\.active)
        return renderer.render("Portal/sitemap", title: "网站地图", page: PortalHomePage(units: units, today: today), context: context)
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
