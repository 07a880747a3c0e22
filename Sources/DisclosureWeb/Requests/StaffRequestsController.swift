import DisclosureCore
import DisclosureStore
import Hummingbird

/// 依申请公开 in the console: the case list with deadlines first, counter intake, the case view
/// with its clock explanation, and every workflow step. `RequestService` checks role, unit and
/// state again and writes the audit entry.
///
/// | method | path | who |
/// |---|---|---|
/// | GET | `/staff/requests` | signed in (own scope; office, assessor, auditor: all) |
/// | GET, POST | `/staff/requests/new`, `/staff/requests` | editor, reviewer |
/// | GET | `/staff/requests/{id}` | signed in, in scope; personal data unmasked only for the handling unit |
/// | POST | `/staff/requests/{id}/actions/{action}` | per `RequestAction` |
/// | POST | `/staff/requests/{id}/files` (multipart), `/staff/requests/{id}/files/{file}/remove` | editor, reviewer of the unit, case open |
/// | GET | `/staff/requests/{id}/files/{file}` | signed in, in scope |
struct StaffRequestsController {
    let accountQueries: AccountQueries
    let calendar: CalendarService
    let clock: any WallClock
    let deliveries: DeliveryService
    let files: any FileStore
    let publishedMatches: PublishedMatchFinder
    let requests: RequestService
    /// The portal's address, for the links a reply gives (`DISCLOSURE_SITE_URL`).
    let siteBase: String
    let unitQueries: UnitQueries
    let renderer: PageRenderer

    struct ListPage: Sendable {
        struct Row: Sendable {
            let href: String
            let reference: String
            let sought: String
            let applicant: String
            let applicantKind: String
            let unitName: String
            let state: String
            let due: String
            let severity: String
            /// Overdue, due within 3 working days, paused or awaiting confirmation: shown on the dashboard.
            let needsAttention: Bool
        }
        let rows: [Row]
        let showAll: Bool
        let canIntake: Bool
        let counts: RequestCounts
    }

    struct NewPage: Sendable {
        let form: ApplicationForm
        let receivedOn: String
    }

    func addRoutes(to router: RouterGroup<StaffRequestContext>) {
        router.get("/staff/requests", use: list)
        router.get("/staff/requests/new", use: new)
        router.post("/staff/requests", use: create)
        router.get("/staff/requests/{id}", use: show)
        router.post("/staff/requests/{id}/actions/{action}", use: act)
        router.post("/staff/requests/{id}/files", use: addFile)
        router.post("/staff/requests/{id}/files/{file}/remove", use: removeFile)
        router.get("/staff/requests/{id}/files/{file}", use: file)
        router.get("/staff/requests/{id}/files/{file}/redact", use: redactionForm)
        router.post("/staff/requests/{id}/files/{file}/redact", use: redactFile)
        router.get("/staff/requests/{id}/files/{file}/pages/{page}", use: redactionPagePreview)
        router.post("/staff/requests/{id}/link", use: link)
        router.post("/staff/requests/{id}/privacy", use: confirmPrivacy)
        router.post("/staff/requests/{id}/publish", use: publish)
        router.post("/staff/requests/{id}/answer-published", use: answerPublished)
        router.post("/staff/requests/{id}/repeat", use: decideRepeat)
    }

    @Sendable func list(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        let showAll = request.uri.queryParameters.get("view") == "all"
        let (rows, counts) = try await Self.rows(
            staff: staff, calendar: self.calendar, requests: self.requests, unitQueries: self.unitQueries, today: today, openOnly: !showAll)
        let page = ListPage(rows: rows, showAll: showAll, canIntake: staff.role.isUnitStaff, counts: counts)
        return renderer.render("Requests/requests", title: "依申请公开", page: page, context: context, notice: Notice.from(request))
    }

