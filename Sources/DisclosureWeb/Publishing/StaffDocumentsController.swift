import DisclosureCore
import DisclosureStore
import Foundation
import Hummingbird

/// Documents in the console: list with deadlines first, drafting, 保密审查, publication, withdrawal,
/// correction. Every route checks the account's unit scope; every change goes through
/// `PublishingService`, which checks role and state again and writes the audit entry.
///
/// | method | path | who |
/// |---|---|---|
/// | GET | `/staff/documents` | signed in (own scope; office, assessor, auditor: all) |
/// | GET | `/staff/documents/new` | editor, reviewer |
/// | POST | `/staff/documents` | editor, reviewer |
/// | GET | `/staff/documents/{id}` | signed in, in scope |
/// | POST | `/staff/documents/{id}` | editor, reviewer (草稿 only) |
/// | POST | `/staff/documents/{id}/{action}` | submit, return, approve, publish, withdraw, correct, attach (multipart), detach |
/// | GET | `/staff/documents/{id}/attachments/{attachment}` | signed in, in scope |
struct StaffDocumentsController {
    let accountQueries: AccountQueries
    let auditQueries: AuditQueries
    let calendar: CalendarService
    let clock: any WallClock
    let files: any FileStore
    let publishing: PublishingService
    let publishingQueries: PublishingQueries
    let unitQueries: UnitQueries
    let renderer: PageRenderer

    struct ListPage: Sendable {
        struct Row: Sendable {
            let href: String
            let indexNumber: String
            let title: String
            let unitName: String
            let state: String
            let generatedOn: String
            let deadline: String
            let severity: String
        }
        let rows: [Row]
        let states: [SelectOption]
        let canDraft: Bool
        let pagination: Pagination
    }

    struct EditPage: Sendable {
        let isNew: Bool
        let action: String
        let form: DocumentForm
    }

    struct ShowPage: Sendable {
        let view: DocumentView
        let indexNumber: String
        let timeliness: String
        let explanation: String
        let severity: String
        let canEdit: Bool
        let canSubmit: Bool
        let canReview: Bool
        let canPublish: Bool
        let canWithdraw: Bool
        let isPublic: Bool
        let edit: EditPage?
        let versions: [DocumentVersion]
        let history: [AuditRow]
        let body: String
        let scheduledAt: String?
        /// Personal data in the title and body that the reviewer must redact or confirm before
        /// approving a 主动公开 document (issue 23 §3), masked.
        var privacyQuestions: [PrivacyQuestion] = []
        var hasPrivacyQuestions = false
        let privacyScope = "document"
        /// Attachments whose text could not be read, and why (a scan, an old format, pdftotext missing).
        var attachmentNotes: [String] = []
        /// The request this draft came from (条例 第四十四条), as a link for staff.
        var sourceRequest: SourceRequest?
        struct SourceRequest: Sendable {
            let id: Int
            let reference: String
        }
        /// The 保密审查 answers given before an error, so the reviewer does not give them twice.
        var checklist = ChecklistAnswers()
        /// The same hits in a document that is not 主动公开: shown, nothing to decide.
        var privacyNotes: [String] = []
        var hasPrivacyNotes = false
    }

    func addRoutes(to router: RouterGroup<StaffRequestContext>) {
        router.get("/staff/documents", use: list)
        router.get("/staff/documents/new", use: new)
        router.post("/staff/documents", use: create)
        router.get("/staff/documents/{id}", use: show)
        router.post("/staff/documents/{id}", use: update)
        router.post("/staff/documents/{id}/{action}", use: act)
        router.get("/staff/documents/{id}/attachments/{attachment}", use: attachment)
    }

    @Sendable func attachment(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        let document = try await loadDocument(context, staff)
        guard let attachmentID = Int(try context.pathParameter("attachment")) else { throw HTTPError(.notFound) }
        return try await attachmentResponse(attachmentID, of: document.id, queries: self.publishingQueries, files: self.files)
    }

