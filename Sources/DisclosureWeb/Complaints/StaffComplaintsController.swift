import DisclosureCore
import DisclosureStore
import Hummingbird

/// 投诉举报 in the console: the list with deadlines first, intake of hotline calls, letters and
/// visits, the case page and the handling steps. `ComplaintService` checks role, unit and state again.
///
/// | method | path | who |
/// |---|---|---|
/// | GET | `/staff/complaints` | signed in (own scope; office, assessor, auditor: all) |
/// | GET, POST | `/staff/complaints/new`, `/staff/complaints` | office (any unit), editor and reviewer (own unit) |
/// | GET | `/staff/complaints/{id}` | signed in, in scope; contact data unmasked for the handling unit only |
/// | POST | `/staff/complaints/{id}/actions/{action}` | per `ComplaintAction` |
struct StaffComplaintsController {
    let accountQueries: AccountQueries
    let calendar: CalendarService
    let clock: any WallClock
    let complaints: ComplaintService
    let unitQueries: UnitQueries
    let renderer: PageRenderer

    struct ListPage: Sendable {
        struct Row: Sendable {
            let href: String
            let reference: String
            let kind: String
            let unitName: String
            let receivedOn: String
            let state: String
            let due: String
            let severity: String
            let escalated: Bool
        }
        let rows: [Row]
        let showAll: Bool
        let canIntake: Bool
        let overdue: Int
        let dueSoon: Int
        let open: Int
    }

    struct NewPage: Sendable {
        let form: ComplaintForm
        let receivedOn: String
    }

    func addRoutes(to router: RouterGroup<StaffRequestContext>) {
        router.get("/staff/complaints", use: list)
        router.get("/staff/complaints/new", use: new)
        router.post("/staff/complaints", use: create)
        router.get("/staff/complaints/{id}", use: show)
        router.post("/staff/complaints/{id}/actions/{action}", use: act)
    }

    @Sendable func list(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        let showAll = request.uri.queryParameters.get("view") == "all"
        let complaints = try await self.complaints.complaints(visibleTo: staff.identity, openOnly: !showAll)
        let calendar = try await self.calendar.calendar()
        let policy = try await self.complaints.settings.policy()
        let names = try await self.unitQueries.names()
        let timed = complaints.map { ($0, self.complaints.deadline(of: $0, policy: policy, calendar: calendar)) }
            .sorted { DeadlineText.urgency($0.1) < DeadlineText.urgency($1.1) }
        let rows = timed.map { complaint, deadline in
            ListPage.Row(
                href: "/staff/complaints/\(complaint.id)", reference: complaint.reference, kind: complaint.submission.kind.rawValue,
                unitName: names[complaint.unitCode] ?? complaint.unitCode, receivedOn: complaint.receivedOn.description, state: complaint.state.label,
                due: DeadlineText.text(deadline), severity: DeadlineText.severity(deadline),
                escalated: complaint.escalatedOn != nil && deadline.isOpen)
        }
        let open = timed.filter { $0.1.isOpen }
        let page = ListPage(
            rows: rows, showAll: showAll, canIntake: staff.role != .assessor && staff.role != .auditor,
            overdue: open.filter { $0.1.status == .overdue }.count, dueSoon: open.filter { $0.1.status == .dueSoon }.count, open: open.count)
        return renderer.render("Complaints/complaints", title: "投诉举报", page: page, context: context, notice: Notice.from(request))
    }

    @Sendable func new(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        return try await renderNew(staff, values: ["unitCode": staff.unitCode, "channel": ComplaintChannel.hotline.rawValue], context: context)
    }

    func renderNew(_ staff: StaffAccount, values: [String: String], context: StaffRequestContext, error: DomainError? = nil) async throws -> Response
    {
        let tree = try await self.unitQueries.tree()
        let units = tree.ordered().map(\.unit).filter { $0.active && (staff.role == .office || tree.scope(of: staff.unitCode).contains($0.code)) }
        let page = NewPage(form: ComplaintForm(values: values, units: units), receivedOn: values["receivedOn"] ?? today.description)
        return renderer.render(
            "Complaints/complaint-new", title: "登记投诉", page: page, context: context, status: error?.kind.httpStatus ?? .ok, error: error?.message)
    }

    @Sendable func create(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        let form = try await FormData.read(request, limit: 32 * 1024)
        do {
            let submission = try ComplaintForm.submission(from: form, channel: nil)
            guard let receivedOn = CivilDate(iso: form.text("receivedOn")) else { throw DomainError.invalid("receivedOn", "收到投诉之日应为 YYYY-MM-DD") }
            let receipt = try await self.complaints.intake(submission, receivedOn: receivedOn, by: staff.identity)
            return redirect(to: "/staff/complaints/\(receipt.id)?notice=created")
        } catch let error as DomainError {
            return try await renderNew(staff, values: form.values, context: context, error: error)
        }
    }

    @Sendable func show(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        guard let id = Int(try context.pathParameter("id")) else { throw HTTPError(.notFound) }
        let complaint = try await self.complaints.complaint(id, visibleTo: staff.identity)
        let page = try await ComplaintCasePage(
            complaint, staff: staff, calendar: self.calendar, complaints: self.complaints, unitQueries: self.unitQueries, values: [:],
            people: try await PeopleNames.load(accountQueries: self.accountQueries, unitQueries: self.unitQueries))
        return renderer.render("Complaints/complaint", title: "投诉 \(complaint.reference)", page: page, context: context, notice: Notice.from(request))
    }

    @Sendable func act(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        guard let id = Int(try context.pathParameter("id")) else { throw HTTPError(.notFound) }
        guard let action = ComplaintAction(rawValue: try context.pathParameter("action")) else { throw HTTPError(.notFound) }
        let complaint = try await self.complaints.complaint(id, visibleTo: staff.identity)
        let form = try await FormData.read(request, limit: 64 * 1024)
        do {
            try await self.complaints.act(id, action, Self.input(form), by: staff.identity)
            return redirect(to: "/staff/complaints/\(id)?notice=\(Notice(rawValue: "complaint-\(action.rawValue)")?.rawValue ?? "saved")")
        } catch let error as DomainError {
            let page = try await ComplaintCasePage(
                complaint, staff: staff, calendar: self.calendar, complaints: self.complaints, unitQueries: self.unitQueries, values: form.values,
                people: try await PeopleNames.load(accountQueries: self.accountQueries, unitQueries: self.unitQueries))
            return renderer.render(
                "Complaints/complaint", title: "投诉 \(complaint.reference)", page: page, context: context, status: error.kind.httpStatus,
                error: error.message)
        }
    }

    static func input(_ form: FormData) -> ComplaintService.ActionInput {
        let outcome = ComplaintOutcome(rawValue: form.text("outcome"))
        let reply =
            form["replyText"] == nil
            ? nil : ComplaintReply(outcome: outcome, text: form.values["replyText"] ?? "", rectification: form.values["rectification"] ?? "")
        return ComplaintService.ActionInput(reply: reply, note: form.text("note"), unitCode: form.text("unitCode"))
    }
}

extension StaffComplaintsController: ClockReading {}
