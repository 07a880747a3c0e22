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
/// | GET, POST | `/apply` | public — a first post with matches shows 「先查一查」 before filing |
/// | GET | `/apply/found` | public — the applicant found the information; nothing was filed |
/// | GET, POST | `/track` | public (requests `YSQ…` and complaints `TS…`) |
/// | POST | `/track/letter`, `/track/file`, `/track/correction` | public, with the 受理编号 and 查询码 |
struct ApplyController {
    let calendar: CalendarService
    let complaints: ComplaintService
    let files: any FileStore
    let publishedMatches: PublishedMatchFinder
    let requests: RequestService
    let unitQueries: UnitQueries
    let renderer: PageRenderer

    struct ApplyPage: Sendable {
        /// One problem in the summary above the form, linking to its field.
        struct Problem: Sendable {
            let field: String
            let message: String
        }

        let form: ApplicationForm
        /// The form's one-time token: posting it twice files one case (issue 21).
        let formToken: String
        let problems: [Problem]
        let problemCount: Int
        let hasProblems: Bool
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
        router.get("/apply/found", use: found)
        router.get("/track", use: trackForm)
        router.post("/track", use: track)
        router.post("/track/letter", use: trackLetter)
        router.post("/track/correction", use: trackCorrection)
        router.post("/track/file", use: trackFile)
    }

