import DisclosureCore
import DisclosureStore
import Foundation
import Hummingbird

/// Letters (print view on A4, text download, service record), appeals, the office's letter
/// templates and the reminder outbox.
///
/// | method | path | who |
/// |---|---|---|
/// | GET | `/staff/letters/{id}`, `/staff/letters/{id}/download` | signed in, in scope |
/// | POST | `/staff/letters/{id}/delivery` | editor, reviewer of the unit |
/// | POST | `/staff/requests/{id}/appeals`, `/staff/appeals/{id}` | the unit's editor or reviewer, office |
/// | GET | `/staff/letter-templates`; POST `/staff/letter-templates/{key}` | office |
/// | GET | `/staff/outbox` | signed in (own scope) |
struct StaffLettersController {
    let requestQueries: RequestQueries
    let requests: RequestService
    let unitQueries: UnitQueries
    let renderer: PageRenderer

    struct LetterPage: Sendable {
        let number: String
        let title: String
        let addressee: String
        let paragraphs: [String]
        let unitName: String
        let issuedOn: String
        let backHref: String
        var backLabel = "返回申请"
    }

    struct TemplatesPage: Sendable {
        struct Item: Sendable {
            let key: String
            let label: String
            let text: String
        }
        let items: [Item]
        let fields: String
    }

    struct OutboxPage: Sendable {
        struct Row: Sendable {
            let createdAt: String
            let unitName: String
            let subject: String
            let body: String
            let href: String?
        }
        let rows: [Row]
    }

    func addRoutes(to router: RouterGroup<StaffRequestContext>) {
        router.get("/staff/letters/{id}", use: letter)
        router.get("/staff/letters/{id}/download", use: download)
        router.post("/staff/letters/{id}/delivery", use: delivery)
        router.post("/staff/requests/{id}/appeals", use: createAppeal)
        router.post("/staff/appeals/{id}", use: decideAppeal)
        router.get("/staff/letter-templates", use: templates)
        router.post("/staff/letter-templates/{key}", use: saveTemplate)
        router.get("/staff/outbox", use: outbox)
    }

    func loadLetter(_ context: StaffRequestContext) async throws -> (StaffAccount, IssuedLetter) {
        let staff = context.staff
        guard let id = Int(try context.pathParameter("id")) else { throw DomainError(.notFound, field: "letter", "告知书不存在") }
        return (staff, try await self.requests.letter(id, visibleTo: staff.identity))
    }

    @Sendable func letter(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let (_, letter) = try await loadLetter(context)
        let unitName = try await self.unitQueries.names()[letter.unitCode] ?? letter.unitCode
        let paragraphs = PlainText.paragraphs(letter.body)
        let page = LetterPage(
            number: letter.number, title: letter.title, addressee: letter.addressee, paragraphs: paragraphs, unitName: unitName,
            issuedOn: letter.issuedOn.chineseText, backHref: "/staff/requests/\(letter.requestID)")
        return renderer.render("Requests/letter", title: letter.title, page: page, context: context)
    }

    /// The letter as a Word file (A4, GB/T 9704 layout) to print, seal and send.
    @Sendable func download(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let (_, letter) = try await loadLetter(context)
        let unitName = try await self.unitQueries.names()[letter.unitCode] ?? letter.unitCode
        return downloadResponse(
            [UInt8](try LetterDocument.docx(letter, unitName: unitName)), type: DOCXDocument.mediaType,
            name: LetterDocument.fileName(letter, unitName: unitName), fallback: "letter-\(letter.id).docx")
    }

    @Sendable func delivery(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let (staff, letter) = try await loadLetter(context)
        let form = try await FormData.read(request)
        guard let method = LetterDelivery(rawValue: form.text("delivery")) else { throw DomainError.invalid("delivery", "请选择送达方式") }
        guard let date = CivilDate(iso: form.text("deliveredOn")) else { throw DomainError.invalid("deliveredOn", "送达日期应为 YYYY-MM-DD") }
        try await self.requests.recordDelivery(
            letter: letter.id, method, on: date, trackingNumber: form.text("trackingNumber"), by: staff.identity)
        return redirect(to: "/staff/requests/\(letter.requestID)?notice=delivered")
    }

