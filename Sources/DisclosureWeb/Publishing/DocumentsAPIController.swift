import DisclosureCore
import DisclosureStore
import Foundation
import Hummingbird

/// JSON API for documents and the catalog (DESIGN §5; documented in `openapi.json`).
///
/// | method | path | who |
/// |---|---|---|
/// | GET | `/api/v1/public/documents`, `/public/documents/{id}`, `/public/search`, `/public/changes` | public — only 主动公开 + 已发布 |
/// | GET | `/api/v1/catalog` | public |
/// | POST | `/api/v1/catalog` | office token |
/// | GET | `/api/v1/documents`, `/documents/{id}` | staff token, unit scope |
/// | POST | `/api/v1/documents` | editor or reviewer token |
/// | PATCH | `/api/v1/documents/{id}` | editor or reviewer token, 草稿 only |
/// | POST | `/api/v1/documents/{id}/transitions` | per action (see `DocumentAction`) |
/// | POST | `/api/v1/documents/{id}/attachments?name=` | editor or reviewer token, 草稿 only; raw file body |
struct DocumentsAPIController {
    let catalog: CatalogService
    let clock: any WallClock
    let files: any FileStore
    let publishing: PublishingService
    let portalSearch: PortalSearch
    let hitDocuments: SearchHitDocuments
    let publishingQueries: PublishingQueries
    let unitQueries: UnitQueries

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("public/documents", use: publicList)
        group.get("public/documents/{id}", use: publicDocument)
        group.get("public/search", use: search)
        group.get("public/changes", use: changes)
        group.get("catalog", use: catalog)
        group.post("catalog", use: createCatalogEntry)
        group.get("documents", use: staffList)
        group.get("documents/{id}", use: staffDocument)
        group.post("documents", use: create)
        group.patch("documents/{id}", use: update)
        group.post("documents/{id}/transitions", use: transition)
        group.post("documents/{id}/attachments", use: attach)
    }

    struct AttachmentBody: Encodable, Sendable {
        let id: Int
        let fileName: String
        let mediaType: String
        let size: Int
        let sha256: String
    }

    @Sendable func attach(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        guard let id = Int(try context.pathParameter("id")) else { throw DomainError(.notFound, field: "id", "文件不存在") }
        guard let name = request.uri.queryParameters.get("name"), !name.isEmpty else { throw DomainError.invalid("name", "缺少参数 name（附件文件名）") }
        let buffer = try await request.readBody(upTo: AttachmentKind.maxBytes + 1)
        let stored = try await self.publishing.attach(
            id, fileName: String(name), bytes: Array(buffer.readableBytesView), store: self.files, by: staff.identity)
        return try jsonResponse(
            AttachmentBody(id: stored.id, fileName: stored.fileName, mediaType: stored.mediaType, size: stored.size, sha256: stored.sha256),
            status: .created)
    }

    struct Page<Item: Encodable & Sendable>: Encodable, Sendable {
        let total: Int
        let page: Int
        let items: [Item]
    }

    @Sendable func publicList(_ request: Request, context: AppRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let page = try RequestNumber.page(query.get("page"), maximum: 10_000)
        let units = try await scope(unit: query.get("unit").map { String($0) })
        let category = query.get("category").flatMap { $0.isEmpty ? nil : String($0) }
        let listing = self.publishingQueries
        let total = try await listing.publicCount(units: units, category: category)
        let rows = try await listing.publicList(units: units, category: category, offset: (page - 1) * 20, limit: 20)
        return try jsonResponse(Page(total: total, page: page, items: rows.map { DocumentSummaryBody($0, today: self.today) }))
    }

    @Sendable func publicDocument(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let id = Int(try context.pathParameter("id")), let document = try await self.publishing.document(id), document.isPublic else {
            throw DomainError(.notFound, field: "id", "文件不存在或未公开")
        }
        return try jsonResponse(DocumentBody(document, today: self.today))
    }

    struct Facet: Encodable, Sendable {
        let value: String
        let count: Int
    }

    struct SearchBody: Encodable, Sendable {
        let query: String
        let total: Int
        let page: Int
        let items: [DocumentSummaryBody]
        let facets: [String: [Facet]]
    }

    @Sendable func search(_ request: Request, context: AppRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let parameters = SearchController.Parameters { query.get($0) }
        var filters = SearchFilters(category: parameters.category, year: parameters.year, validity: parameters.validity)
        if let unit = parameters.unit { filters.unitCodes = try await scope(unit: unit) }
        let facets = query.get("facets") != "0"
        let result = try await self.portalSearch.documents(
            SearchQuery(parameters.q), filters: filters, order: parameters.newest ? .newest : .relevance, offset: (parameters.page - 1) * 20,
            limit: 20,
            facets: facets)
        let documents = try await self.hitDocuments.documents(ids: result.documentIDs, sequence: result.sequence)
        let today = self.today
        let items = documents.map { DocumentSummaryBody($0, today: today) }
        return try jsonResponse(
            SearchBody(
                query: parameters.q, total: result.total, page: parameters.page, items: items,
                facets: [
                    "unit": result.units.map { Facet(value: $0.code, count: $0.count) },
                    "category": result.categories.map { Facet(value: $0.name, count: $0.count) },
                    "year": result.years.map { Facet(value: String($0.year), count: $0.count) },
                    "validity": result.validity.map { Facet(value: $0.status.rawValue, count: $0.count) },
                ]))
    }

    @Sendable func changes(_ request: Request, context: AppRequestContext) async throws -> Response {
        var since: Date?
        if let text = request.uri.queryParameters.get("since"), !text.isEmpty {
            guard let parsed = Timestamp.date(String(text)) ?? CivilDateTime.parse(String(text)) else {
                throw DomainError.invalid("since", "since 应为 ISO 8601 时间，如 2026-11-21T08:00:00.000Z")
            }
            since = parsed
        }
        let rows = try await self.publishingQueries.publicChanges(since: since, limit: 500)
        return try jsonResponse(Page(total: rows.count, page: 1, items: rows.map { DocumentSummaryBody($0, today: self.today) }))
    }

    @Sendable func catalog(_ request: Request, context: AppRequestContext) async throws -> Response {
        let unit = request.uri.queryParameters.get("unit").flatMap { $0.isEmpty ? nil : String($0) }
        return try jsonResponse(try await self.catalog.entries(unit: unit))
    }

    @Sendable func createCatalogEntry(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireOffice()
        let entry = try await decodeJSON(CatalogEntry.self, from: request)
        let id = try await self.catalog.create(entry, by: .staff(staff.identity))
        var stored = entry
        stored.id = id
        return try jsonResponse(stored, status: .created)
    }

    @Sendable func staffList(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let units = try await self.unitQueries.units()
        let scope = staff.identity.unitsInScope(of: UnitTree(units))
        let query = request.uri.queryParameters
        let state = try query.get("state").map { text -> DocumentState in
            guard let state = DocumentState(rawValue: String(text)) else { throw DomainError.invalid("state", "状态无效") }
            return state
        }
        let page = try RequestNumber.page(query.get("page"), maximum: 10_000)
        let listing = self.publishingQueries
        let total = try await listing.staffCount(units: scope, state: state)
        let rows = try await listing.staffList(units: scope, state: state, offset: (page - 1) * 50, limit: 50)
        return try jsonResponse(Page(total: total, page: page, items: rows.map { DocumentSummaryBody($0, today: self.today) }))
    }

    @Sendable func staffDocument(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        guard let id = Int(try context.pathParameter("id")) else { throw DomainError(.notFound, field: "id", "文件不存在") }
        return try jsonResponse(DocumentBody(try await self.publishing.document(id, visibleTo: staff.identity), today: self.today))
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let body = try await decodeJSON(DraftBody.self, from: request, limit: RequestBodyLimit.documentText)
        let document = try await self.publishing.create(try body.apply(to: nil), by: staff.identity)
        return try jsonResponse(DocumentBody(document, today: self.today), status: .created)
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        guard let id = Int(try context.pathParameter("id")) else { throw DomainError(.notFound, field: "id", "文件不存在") }
        let existing = try await self.publishing.document(id, visibleTo: staff.identity)
        let body = try await decodeJSON(DraftBody.self, from: request, limit: RequestBodyLimit.documentText)
        try await self.publishing.update(id, try body.apply(to: existing.draft), by: staff.identity)
        return try jsonResponse(DocumentBody(try await self.publishing.document(id, visibleTo: staff.identity), today: self.today))
    }

    @Sendable func transition(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        guard let id = Int(try context.pathParameter("id")) else { throw DomainError(.notFound, field: "id", "文件不存在") }
        _ = try await self.publishing.document(id, visibleTo: staff.identity)
        let body = try await decodeJSON(TransitionBody.self, from: request)
        let service = self.publishing
        let identity = staff.identity
        switch body.action {
        case "submit": try await service.submit(id, by: identity)
        case "return": try await service.returnToDraft(id, note: body.note ?? "", by: identity)
        case "approve":
            let checklist = ReviewChecklist(
                containsStateSecrets: body.containsStateSecrets ?? true,
                containsPrivateOrCommercialData: body.containsPrivateOrCommercialData ?? true,
                wordingAccurate: body.wordingAccurate ?? false, note: body.note ?? "")
            let answers = (body.privacy ?? []).prefix(100).enumerated().map { index, answer in
                (index, PrivacyReview.Answer(action: answer.action, reason: answer.reason ?? "", masked: answer.masked))
            }
            try await service.approve(id, checklist: checklist, privacy: Dictionary(uniqueKeysWithValues: answers), by: identity)
        case "publish":
            var moment: Date?
            if let text = body.publishAt, !text.isEmpty {
                guard let parsed = Timestamp.date(text) ?? CivilDateTime.parse(text) else {
                    throw DomainError.invalid("publishAt", "publishAt 应为 ISO 8601 时间")
                }
                moment = parsed
            }
            try await service.publish(id, at: moment, by: identity)
        case "withdraw": try await service.withdraw(id, reason: body.reason ?? "", by: identity)
        case "correct":
            let existing = try await self.publishing.document(id, visibleTo: identity)
            try await service.correct(
                id, title: body.title ?? existing.draft.title, body: body.body ?? existing.draft.body, notice: body.notice ?? "", by: identity)
        default:
            throw DomainError.invalid("action", "action 应为 submit、return、approve、publish、withdraw 或 correct")
        }
        return try jsonResponse(DocumentBody(try await self.publishing.document(id, visibleTo: identity), today: self.today))
    }

    /// A unit and its sub-units, or nil for all units.
    func scope(unit: String?) async throws -> [String]? {
        guard let unit, !unit.isEmpty else { return nil }
        return Array(UnitTree(try await self.unitQueries.recentUnits()).scope(of: unit))
    }
}

extension DocumentsAPIController: ClockReading {}