    @Sendable func applyForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await renderApply(
            values: ["applicantKind": ApplicantKind.naturalPerson.rawValue, "idType": IdentityDocumentType.residentID.rawValue], context: context)
    }

    /// The form, with every problem listed above it and shown beside its field; a problem that
    /// names no field (a bot trap, a storage conflict) is the page's one error line.
    func renderApply(values: [String: String], context: AppRequestContext, problems: [DomainError] = []) async throws -> Response {
        let units = try await self.unitQueries.units().filter(\.active)
        // A form sent back with an error keeps its token, so its eventual post is still one case.
        let token = values["formToken"].flatMap { Self.isFormToken($0) ? $0 : nil } ?? SecretToken.generate()
        var byField = FieldProblems()
        for problem in problems where problem.field != nil { byField.add(problem) }
        let general = problems.first { $0.field == nil || !ApplicationForm.fieldOrder.contains($0.field ?? "") }
        let listed = byField.all.filter { ApplicationForm.fieldOrder.contains($0.field ?? "") }
        let page = ApplyPage(
            form: ApplicationForm(values: values, units: units, errors: byField.byField), formToken: token,
            problems: listed.map { ApplyPage.Problem(field: $0.field ?? "", message: $0.message) }, problemCount: listed.count,
            hasProblems: !listed.isEmpty)
        return renderer.render(
            "Requests/apply", title: "依申请公开", page: page, context: context,
            status: problems.first?.kind.httpStatus ?? .ok, error: general?.message)
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
            let (application, problems) = ApplicationForm.read(form, channel: .online)
            guard problems.isEmpty else { return try await renderApply(values: form.values, context: context, problems: problems) }
            // 「先查一查」 (issue 24 §3): before filing, what is already published; the citizen
            // either has it or applies anyway (the form comes back with `checked`).
            if form["checked"] != "1", let check = try await checkPage(application, form: form) {
                return renderer.render("Requests/apply-check", title: "先查一查：这些信息可能已经公开", page: check, context: context)
            }
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
            return try await renderApply(values: form.values, context: context, problems: [error])
        }
    }

    /// The documents already published that match, with the form to apply anyway; nil when
    /// nothing matches or the search cannot answer now (the application is then filed at once).
    func checkPage(_ application: RequestApplication, form: FormData) async throws -> ApplyCheckPage? {
        let matches: [PublishedMatchFinder.Match]
        do {
            matches = try await self.publishedMatches.matches(
                title: application.infoTitle, docNumber: application.infoDocNumber, description: application.infoDescription)
        } catch is SearchNotReady {
            return nil
        }
        guard !matches.isEmpty else { return nil }
        let names = try await self.unitQueries.names()
        return ApplyCheckPage(matches: matches, unitNames: names, values: form.values)
    }

    @Sendable func found(_ request: Request, context: AppRequestContext) async throws -> Response {
        renderer.render("Requests/apply-found", title: "已找到所需信息", page: ApplyFoundPage(), context: context)
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
            return notFound(reference: reference, context: context)
        }
        return try await renderTrack(found, queryCode: form.text("queryCode"), context: context)
    }

    func notFound(reference: String, context: AppRequestContext) -> Response {
        renderer.render(
            "Requests/track", title: "申请查询", page: TrackPage(reference: reference, result: nil, complaint: nil), context: context,
            status: .notFound, error: "受理编号或查询码不正确。")
    }

    func renderTrack(
        _ found: InformationRequest, queryCode: String, context: AppRequestContext, status: HTTPResponse.Status = .ok, notice: String? = nil,
        correctionText: String = "", correctionError: String? = nil
    ) async throws -> Response {
        let result = try await TrackPage.Result(
            found, queryCode: queryCode, calendar: self.calendar, requests: self.requests, unitQueries: self.unitQueries,
            correctionText: correctionText, correctionError: correctionError)
        return renderer.render(
            "Requests/track", title: "申请查询", page: TrackPage(reference: found.reference, result: result, complaint: nil), context: context,
            status: status, notice: notice)
    }

    /// One letter of the case for the holder of both numbers: the print view, or the Word file.
    @Sendable func trackLetter(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(request, limit: 4096)
        guard let found = try await self.requests.track(reference: form.text("reference"), code: form.text("queryCode")) else {
            return notFound(reference: form.text("reference"), context: context)
        }
        guard let id = Int(form.text("letter")), let letter = try await self.requests.letters(of: found).first(where: { $0.id == id }) else {
            throw DomainError(.notFound, field: "letter", "告知书不存在")
        }
        let unitName = try await self.unitQueries.names()[letter.unitCode] ?? letter.unitCode
        if form.text("format") == "docx" {
            return downloadResponse(
                [UInt8](try LetterDocument.docx(letter, unitName: unitName)), type: DOCXDocument.mediaType,
                name: LetterDocument.fileName(letter, unitName: unitName), fallback: "letter-\(letter.id).docx")
        }
        let page = StaffLettersController.LetterPage(
            number: letter.number, title: letter.title, addressee: letter.addressee, paragraphs: PlainText.paragraphs(letter.body),
            unitName: unitName, issuedOn: letter.issuedOn.chineseText, backHref: "/track", backLabel: "返回申请查询（需重新输入受理编号和查询码）")
        return renderer.render("Requests/letter", title: letter.title, page: page, context: context)
    }

    /// A file the reply released, for the holder of both numbers once the reply is sent.
    @Sendable func trackFile(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(request, limit: 4096)
        guard let found = try await self.requests.track(reference: form.text("reference"), code: form.text("queryCode")) else {
            return notFound(reference: form.text("reference"), context: context)
        }
        guard let id = Int(form.text("file")), let file = try await self.requests.releasedFiles(of: found).first(where: { $0.id == id }) else {
            throw DomainError(.notFound, field: "file", "文件不存在或尚未随答复提供")
        }
        let response = try replyFileResponse(file, files: self.files)
        try await self.requests.recordDownload(file, of: found)
        return response
    }

    /// The applicant sends the 补正 online; it is recorded as 收到补正 today (条例 第三十条).
    @Sendable func trackCorrection(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(request, limit: 32 * 1024)
        let reference = form.text("reference")
        let code = form.text("queryCode")
        let text = form.values["correction"] ?? ""
        guard let found = try await self.requests.track(reference: reference, code: code) else {
            return notFound(reference: reference, context: context)
        }
        do {
            let updated = try await self.requests.submitCorrection(reference: reference, code: code, text: text)
            let received = updated.events.last { $0.kind == .correctionReceived }?.on.chineseText ?? ""
            return try await renderTrack(
                updated, queryCode: code, context: context,
                notice: "已于\(received)收到您的补正。答复期限自收到补正之日起重新计算，见下方「答复期限」。")
        } catch let error as DomainError {
            return try await renderTrack(
                found, queryCode: code, context: context, status: error.kind.httpStatus, correctionText: text, correctionError: error.message)
        }
    }
}