    @Sendable func createAppeal(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        guard let id = Int(try context.pathParameter("id")) else { throw DomainError(.notFound, field: "id", "申请不存在") }
        _ = try await self.requests.request(id, visibleTo: staff.identity)
        let form = try await FormData.read(request)
        let appeal = try Self.appeal(from: form, requestID: id)
        _ = try await self.requests.recordAppeal(appeal, by: staff.identity)
        return redirect(to: "/staff/requests/\(id)?notice=appeal")
    }

    static func appeal(from form: FormData, requestID: Int) throws -> Appeal {
        guard let kind = AppealKind(rawValue: form.text("kind")) else { throw DomainError.invalid("kind", "请选择复议或诉讼类型") }
        guard let filedOn = CivilDate(iso: form.text("filedOn")) else { throw DomainError.invalid("filedOn", "申请复议或起诉日期应为 YYYY-MM-DD") }
        guard let result = AppealResult(rawValue: form.text("result")) else { throw DomainError.invalid("result", "请选择结果") }
        let decided = form.text("decidedOn")
        guard decided.isEmpty || CivilDate(iso: decided) != nil else { throw DomainError.invalid("decidedOn", "审结日期应为 YYYY-MM-DD") }
        return Appeal(
            id: 0, requestID: requestID, kind: kind, filedOn: filedOn, authority: form.text("authority"), result: result,
            decidedOn: CivilDate(iso: decided), note: form.text("note"))
    }

    @Sendable func decideAppeal(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        guard let id = Int(try context.pathParameter("id")) else { throw DomainError(.notFound, field: "appeal", "记录不存在") }
        let form = try await FormData.read(request)
        guard let result = AppealResult(rawValue: form.text("result")) else { throw DomainError.invalid("result", "请选择结果") }
        let decided = form.text("decidedOn")
        guard decided.isEmpty || CivilDate(iso: decided) != nil else { throw DomainError.invalid("decidedOn", "审结日期应为 YYYY-MM-DD") }
        try await self.requests.decideAppeal(id, result: result, decidedOn: CivilDate(iso: decided), note: form.text("note"), by: staff.identity)
        let requestID = try await self.requestQueries.appeal(id)?.requestID ?? 0
        return redirect(to: "/staff/requests/\(requestID)?notice=saved")
    }

    @Sendable func templates(_ request: Request, context: StaffRequestContext) async throws -> Response {
        _ = try context.requireOffice()
        var items: [TemplatesPage.Item] = []
        for (key, label) in RequestService.templateKeys {
            items.append(.init(key: key, label: label, text: try await self.requests.templateText(key: key)))
        }
        let page = TemplatesPage(items: items, fields: LetterTemplate.fields.map { "{{\($0)}}" }.joined(separator: " "))
        return renderer.render("Requests/templates", title: "告知书模板", page: page, context: context, notice: Notice.from(request))
    }

    @Sendable func saveTemplate(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = try context.requireOffice()
        let key = try context.pathParameter("key")
        let form = try await FormData.read(request)
        try await self.requests.saveTemplate(key: key, text: form.values["text"] ?? "", by: staff.identity)
        return redirect(to: "/staff/letter-templates?notice=saved")
    }

    @Sendable func outbox(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        let tree = try await self.unitQueries.tree()
        let names = try await self.unitQueries.names()
        let messages = try await self.requestQueries.outbox(units: staff.identity.unitsInScope(of: tree), limit: 200)
        let page = OutboxPage(
            rows: messages.map {
                .init(
                    createdAt: CivilDateTime(stored: $0.createdAt).text, unitName: names[$0.unitCode] ?? $0.unitCode,
                    subject: $0.subject, body: $0.body, href: $0.requestID.map { "/staff/requests/\($0)" })
            })
        return renderer.render("Requests/outbox", title: "期限提醒记录", page: page, context: context)
    }
}