    @Sendable func list(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        let units = try await self.unitQueries.units()
        let scope = staff.identity.unitsInScope(of: UnitTree(units))
        let query = request.uri.queryParameters
        let state = query.get("state").flatMap { DocumentState(rawValue: String($0)) }
        let page = try RequestNumber.page(query.get("page"), maximum: 10_000)
        let listing = self.publishingQueries
        let total = try await listing.staffCount(units: scope, state: state)
        let rows = try await listing.staffList(units: scope, state: state, offset: (page - 1) * 50, limit: 50)
        let calendar = try await self.calendar.calendar()
        let names = Dictionary(units.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        let today = self.today
        let view = ListPage(
            rows: rows.map { row in
                let result = PublicationTimeliness.evaluate(
                    anchor: row.generatedOn, rule: row.rule, publishedOn: row.publishedOn, today: today, calendar: calendar)
                let relevant = row.attribute == .proactive && row.state != .withdrawn
                return ListPage.Row(
                    href: "/staff/documents/\(row.id)", indexNumber: row.indexNumber, title: row.title, unitName: names[row.unitCode] ?? row.unitCode,
                    state: row.state.label, generatedOn: row.generatedOn.description, deadline: relevant ? result.summary : "—",
                    severity: relevant && result.isLateOrOverdue ? "late" : "")
            },
            states: [SelectOption(value: "", label: "全部状态", selected: state == nil)]
                + DocumentState.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == state) },
            canDraft: staff.role.isUnitStaff,
            pagination: Pagination(page: page, size: 50, total: total) { "/staff/documents?\(state.map { "state=\($0.rawValue)&" } ?? "")page=\($0)" }
        )
        return renderer.render("Publishing/documents", title: "信息发布", page: view, context: context, notice: Notice.from(request))
    }

    @Sendable func new(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        guard staff.role.isUnitStaff else { throw HTTPError(.forbidden) }
        // A new draft starts on the 政府网站 channel, which every 主动公开 item needs (条例 第二十三条).
        let website = PublicationChannel.allCases.firstIndex(of: .website) ?? 0
        return try await renderForm(staff: staff, values: ["generatedOn": self.today.description, "channel\(website)": "1"], context: context)
    }

    func renderForm(staff: StaffAccount, values: [String: String], context: StaffRequestContext, error: DomainError? = nil) async throws -> Response {
        let units = try await draftingUnits(staff)
        let entries = try await self.publishingQueries.catalogEntries().filter { entry in units.contains { $0.code == entry.unitCode } }
        let page = EditPage(isNew: true, action: "/staff/documents", form: DocumentForm(values: values, units: units, entries: entries))
        return renderer.render(
            "Publishing/edit", title: "新建信息", page: page, context: context, status: error?.kind.httpStatus ?? .ok, error: error?.message)
    }

    @Sendable func create(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        let form = try await FormData.read(request, limit: RequestBodyLimit.documentText)
        do {
            let draft = try DocumentForm.draft(from: form, today: self.today)
            let document = try await self.publishing.create(draft, by: staff.identity)
            return redirect(to: "/staff/documents/\(document.id)?notice=created")
        } catch let error as DomainError {
            return try await renderForm(staff: staff, values: form.values, context: context, error: error)
        }
    }

    @Sendable func show(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        let document = try await loadDocument(context, staff)
        return try await renderShow(document, staff: staff, context: context, notice: Notice.from(request))
    }

    func renderShow(
        _ document: GovernmentDocument, staff: StaffAccount, context: StaffRequestContext, values: [String: String]? = nil, notice: String? = nil,
        error: DomainError? = nil
    ) async throws -> Response {
        let names = try await self.unitQueries.names()
        let calendar = try await self.calendar.calendar()
        let entry = try await document.draft.catalogEntryID.asyncMap { try await self.publishingQueries.catalogEntry($0) } ?? nil
        let rule = entry?.rule ?? .statutoryDefault
        let result = PublicationTimeliness.evaluate(
            anchor: document.draft.generatedOn, rule: rule, publishedOn: document.publishedOn, today: self.today, calendar: calendar)
        let role = staff.role
        let inUnit = role.isUnitStaff
        var edit: EditPage?
        if inUnit && document.state == .draft {
            let units = try await draftingUnits(staff)
            let entries = try await self.publishingQueries.catalogEntries(unit: document.draft.unitCode)
            edit = EditPage(
                isNew: false, action: "/staff/documents/\(document.id)",
                form: DocumentForm(values: values ?? DocumentForm.values(of: document), units: units, entries: entries))
        }
        let people = try await PeopleNames.load(accountQueries: self.accountQueries, unitQueries: self.unitQueries)
        var page = ShowPage(
            view: DocumentView(
                document, unitName: names[document.draft.unitCode] ?? document.draft.unitCode, today: self.today, interprets: nil,
                interpretations: [], attachments: try await self.publishingQueries.attachments(of: document.id),
                attachmentBase: "/staff/documents"),
            indexNumber: document.indexNumber,
            timeliness: document.draft.attribute == .proactive ? result.summary : "非主动公开信息，不计公开时限",
            explanation: "依据：\(rule.text)（条例第二十六条）。" + result.due.explanation, severity: result.isLateOrOverdue ? "late" : "",
            canEdit: edit != nil, canSubmit: inUnit && DocumentAction.submit.from.contains(document.state),
            canReview: role == .reviewer && document.state == .pendingReview,
            canPublish: role == .reviewer && DocumentAction.publish.from.contains(document.state) && document.draft.attribute == .proactive,
            canWithdraw: role == .reviewer && document.state == .published, isPublic: document.isPublic, edit: edit,
            versions: try await self.publishingQueries.versions(of: document.id),
            history: try await self.auditQueries.recent(limit: 50, target: "document:\(document.id)").map { [people] in AuditRow($0, names: people) },
            body: document.draft.body, scheduledAt: document.state == .scheduled ? document.publishAt.map { CivilDateTime(instant: $0).text } : nil)
        page.attachmentNotes = try await self.publishingQueries.attachmentTexts(of: document.id).compactMap { file in
            file.status.note.map { "「\(file.attachment.fileName)」\($0)" }
        }
        page.sourceRequest = try await self.publishingQueries.sourceRequest(ofDocument: document.id).map { .init(id: $0.id, reference: $0.reference) }
        if page.canReview {
            page.checklist = ChecklistAnswers(values)
            let open = try await self.publishing.openPrivacyFindings(document)
            if document.draft.attribute == .proactive {
                page.privacyQuestions = PrivacyQuestion.list(
                    open, texts: try await self.publishing.privacyTexts(document), scope: "document", values: values)
                page.hasPrivacyQuestions = !open.isEmpty
            } else {
                page.privacyNotes = open.map(\.label)
                page.hasPrivacyNotes = !open.isEmpty
            }
        }
        return renderer.render(
            "Publishing/document", title: document.draft.title, page: page, context: context, status: error?.kind.httpStatus ?? .ok, notice: notice,
            error: error?.message)
    }

    @Sendable func update(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        let document = try await loadDocument(context, staff)
        let form = try await FormData.read(request, limit: RequestBodyLimit.documentText)
        do {
            var draft = try DocumentForm.draft(from: form, today: self.today)
            draft.unitCode = document.draft.unitCode
            try await self.publishing.update(document.id, draft, by: staff.identity)
            return redirect(to: "/staff/documents/\(document.id)?notice=saved")
        } catch let error as DomainError {
            return try await renderShow(document, staff: staff, context: context, values: form.values, error: error)
        }
    }

    @Sendable func act(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        let document = try await loadDocument(context, staff)
        let action = try context.pathParameter("action")
        if action == "attach" {
            do {
                guard let upload = try await MultipartForm.read(request), let file = upload.files["file"], !file.fileName.isEmpty else {
                    throw DomainError.invalid("file", "请选择要上传的附件")
                }
                _ = try await self.publishing.attach(
                    document.id, fileName: file.fileName, bytes: file.bytes, store: self.files, by: staff.identity)
                return redirect(to: "/staff/documents/\(document.id)?notice=attach")
            } catch let error as DomainError {
                return try await renderShow(document, staff: staff, context: context, error: error)
            }
        }
        let form = try await FormData.read(request)
        let service = self.publishing
        let identity = staff.identity
        do {
            switch action {
            case "submit": try await service.submit(document.id, by: identity)
            case "return": try await service.returnToDraft(document.id, note: form.text("note"), by: identity)
            case "approve":
                let checklist = ReviewChecklist(
                    containsStateSecrets: form["containsStateSecrets"] != "no", containsPrivateOrCommercialData: form["containsPrivateData"] != "no",
                    wordingAccurate: form["wordingAccurate"] == "yes", note: form.text("note"))
                try await service.approve(document.id, checklist: checklist, privacy: PrivacyQuestion.answers(form), by: identity)
            case "publish":
                let when = form.text("publishAt")
                var moment: Date?
                if !when.isEmpty {
                    guard let parsed = CivilDateTime.parse(when) else { throw DomainError.invalid("publishAt", "定时发布时间应为 YYYY-MM-DDTHH:MM") }
                    moment = parsed
                }
                try await service.publish(document.id, at: moment, by: identity)
            case "withdraw": try await service.withdraw(document.id, reason: form.text("reason"), by: identity)
            case "detach":
                guard let attachmentID = Int(form.text("attachmentID")) else { throw DomainError.invalid("attachmentID", "附件编号无效") }
                try await service.detach(attachmentID, by: identity)
            case "correct":
                try await service.correct(document.id, title: form.text("title"), body: form["body"] ?? "", notice: form.text("notice"), by: identity)
            default: throw HTTPError(.notFound)
            }
            let notice = action == "return" ? "document-return" : ["detach"].contains(action) ? action : "document-\(action)"
            return redirect(to: "/staff/documents/\(document.id)?notice=\(Notice(rawValue: notice)?.rawValue ?? "saved")")
        } catch let error as DomainError {
            let fresh = try await self.publishing.document(document.id) ?? document
            // The reviewer's privacy answers come back with the error, so none has to be given twice.
            return try await renderShow(fresh, staff: staff, context: context, values: action == "approve" ? form.values : nil, error: error)
        }
    }

    func loadDocument(_ context: StaffRequestContext, _ staff: StaffAccount) async throws -> GovernmentDocument {
        guard let id = Int(try context.pathParameter("id")) else { throw HTTPError(.notFound) }
        do {
            return try await self.publishing.document(id, visibleTo: staff.identity)
        } catch let error as DomainError where error.kind == .notFound {
            throw HTTPError(.notFound)
        }
    }

    /// The units an editor or reviewer may draft for: their own and its sub-units.
    func draftingUnits(_ staff: StaffAccount) async throws -> [OrgUnit] {
        let units = try await self.unitQueries.units().filter(\.active)
        let scope = UnitTree(units).scope(of: staff.unitCode)
        return units.filter { scope.contains($0.code) }
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}

extension StaffDocumentsController: ClockReading {}