    /// The account's requests, most urgent first, with the counts of open ones (list and dashboard).
    static func rows(
        staff: StaffAccount, calendar calendarService: CalendarService, requests requestService: RequestService, unitQueries: UnitQueries,
        today: CivilDate,
        openOnly: Bool
    ) async throws -> ([ListPage.Row], RequestCounts) {
        let requests = try await requestService.requests(visibleTo: staff.identity, openOnly: openOnly)
        let calendar = try await calendarService.calendar()
        let names = try await unitQueries.names()
        let clocks = requests.map { requestService.clock(of: $0, calendar: calendar) }
        let ordered = zip(requests, clocks).sorted { RequestView.urgency($0.0, $0.1) < RequestView.urgency($1.0, $1.1) }
        let rows = ordered.map { request, clock in
            ListPage.Row(
                href: "/staff/requests/\(request.id)", reference: request.reference, sought: RequestView.sought(request.application),
                applicant: RequestView.Applicant(request.application, unmasked: false).name,
                applicantKind: request.application.applicantKind.rawValue,
                unitName: names[request.application.unitCode] ?? request.application.unitCode, state: request.state.label,
                due: RequestView.dueText(clock, state: request.state), severity: RequestView.severity(clock),
                needsAttention: request.state.isOpen && RequestView.urgency(request, clock).0 < 4)
        }
        return (rows, RequestCounts(zip(requests, clocks).filter { $0.0.state.isOpen }))
    }

    @Sendable func new(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        guard staff.role.isUnitStaff else { throw HTTPError(.forbidden) }
        return try await renderNew(
            staff: staff,
            values: [
                "unitCode": staff.unitCode, "channel": RequestChannel.inPerson.rawValue, "receivedOn": today.description,
                "idType": IdentityDocumentType.residentID.rawValue,
            ], context: context)
    }

    func renderNew(staff: StaffAccount, values: [String: String], context: StaffRequestContext, error: DomainError? = nil) async throws -> Response {
        let tree = try await self.unitQueries.tree()
        let scope = tree.scope(of: staff.unitCode)
        let units = try await self.unitQueries.units().filter { scope.contains($0.code) && $0.active }
        return renderer.render(
            "Requests/request-new", title: "登记申请",
            page: NewPage(form: ApplicationForm(values: values, units: units), receivedOn: values["receivedOn"] ?? ""),
            context: context, status: error?.kind.httpStatus ?? .ok, error: error?.message)
    }

    @Sendable func create(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        let form = try await FormData.read(request, limit: 64 * 1024)
        do {
            let application = try ApplicationForm.application(from: form, channel: nil)
            let receivedText = form.text("receivedOn")
            var receivedOn: CivilDate?
            if !receivedText.isEmpty {
                guard let parsed = CivilDate(iso: receivedText) else { throw DomainError.invalid("receivedOn", "收到申请之日应为 YYYY-MM-DD") }
                receivedOn = parsed
            }
            let receipt = try await self.requests.intake(application, receivedOn: receivedOn, by: staff.identity)
            // The 查询码 is shown once, here, for the applicant's receipt; it never goes into a URL.
            return try await renderCase(
                receipt.id, staff: staff, context: context, status: .created,
                notice: "已登记。受理编号 \(receipt.reference)，查询码 \(receipt.queryCode)（仅显示一次，请告知申请人）。")
        } catch let error as DomainError {
            return try await renderNew(staff: staff, values: form.values, context: context, error: error)
        }
    }

    @Sendable func show(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        guard let id = Int(try context.pathParameter("id")) else { throw DomainError(.notFound, field: "id", "申请不存在") }
        var notice = Notice.from(request)
        if let done = request.uri.queryParameters.get("done").flatMap({ RequestAction(rawValue: String($0)) }) {
            let found = try await self.requests.request(id, visibleTo: staff.identity)
            let clock = self.requests.clock(of: found, calendar: try await self.calendar.calendar())
            notice = RequestActionDone.text(
                done, request: found, letters: try await self.requests.letters(of: found), clock: clock, unitNames: try await self.unitQueries.names()
            )
        }
        return try await renderCase(id, staff: staff, context: context, notice: notice)
    }

