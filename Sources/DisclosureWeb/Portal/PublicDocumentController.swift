import DisclosureCore
import DisclosureStore
import Foundation
import Hummingbird

/// Public document pages and the catalog (目录) browser.
///
/// | method | path | who |
/// |---|---|---|
/// | GET | `/documents/{id}` | public — only 主动公开 + 已发布 |
/// | GET | `/catalog` | public — by unit, column (栏目) and category, paginated |
/// | GET | `/catalog/statutory` | public — 法定主动公开内容 (条例 第二十条) |
/// | GET | `/feed.atom` | public — newest publications |
struct PublicDocumentController {
    let clock: any WallClock
    let config: AppConfig
    let files: any FileStore
    let pageCache: PageCache
    let publishing: PublishingService
    let publishingQueries: PublishingQueries
    let unitQueries: UnitQueries
    let renderer: PageRenderer

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("/documents/{id}", use: document)
        router.get("/catalog", use: catalog)
        router.get("/catalog/statutory", use: statutory)
        router.get("/feed.atom", use: feed)
        router.get("/documents/{id}/attachments/{attachment}", use: attachment)
    }

    /// An attachment of a public document, served as a download with its checked media type.
    @Sendable func attachment(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let id = Int(try context.pathParameter("id")), let attachmentID = Int(try context.pathParameter("attachment")),
            let document = try await self.publishing.document(id), document.isPublic
        else { throw HTTPError(.notFound) }
        return try await attachmentResponse(attachmentID, of: document.id, queries: self.publishingQueries, files: self.files)
    }

    /// The cache key of a document page on a given day (its 时效 label changes with the date).
    static func documentKey(_ id: Int, today: CivilDate) -> String { "document:\(id):\(today)" }

    /// `/documents/{id}` opts in to the fast path: the connection handler answers it from the cache
    /// under the key `document` stores it with.
    static let cachedPage = CachedPageRoute { path, query, today in
        guard query == nil, path.hasPrefix("/documents/") else { return nil }
        let id = path.dropFirst("/documents/".count)
        guard !id.isEmpty, id.allSatisfy(\.isASCII), let number = Int(id), number > 0 else { return nil }
        return documentKey(number, today: today)
    }

    @Sendable func document(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let id = Int(try context.pathParameter("id")), id > 0 else { throw HTTPError(.notFound) }
        let body = try await self.pageCache.page(Self.documentKey(id, today: today)) { () async throws -> ByteBuffer? in
            guard let document = try await self.publishing.document(id), document.isPublic else { return nil }
            let view = try await documentView(document)
            return ByteBuffer(string: renderer.html("Portal/document", title: document.draft.title, page: view))
        }
        guard let body else { throw HTTPError(.notFound) }
        return htmlResponse(body)
    }

    func documentView(_ document: GovernmentDocument) async throws -> DocumentView {
        let units = try await self.unitQueries.names()
        var interprets: LinkView?
        if let target = document.draft.interpretsDocumentID, let related = try await self.publishingQueries.document(target), related.isPublic {
            interprets = LinkView(href: "/documents/\(related.id)", text: related.draft.title)
        }
        let interpretations = try await self.publishingQueries.interpretations(of: document.id).map {
            LinkView(href: "/documents/\($0.id)", text: $0.title)
        }
        return DocumentView(
            document, unitName: units[document.draft.unitCode] ?? document.draft.unitCode, today: today, interprets: interprets,
            interpretations: interpretations, attachments: try await self.publishingQueries.attachments(of: document.id))
    }

    struct CatalogPage: Sendable {
        struct UnitLink: Sendable {
            let href: String
            let name: String
            let selected: Bool
        }
        struct ColumnLink: Sendable {
            let href: String
            let name: String
            let kind: String
            let selected: Bool
        }
        struct UnitGroup: Sendable {
            let label: String
            let units: [UnitLink]
        }
        let unitGroups: [UnitGroup]
        let unitName: String?
        let columns: [ColumnLink]
        /// The unit (and column) shown; nil for the whole county, so the title reads 「公开目录」 alone.
        let heading: String?
        let items: [DocumentListItem]
        let pagination: Pagination
    }

    @Sendable func catalog(_ request: Request, context: AppRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let unitCode = query.get("unit").flatMap { $0.isEmpty ? nil : String($0.prefix(40)) }
        let column = query.get("column").flatMap { $0.isEmpty ? nil : String($0.prefix(40)) }
        let page = try RequestNumber.page(query.get("page"), maximum: 500)
        let key = "catalog:\(unitCode ?? "")|\(column ?? "")|\(page)|\(today)"
        let body = try await self.pageCache.page(key) { () async throws -> ByteBuffer? in
            let units = try await self.unitQueries.units().filter(\.active)
            if let unitCode, !units.contains(where: { $0.code == unitCode }) { return nil }
            let tree = UnitTree(units)
            let scope = unitCode.map { Array(tree.scope(of: $0)) }
            var columns: [CatalogPage.ColumnLink] = []
            var entryIDs: [Int]?
            if let unitCode {
                let entries = try await self.publishingQueries.catalogEntries(unit: unitCode)
                columns = PortalColumn.derive(from: entries).map { derived in
                    CatalogPage.ColumnLink(
                        href: "/catalog?unit=\(URLQuery.escape(unitCode))&column=\(URLQuery.escape(derived.name))", name: derived.name,
                        kind: derived.kind.rawValue,
                        selected: derived.name == column)
                }
                if let column { entryIDs = entries.filter { $0.column == column }.compactMap(\.id) }
            }
            let listing = self.publishingQueries
            let size = 20
            let total = try await listing.publicCount(units: scope, category: nil, catalogEntries: entryIDs)
            let rows = try await listing.publicList(units: scope, category: nil, catalogEntries: entryIDs, offset: (page - 1) * size, limit: size)
            let names = Dictionary(units.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
            let groups = Dictionary(grouping: units, by: \.kind).sorted { $0.key.rawValue < $1.key.rawValue }.map { kind, members in
                CatalogPage.UnitGroup(
                    label: kind.label,
                    units: members.map {
                        CatalogPage.UnitLink(href: "/catalog?unit=\(URLQuery.escape($0.code))", name: $0.name, selected: $0.code == unitCode)
                    })
            }
            let base =
                "/catalog?"
                + [unitCode.map { "unit=\(URLQuery.escape($0))" }, column.map { "column=\(URLQuery.escape($0))" }].compactMap { $0 }.joined(
                    separator: "&")
            let view = CatalogPage(
                unitGroups: groups, unitName: unitCode.flatMap { names[$0] }, columns: columns,
                heading: unitCode.flatMap { names[$0] }.map { [$0, column].compactMap { $0 }.joined(separator: " · ") },
                items: rows.map { DocumentListItem($0, unitName: names[$0.unitCode] ?? $0.unitCode, today: today) },
                pagination: Pagination(page: page, size: size, total: total) { "\(base)\(base.hasSuffix("?") ? "" : "&")page=\($0)" })
            return ByteBuffer(string: renderer.html("Portal/catalog", title: "公开目录", page: view))
        }
        guard let body else { throw HTTPError(.notFound) }
        return htmlResponse(body)
    }

    struct StatutoryPage: Sendable {
        struct Entry: Sendable {
            let unit: String
            let column: String
            let content: String
            let href: String
        }
        struct Item: Sendable {
            let label: String
            let entries: [Entry]
        }
        let items: [Item]
    }

    @Sendable func statutory(_ request: Request, context: AppRequestContext) async throws -> Response {
        let entries = try await self.publishingQueries.statutoryEntries()
        let names = try await self.unitQueries.names()
        let items = StatutoryItem.allCases.map { item in
            StatutoryPage.Item(
                label: item.label,
                entries: entries.filter { $0.statutoryItem == item }.map {
                    StatutoryPage.Entry(
                        unit: names[$0.unitCode] ?? $0.unitCode, column: $0.column, content: $0.content,
                        href: "/catalog?unit=\(URLQuery.escape($0.unitCode))&column=\(URLQuery.escape($0.column))")
                })
        }
        return renderer.render("Portal/statutory", title: "法定主动公开内容", page: StatutoryPage(items: items), context: context)
    }

    @Sendable func feed(_ request: Request, context: AppRequestContext) async throws -> Response {
        let rows = try await self.publishingQueries.publicChanges(since: nil, limit: 50)
        let names = try await self.unitQueries.names()
        let xml = AtomFeed.render(
            site: self.config.site, baseURL: String(self.config.site.website.reversed().drop(while: { $0 == "/" }).reversed()),
            documents: rows, unitNames: names)
        return Response(status: .ok, headers: [.contentType: "application/atom+xml; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: xml)))
    }
}

extension PublicDocumentController: ClockReading {}
