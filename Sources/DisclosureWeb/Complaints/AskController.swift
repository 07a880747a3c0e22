import DisclosureCore
import DisclosureStore
import Hummingbird

/// 留言咨询 on the portal: the published Q&A (by unit, newest first) and the form to leave a
/// question. Messages appear only after the office accepts them and the unit answers; contact
/// data is never shown. The post is CSRF-checked, rate-limited and carries a honeypot field.
///
/// | method | path | who |
/// |---|---|---|
/// | GET | `/ask` | public (`?unit=CODE`, `?page=N`) |
/// | POST | `/ask` | public (URL-encoded, or multipart with one PDF/PNG/JPEG `file`) |
struct AskController {
    let config: AppConfig
    let files: any FileStore
    let messages: MessageService
    let unitQueries: UnitQueries
    let renderer: PageRenderer
    static let pageSize = 20

    struct Page: Sendable {
        struct Item: Sendable {
            let id: Int
            let title: String
            let unitName: String
            let author: String
            let askedOn: String
            let question: [String]
            let answeredOn: String
            let answer: [String]
        }
        let items: [Item]
        let hasItems: Bool
        let unitFilter: [SelectOption]
        let units: [SelectOption]
        let values: [String: String]
        let days: Int
        let submitted: Bool
        let nextPage: String?
        let previousPage: String?
    }

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("/ask", use: show)
        router.post("/ask", use: submit)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        return try await render(
            unit: query.get("unit"), page: try RequestNumber.page(query.get("page"), maximum: 1000), values: [:], submitted: query.get("sent") == "1",
            context: context)
    }

    func render(
        unit: String?, page: Int, values: [String: String], submitted: Bool, context: AppRequestContext, error: DomainError? = nil
    ) async throws -> Response {
        let units = try await self.unitQueries.units().filter(\.active)
        let names = Dictionary(units.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        let unit = unit.flatMap { names[$0] == nil ? nil : $0 }
        let messages = try await self.messages.published(unit: unit, limit: Self.pageSize + 1, offset: (page - 1) * Self.pageSize)
        let policy = try await self.messages.settings.policy()
        let items = messages.prefix(Self.pageSize).map { message in
            Page.Item(
                id: message.id, title: message.submission.title, unitName: names[message.unitCode] ?? message.unitCode,
                author: message.submission.publicName, askedOn: message.submittedOn.description,
                question: PlainText.paragraphs(message.submission.content), answeredOn: message.answeredOn?.description ?? "",
                answer: PlainText.paragraphs(message.replyText))
        }
        let filterBase = unit.map { "/ask?unit=\($0)&page=" } ?? "/ask?page="
        let body = Page(
            items: items, hasItems: !items.isEmpty,
            unitFilter: [SelectOption(value: "", label: "全部单位", selected: unit == nil)]
                + units.map { SelectOption(value: $0.code, label: $0.name, selected: $0.code == unit) },
            units: units.map { SelectOption(value: $0.code, label: $0.name, selected: $0.code == (values["unitCode"] ?? unit)) }, values: values,
            days: policy.messageDays, submitted: submitted, nextPage: messages.count > Self.pageSize ? filterBase + "\(page + 1)" : nil,
            previousPage: page > 1 ? filterBase + "\(page - 1)" : nil)
        return renderer.render(
            "Complaints/ask", title: "留言咨询", page: body, context: context, status: error?.kind.httpStatus ?? .ok, error: error?.message)
    }

    @Sendable func submit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (form, file) = try await MultipartForm.fieldsAndFile(request, field: "file")
        do {
            try Honeypot.check(form.values)
            let submission = MessageSubmission(
                unitCode: form.text("unitCode"), title: form.text("title"), content: form.values["content"] ?? "",
                authorName: form.text("authorName"),
                phone: form.text("phone"), email: form.text("email"))
            _ = try await self.messages.submit(
                submission, file: file.map { ($0.fileName, $0.bytes) }, store: self.files, from: context.clientAddress,
                quota: self.config.anonymousUploadBytesPerHour)
            return redirect(to: "/ask?sent=1")
        } catch let error as DomainError {
            return try await render(unit: nil, page: 1, values: form.values, submitted: false, context: context, error: error)
        }
    }
}
