import DisclosureCore
import DisclosureStore
import Foundation
import Hummingbird
import Mustache

/// 信息检索 on the portal: any text, filters with facet counts, highlighted snippets, sorted by
/// relevance or date. Only published 主动公开 documents are in the index.
///
/// | method | path | who |
/// |---|---|---|
/// | GET | `/search?q=&unit=&category=&year=&validity=&sort=&page=` | public |
struct SearchController {
    let pageCache: PageCache
    let hitDocuments: SearchHitDocuments
    let publishingQueries: PublishingQueries
    let portalSearch: PortalSearch
    let unitQueries: UnitQueries
    let renderer: PageRenderer
    static let pageSize = 20

    struct Facet: Sendable {
        let label: String
        let count: Int
        let href: String
        let selected: Bool
    }

    struct Hit: Sendable {
        let href: String
        let title: String
        let snippet: [SnippetPart]
        /// Unit, date and 文号, each kept on one line (a 文号 never breaks inside 〔2026〕3号).
        let meta: [String]
    }

    struct SearchPage: Sendable {
        let query: String
        let hasQuery: Bool
        let sortNewest: Bool
        let total: Int
        let hits: [Hit]
        let exact: [Hit]
        let units: [Facet]
        let categories: [Facet]
        let years: [Facet]
        let validity: [Facet]
        let filters: [Facet]
        let pagination: Pagination
        let relevanceHref: String
        let newestHref: String

        /// 政策找人 (issue 24 §2): these words as a subscription.
        var subscribeHref: String {
            "/subscribe?q=" + (String(query.prefix(40)).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        }

        /// 「找到 N 条结果。」, or what the 索引号 / 文号 found when the words found nothing.
        var summary: String {
            total == 0 && !exact.isEmpty ? "按索引号 / 文号找到 \(exact.count) 条。" : "找到 \(total) 条结果。"
        }

        var noResults: Bool { hits.isEmpty && exact.isEmpty }
    }

    /// A page body already written as HTML (the template prints it unescaped).
    struct RenderedBody: Sendable {
        let html: String
    }

    /// The request's parameters, normalised so equal searches share a cache entry.
    struct Parameters: Sendable, Hashable {
        var q: String
        var unit: String?
        var category: String?
        var year: Int?
        var validity: ValidityStatus?
        var newest: Bool
        var page: Int

        init(_ value: (String) -> String?) {
            q = String((value("q") ?? "").prefix(SearchQuery.maxLength * 2))
            unit = value("unit").flatMap { $0.isEmpty ? nil : String($0.prefix(40)) }
            category = value("category").flatMap { $0.isEmpty ? nil : String($0.prefix(40)) }
            year = value("year").flatMap { Int($0) }.flatMap { (1949...2149).contains($0) ? $0 : nil }
            validity = value("validity").flatMap { ValidityStatus(rawValue: $0) }
            newest = value("sort") == "date"
            page = min(max(Int(value("page") ?? "1") ?? 1, 1), 50)
        }

        func href(_ change: (inout Parameters) -> Void) -> String {
            var copy = self
            copy.page = 1
            change(&copy)
            var parts = ["q=\(URLQuery.escape(copy.q))"]
            if let unit = copy.unit { parts.append("unit=\(URLQuery.escape(unit))") }
            if let category = copy.category { parts.append("category=\(URLQuery.escape(category))") }
            if let year = copy.year { parts.append("year=\(year)") }
            if let validity = copy.validity { parts.append("validity=\(URLQuery.escape(validity.rawValue))") }
            if copy.newest { parts.append("sort=date") }
            if copy.page > 1 { parts.append("page=\(copy.page)") }
            return "/search?" + parts.joined(separator: "&")
        }
    }

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("/search", use: search)
    }

    @Sendable func search(_ request: Request, context: AppRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let parameters = Parameters { query.get($0) }
        let key = Self.cacheKey(parameters)
        let body = try await self.pageCache.page(key) { () async throws -> ByteBuffer? in
            let page = try await searchPage(parameters)
            return ByteBuffer(
                string: renderer.html(
                    "Portal/search", title: parameters.q.isEmpty ? "信息检索" : "检索：\(parameters.q)", page: RenderedBody(html: page.html)))
        }
        return htmlResponse(body ?? ByteBuffer())
    }

