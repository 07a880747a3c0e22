import DisclosureCore
import DisclosureStore
import Foundation
import Hummingbird

/// The citizen's side of 依申请公开 on the portal: apply online and track with the 受理编号 and
/// 查询码. Works without JavaScript; both posts carry the CSRF token and are rate-limited per
/// address (RateLimitMiddleware). No applicant data is ever shown here except to the holder of
/// both numbers, and even then masked.
///
/// | method | path | who |
/// |---|---|---|
/// | GET, POST | `/apply` | public |
/// | GET, POST | `/track` | public (requests `YSQ…` and complaints `TS…`) |
struct ApplyController {
    let calendar: CalendarService
    let complaints: ComplaintService
    let requests: RequestService
    let unitQueries: UnitQueries
    let renderer: PageRenderer

    struct ApplyPage: Sendable {
        let form: ApplicationForm
        /// The form's one-time token: posting it twice files one case (issue 21).
        let formToken: String
    }

    struct AppliedPage: Sendable {
        let reference: String
        let queryCode: String
        let unitName: String
    }

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("/apply", use: applyForm)
        router.post("/apply", use: apply)
        router.get("/apply/receipt", use: receipt)
        router.get("/track", use: trackForm)
        router.post("/track", use: track)
    }

    @Sendable func applyForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await renderApply(
            values: ["applicantKind": ApplicantKind.naturalPerson.rawValue, "idType": IdentityDocumentType.residentID.rawValue], context: context)
    }

    func renderApply(values: [String: String], context: AppRequestContext, error: DomainError? = nil) async throws -> Response {
        let units = try await self.unitQueries.units().filter(\.active)
        // A form sent back with an error keeps its token, so its eventual post is still one case.
        let token = values["formToken"].flatMap { Self.isFormToken($0) ? $0 : nil } ?? SecretToken.generate()
        return renderer.render(
            "Requests/apply", title: "依申请公开", page: ApplyPage(form: ApplicationForm(values: values, units: units), formToken: token),
            context: context, status: error?.kind.httpStatus ?? .ok, error: error?.message)
    }

    /// `SecretToken.generate()`'s shape: 43 base64url characters.
    static func isFormToken(_ text: String) -> Bool {
        text.utf8.count == 43
            && text.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_") }
    }

    @Sendable func apply(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(request, limit: 64 * 1024)
        do {
            try Honeypot.check(form.values)
            let application = try ApplicationForm.application(from: form, channel: .online)
            let token = form.text("formToken")
            guard Self.isFormToken(token) else {
                // A form from before this page carried tokens, or a hand-made post: file it once,
                // and show the receipt now (there is nothing to redirect to).
                let receipt = try await self.requests.submitOnline(application)
                return try await renderReceipt(receipt, context: context, status: .created)
            }
            // Post/redirect/get: a refresh of the receipt page, a second tap or a repeated post
            // of the same form shows the first receipt and files nothing more.
            _ = try await self.requests.submitOnline(application, form: RequestService.formKey(token: token, browser: context.csrfToken))
            return redirect(to: "/apply/receipt?form=\(token)")
        } catch let error as DomainError {
            return try await renderApply(values: form.values, context: context, error: error)
        }
    }

    /// The receipt after the redirect: only in the browser that posted the form (its CSRF cookie
    /// is part of the key), for 24 hours.
    @Sendable func receipt(_ request: Request, context: AppRequestContext) async throws -> Response {
        let token = request.uri.queryParameters.get("form").map { String($0) } ?? ""
        guard Self.isFormToken(token), !context.csrfCookieIsNew,
            let receipt = try await self.requests.receipt(ofForm: RequestService.formKey(token: token, browser: context.csrfToken))
        else {
            return renderer.render(
                "Requests/track", title: "申请查询", page: TrackPage(reference: "", result: nil, complaint: nil), context: context,
                status: .notFound, error: "回执只在提交申请的浏览器中保留 24 小时。请凭受理编号和查询码查询办理进度。")
        }
        return try await renderReceipt(receipt, context: context, status: .ok)
    }

    func renderReceipt(_ receipt: RequestService.Receipt, context: AppRequestContext, status: HTTPResponse.Status) async throws -> Response {
        let unitName = try await self.unitQueries.names()[receipt.unitCode] ?? receipt.unitCode
        return renderer.render(
            "Requests/applied", title: "申请已提交",
            page: AppliedPage(reference: receipt.reference, queryCode: receipt.queryCode, unitName: unitName), context: context, status: status)
    }

    @Sendable func trackForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        renderer.render("Requests/track", title: "申请查询", page: TrackPage(reference: "", result: nil, complaint: nil), context: context)
    }

    @Sendable func track(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(request, limit: 4096)
        let reference = form.text("reference")
        if reference.uppercased().hasPrefix("TS") {
            return try await trackComplaint(reference: reference, code: form.text("queryCode"), context: context)
        }
        guard let found = try await self.requests.track(reference: reference, code: form.text("queryCode")) else {
            return renderer.render(
                "Requests/track", title: "申请查询", page: TrackPage(reference: reference, result: nil, complaint: nil), context: context,
                status: .notFound,
                error: "受理编号或查询码不正确。")
        }
        let result = try await TrackPage.Result(found, calendar: self.calendar, requests: self.requests, unitQueries: self.unitQueries)
        return renderer.render(
            "Requests/track", title: "申请查询", page: TrackPage(reference: found.reference, result: result, complaint: nil), context: context)
    }
}

/// What the holder of both numbers sees: status, the current due date and the letters sent.
struct TrackPage: Sendable {
    struct Letter: Sendable {
        let number: String
        let title: String
        let issuedOn: String
        let delivery: String
        let paragraphs: [String]
    }

    struct Result: Sendable {
        let reference: String
        let unitName: String
        let state: String
        let submittedOn: String
        let receivedOn: String
        let due: String
        let outcome: String?
        let letters: [Letter]

        init(_ request: InformationRequest, calendar: CalendarService, requests: RequestService, unitQueries: UnitQueries) async throws {
            let calendar = try await calendar.calendar()
            let clock = requests.clock(of: request, calendar: calendar)
            reference = request.reference
            unitName = try await unitQueries.names()[request.application.unitCode] ?? request.application.unitCode
            state = request.state == .archived ? RequestState.answered.label : request.state.label
            submittedOn = CivilDate(instant: request.submittedAt).description
            receivedOn = request.receivedOn?.description ?? "待确认（以双方确认之日为收到申请之日）"
            due = RequestView.dueText(clock, state: request.state)
            outcome = request.state == .answered || request.state == .archived ? request.outcome?.shortLabel : nil
            letters = try await requests.letters(of: request).map { letter in
                Letter(
                    number: letter.number, title: letter.title, issuedOn: letter.issuedOn.description,
                    delivery: letter.delivery.map { "\($0.rawValue) \(letter.deliveredOn?.description ?? "")" } ?? "",
                    paragraphs: PlainText.paragraphs(letter.body))
            }
        }
    }

    let reference: String
    let result: Result?
    let complaint: ComplaintTrack?
}
