import DisclosureCore
import DisclosureStore
import Hummingbird

/// 投诉举报 on the portal: the form and the receipt with the 受理编号 and 查询码. The status lookup
/// is `/track` (ApplyController), which tells a complaint's number from a request's. The post is
/// CSRF-checked, rate-limited per address (RateLimitMiddleware) and carries a honeypot field.
///
/// | method | path | who |
/// |---|---|---|
/// | GET, POST | `/complain` | public |
struct ComplainController {
    let calendar: CalendarService
    let complaintQueries: ComplaintQueries
    let complaints: ComplaintService
    let config: AppConfig
    let unitQueries: UnitQueries
    let renderer: PageRenderer

    struct FormPage: Sendable {
        let form: ComplaintForm
        let days: Int
        let hotline: String
    }

    struct DonePage: Sendable {
        let reference: String
        let queryCode: String
        let unitName: String
        let due: String
        let days: Int
    }

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("/complain", use: form)
        router.post("/complain", use: submit)
    }

    @Sendable func form(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await render(values: ["unitCode": request.uri.queryParameters.get("unit") ?? ""], context: context)
    }

    func render(values: [String: String], context: AppRequestContext, error: DomainError? = nil) async throws -> Response {
        let units = try await self.unitQueries.units().filter(\.active)
        let policy = try await self.complaints.settings.policy()
        let page = FormPage(
            form: ComplaintForm(values: values, units: units), days: policy.days(for: ComplaintKind(rawValue: values["kind"] ?? "") ?? .other),
            hotline: self.config.site.phone)
        return renderer.render(
            "Complaints/complain", title: "投诉举报", page: page, context: context, status: error?.kind.httpStatus ?? .ok, error: error?.message)
    }

    @Sendable func submit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(request, limit: 32 * 1024)
        do {
            try Honeypot.check(form.values)
            let submission = try ComplaintForm.submission(from: form, channel: .online)
            let receipt = try await self.complaints.submitOnline(submission)
            let complaint = try await self.complaintQueries.complaint(receipt.id)
            let calendar = try await self.calendar.calendar()
            let policy = try await self.complaints.settings.policy()
            let deadline = complaint.map { self.complaints.deadline(of: $0, policy: policy, calendar: calendar) }
            let unitName = try await self.unitQueries.names()[submission.unitCode] ?? submission.unitCode
            let page = DonePage(
                reference: receipt.reference, queryCode: receipt.queryCode, unitName: unitName, due: deadline?.due.description ?? "",
                days: deadline?.workingDays ?? policy.days(for: submission.kind))
            return renderer.render("Complaints/complained", title: "投诉已受理", page: page, context: context, status: .created)
        } catch let error as DomainError {
            return try await render(values: form.values, context: context, error: error)
        }
    }
}