    /// `/search` opts in to the fast path under the key `search` stores its pages with.
    static let cachedPage = CachedPageRoute { path, query, _ in
        guard path == "/search" else { return nil }
        var values: [String: String] = [:]
        for pair in (query ?? "").split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(kv[0]).removingPercentEncoding ?? ""
            let value = kv.count > 1 ? (String(kv[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "") : ""
            values[key] = value
        }
        return cacheKey(Parameters { values[$0] })
    }

    static func cacheKey(_ parameters: Parameters) -> String {
        "search:\(parameters.href { _ in })|\(parameters.page)"
    }

    func searchPage(_ parameters: Parameters) async throws -> SearchPage {
        let query = SearchQuery(parameters.q)
        let units = try await self.unitQueries.recentUnits()
        let names = Dictionary(units.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        var filters = SearchFilters(category: parameters.category, year: parameters.year, validity: parameters.validity)
        if let unit = parameters.unit {
            filters.unitCodes = Array(UnitTree(units).scope(of: unit))
        }
        let result = try await self.portalSearch.documents(
            query, filters: filters, order: parameters.newest ? .newest : .relevance, offset: (parameters.page - 1) * Self.pageSize,
            limit: Self.pageSize)
        let documents = try await self.hitDocuments.documents(ids: result.documentIDs, sequence: result.sequence)
        var exact: [GovernmentDocument] = []
        // Only a query with a number can be a 索引号 or 文号: 「预算」 asks the database nothing more.
        if parameters.page == 1, !parameters.q.trimmingCharacters(in: .whitespaces).isEmpty, SearchHitDocuments.mayNameDocument(parameters.q) {
            exact = try await self.publishingQueries.publicDocuments(
                indexOrDocNumber: parameters.q.trimmingCharacters(in: .whitespaces))
        }
        let hit = { (document: GovernmentDocument) in
            Hit(
                href: "/documents/\(document.id)", title: document.draft.title,
                snippet: Snippet.make(document.draft.body, terms: query.terms, radius: 60),
                meta: [names[document.draft.unitCode] ?? document.draft.unitCode, document.publishedOn?.description ?? "", document.draft.docNumber]
                    .filter { !$0.isEmpty })
        }
        var active: [Facet] = []
        if let unit = parameters.unit {
            active.append(Facet(label: "单位：\(names[unit] ?? unit)", count: 0, href: parameters.href { $0.unit = nil }, selected: true))
        }
        if let category = parameters.category {
            active.append(Facet(label: "类别：\(category)", count: 0, href: parameters.href { $0.category = nil }, selected: true))
        }
        if let year = parameters.year { active.append(Facet(label: "年份：\(year)", count: 0, href: parameters.href { $0.year = nil }, selected: true)) }
        if let validity = parameters.validity {
            active.append(Facet(label: "有效性：\(validity.rawValue)", count: 0, href: parameters.href { $0.validity = nil }, selected: true))
        }
        return SearchPage(
            query: parameters.q, hasQuery: !query.isEmpty, sortNewest: parameters.newest, total: result.total, hits: documents.map(hit),
            exact: exact.map(hit),
            units: result.units.prefix(15).map { facet in
                let code = facet.code
                return Facet(
                    label: names[code] ?? code, count: facet.count, href: parameters.href { $0.unit = code },
                    selected: parameters.unit == code)
            },
            categories: result.categories.prefix(20).map { facet in
                Facet(
                    label: facet.name, count: facet.count, href: parameters.href { $0.category = facet.name },
                    selected: parameters.category == facet.name)
            },
            years: result.years.prefix(12).map { facet in
                Facet(
                    label: "\(facet.year)年", count: facet.count, href: parameters.href { $0.year = facet.year },
                    selected: parameters.year == facet.year)
            },
            validity: result.validity.map { facet in
                Facet(
                    label: facet.status.rawValue, count: facet.count, href: parameters.href { $0.validity = facet.status },
                    selected: parameters.validity == facet.status)
            },
            filters: active,
            pagination: Pagination(page: parameters.page, size: Self.pageSize, total: min(result.total, 50 * Self.pageSize)) { number in
                parameters.href { $0.page = number }
            },
            relevanceHref: parameters.href { $0.newest = false }, newestHref: parameters.href { $0.newest = true })
    }
}

// The search page renders twenty hits with their snippets and up to sixty facet links; looking
// each name up through `Mirror` was a quarter of the page's cost under load (issue 20).
extension SearchController.Hit: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "href": href
        case "title": title
        case "snippet": snippet
        case "meta": meta
        default: nil
        }
    }
}

extension SearchController.Facet: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "count": count
        case "href": href
        case "selected": selected
        default: nil
        }
    }
}

extension SnippetPart: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "highlighted": highlighted
        default: nil
        }
    }
}

extension SearchController.SearchPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "query": query
        case "hasQuery": hasQuery
        case "sortNewest": sortNewest
        case "total": total
        case "hits": hits
        case "exact": exact
        case "units": units
        case "categories": categories
        case "years": years
        case "validity": validity
        case "filters": filters
        case "pagination": pagination
        case "relevanceHref": relevanceHref
        case "newestHref": newestHref
        case "subscribeHref": subscribeHref
        case "summary": summary
        case "noResults": noResults
        default: nil
        }
    }
}
