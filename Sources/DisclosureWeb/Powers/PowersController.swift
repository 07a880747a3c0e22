import DisclosureCore
import DisclosureStore
import Foundation
import Hummingbird

/// 权责清单 on the portal (issue 6 §4): browse by unit and 类别, search with the documents' engine,
/// each power's page with its flowchart and 办事指南, a print view, the flowchart as an SVG file and
/// the guide's blank forms. Cancelled powers stay listed as 取消 with their date and history.
///
/// | method | path | who |
/// |---|---|---|
/// | GET | `/powers` | public (`?unit=&category=&status=&q=&page=`) |
/// | GET | `/powers/{id}` | public |
/// | GET | `/powers/{id}/print` | public |
/// | GET | `/powers/{id}/flowchart.svg` | public |
/// | GET | `/powers/{id}/materials/{index}` | public (published guides only) |
struct PowersController {
    let files: any FileStore
    let portalSearch: PortalSearch
    let powers: PowerService
    let unitQueries: UnitQueries
    let renderer: PageRenderer
    static let pageSize = 30

    struct ListPage: Sendable {
        struct Item: Sendable {
            let id: Int
            let code: String
            let name: String
            let category: String
            let unitName: String
            let status: String
            let statusSince: String
            let isCancelled: Bool
            let isSuspended: Bool
            let promisedDays: String
            let hasGuide: Bool
        }
        struct Facet: Sendable {
            let label: String
            let count: Int
            let href: String
            let selected: Bool
        }
        let items: [Item]
        let hasItems: Bool
        let total: Int
        let query: String
        let units: [SelectOption]
        let categories: [SelectOption]
        let statuses: [SelectOption]
        let facets: [Facet]
        let nextPage: String?
        let previousPage: String?
    }

    struct PowerPage: Sendable {
        let power: PowerView
        let isPrint: Bool
    }

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("/powers", use: list)
        router.get("/powers/{id}", use: show)
        router.get("/powers/{id}/print", use: printView)
        router.get("/powers/{id}/flowchart.svg", use: flowchart)
        router.get("/powers/{id}/materials/{index}", use: material)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let units = try await self.unitQueries.units().filter(\.active)
        let names = Dictionary(units.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        let unit = query.get("unit").flatMap { names[$0] == nil ? nil : $0 }
        let category = query.get("category").flatMap(PowerCategory.init(rawValue:))
        let status = query.get("status").flatMap(PowerStatus.init(rawValue:))
        let text = String((query.get("q") ?? "").prefix(SearchQuery.maxLength))
        let pageNumber = try RequestNumber.page(query.get("page"), maximum: 1000)
        let search = SearchQuery(text)
        let matching = search.isEmpty ? nil : try await self.portalSearch.powerMatches(search)
        let result = try await self.powers.publicPage(
            units: unit.map { [$0] }, category: category, status: status, matching: matching, offset: (pageNumber - 1) * Self.pageSize,
            limit: Self.pageSize)
        func link(category: PowerCategory?, page: Int = 1) -> String {
            var parts: [String] = []
            if let unit { parts.append("unit=\(unit)") }
            if let category { parts.append("category=\(category.rawValue)") }
            if let status { parts.append("status=\(status.rawValue)") }
            if !text.isEmpty { parts.append("q=\(text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")") }
            if page > 1 { parts.append("page=\(page)") }
            return "/powers" + (parts.isEmpty ? "" : "?" + parts.joined(separator: "&"))
        }
        let items = result.powers.map { power in
            ListPage.Item(
                id: power.id, code: power.draft.code, name: power.draft.name, category: power.draft.category.label,
                unitName: names[power.draft.unitCode] ?? power.draft.unitCode, status: power.status.label, statusSince: power.statusSince.description,
                isCancelled: power.status == .cancelled, isSuspended: power.status == .suspended,
                promisedDays: power.draft.promisedDays.map { "\($0) 个工作日" } ?? "—", hasGuide: power.hasPublishedGuide)
        }
        let page = ListPage(
            items: items, hasItems: !items.isEmpty, total: result.total, query: text,
            units: [SelectOption(value: "", label: "全部单位", selected: unit == nil)]
                + units.map { SelectOption(value: $0.code, label: $0.name, selected: $0.code == unit) },
            categories: [SelectOption(value: "", label: "全部类别", selected: category == nil)]
                + PowerCategory.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == category) },
            statuses: [SelectOption(value: "", label: "全部状态", selected: status == nil)]
                + PowerStatus.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == status) },
            facets: PowerCategory.allCases.compactMap { item in
                guard let count = result.categories[item], count > 0 else { return nil }
                return ListPage.Facet(label: item.label, count: count, href: link(category: item), selected: item == category)
            },
            nextPage: pageNumber * Self.pageSize < result.total ? link(category: category, page: pageNumber + 1) : nil,
            previousPage: pageNumber > 1 ? link(category: category, page: pageNumber - 1) : nil)
        return renderer.render("Powers/list", title: "权责清单", page: page, context: context)
    }

    func power(_ context: AppRequestContext) async throws -> AdministrativePower {
        guard let id = Int(try context.pathParameter("id")) else { throw DomainError(.notFound, field: "id", "权力事项不存在") }
        return try await self.powers.power(id)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await render(context: context, isPrint: false)
    }

    @Sendable func printView(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await render(context: context, isPrint: true)
    }

    func render(context: AppRequestContext, isPrint: Bool) async throws -> Response {
        let power = try await power(context)
        let names = try await self.unitQueries.names()
        let view = PowerView(
            power, unitName: names[power.draft.unitCode] ?? power.draft.unitCode, history: try await self.powers.versions(power.id),
            publicOnly: true)
        return renderer.render("Powers/power", title: power.draft.name, page: PowerPage(power: view, isPrint: isPrint), context: context)
    }

    @Sendable func flowchart(_ request: Request, context: AppRequestContext) async throws -> Response {
        let power = try await power(context)
        guard !power.workflow.isEmpty else { throw DomainError(.notFound, field: "id", "该权力事项尚未编制办理流程") }
        let svg = FlowchartSVG.render(power.workflow, title: "\(power.draft.name)办理流程图")
        return Response(
            status: .ok,
            headers: [
                .contentType: "image/svg+xml; charset=utf-8", .cacheControl: "public, max-age=300",
                .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'",
            ],
            body: .init(byteBuffer: ByteBuffer(string: svg)))
    }

    @Sendable func material(_ request: Request, context: AppRequestContext) async throws -> Response {
        let power = try await power(context)
        guard power.hasPublishedGuide, let index = Int(try context.pathParameter("index")), let guide = power.guide,
            guide.materials.indices.contains(index), let file = guide.materials[index].template
        else { throw DomainError(.notFound, field: "index", "没有该材料的样表") }
        return try storedFileResponse(file, files: self.files)
    }
}