    func renderCase(
        _ id: Int, staff: StaffAccount, context: StaffRequestContext, status: HTTPResponse.Status = .ok, notice: String? = nil,
        error: DomainError? = nil, values: [String: String]? = nil
    ) async throws -> Response {
        let found = try await self.requests.request(id, visibleTo: staff.identity)
        let calendar = try await self.calendar.calendar()
        let units = try await self.unitQueries.units().filter(\.active)
        var page = RequestCasePage(
            found, clock: self.requests.clock(of: found, calendar: calendar), staff: staff.identity,
            unitNames: try await self.unitQueries.names(),
            units: units, letters: try await self.requests.letters(of: found), appeals: try await self.requests.appeals(of: found),
            files: try await self.requests.replyFiles(of: found),
            replyPreview: found.state == .pendingReview ? try await self.requests.previewLetter(.reply, for: found) : nil,
            people: try await PeopleNames.load(accountQueries: self.accountQueries, unitQueries: self.unitQueries), today: today)
        if RequestService.handles(found, staff.identity) && found.state.isOpen {
            let released = try await self.requests.releasedPrivacy(found)
            page.privacyQuestions = PrivacyQuestion.list(
                released.open, texts: released.texts, scope: "files", values: values, redactHint: "需遮盖的，请对该文件使用「遮盖处理（部分公开）」。")
            page.hasPrivacyQuestions = !released.open.isEmpty
        }
        page.attachMail(try await self.deliveries.forLetters(page.letters.map(\.id)))
        page.repeats = RequestRepeatSection(
            try await self.requests.repeatCheck(found), canDecide: RequestService.handles(found, staff.identity), values: values)
        if found.state.isOpen {
            let handles = RequestService.handles(found, staff.identity)
            let matches =
                (try? await self.publishedMatches.matches(
                    title: found.application.infoTitle, docNumber: found.application.infoDocNumber, description: found.application.infoDescription))
                ?? []
            page.published = RequestPublishedSection(
                matches, unitNames: try await self.unitQueries.names(),
                canAnswer: handles && RequestAction.draftReply.from.contains(found.state))
        }
        page.publication = RequestPublicationSection(
            try await self.requests.publicationCheck(found), staff: staff.identity,
            handles: staff.identity.canHandle(unit: found.application.unitCode, in: try await self.unitQueries.tree()))
        return renderer.render(
            "Requests/request", title: "申请 \(found.reference)", page: page, context: context, status: error?.kind.httpStatus ?? status,
            notice: notice,
            error: error?.message)
    }

    @Sendable func act(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        guard let id = Int(try context.pathParameter("id")) else { throw DomainError(.notFound, field: "id", "申请不存在") }
        guard let action = RequestAction(rawValue: try context.pathParameter("action")) else { throw HTTPError(.notFound) }
        _ = try await self.requests.request(id, visibleTo: staff.identity)
        let form = try await FormData.read(request, limit: 64 * 1024)
        do {
            try await self.requests.act(id, action, try RequestActionForm.input(from: form.values), by: staff.identity)
            return redirect(to: "/staff/requests/\(id)?done=\(action.rawValue)")
        } catch let error as DomainError {
            return try await renderCase(id, staff: staff, context: context, error: error)
        }
    }
}

/// Counts for the dashboard and the list header (issue 4 §9).
struct RequestCounts: Sendable {
    var overdue = 0
    var dueSoon = 0
    var paused = 0
    var awaitingConfirmation = 0
    var open = 0

    init(_ cases: some Sequence<(InformationRequest, RequestClock?)>) {
        for (_, clock) in cases {
            open += 1
            guard let clock else {
                awaitingConfirmation += 1
                continue
            }
            switch clock.status {
            case .overdue: overdue += 1
            case .running where (clock.remainingWorkingDays ?? 99) <= 3: dueSoon += 1
            case .paused, .awaitingCorrection: paused += 1
            default: break
            }
        }
    }
}

extension StaffRequestsController: ClockReading {}
