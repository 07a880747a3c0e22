import DisclosureCore
import DisclosureStore
import Hummingbird

extension StaffRequestsController {
    /// The redaction page of one reply PDF (issue 23 §2).
    @Sendable func redactionForm(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let (id, fileID) = try ids(context)
        return try await renderRedaction(id, fileID, context: context)
    }

    func renderRedaction(_ id: Int, _ fileID: Int, context: StaffRequestContext, values: [String: String]? = nil, error: DomainError? = nil)
        async throws -> Response
    {
        let staff = context.staff
        let found = try await self.requests.request(id, visibleTo: staff.identity)
        do {
            if try await isWordFile(found, fileID) {
                let (file, inspection) = try await self.requests.documentInspection(id, file: fileID, store: self.files, by: staff.identity)
                return renderer.render(
                    "Requests/redact-docx", title: "遮盖「\(file.fileName)」",
                    page: DocumentRedactionPage(request: id, file: file, inspection: inspection, values: values), context: context,
                    status: error?.kind.httpStatus ?? .ok, error: error?.message)
            }
            let (file, inspection) = try await self.requests.redactionInspection(id, file: fileID, store: self.files, by: staff.identity)
            let page = RedactionPage(request: id, file: file, inspection: inspection, values: values)
            return renderer.render(
                "Requests/redact", title: "遮盖「\(file.fileName)」", page: page, context: context, status: error?.kind.httpStatus ?? .ok,
                error: error?.message)
        } catch let problem as DomainError where error == nil {
            // A file that cannot be redacted (not a PDF, encrypted, tools missing): back to the case, said why.
            return try await renderCase(id, staff: staff, context: context, error: problem)
        }
    }

    @Sendable func redactFile(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        let (id, fileID) = try ids(context)
        let found = try await self.requests.request(id, visibleTo: staff.identity)
        let form = try await FormData.read(request, limit: 64 * 1024)
        do {
            if try await isWordFile(found, fileID) {
                let (_, inspection) = try await self.requests.documentInspection(id, file: fileID, store: self.files, by: staff.identity)
                let (chosen, spans) = try DocumentRedactionPage.choices(form.values, proposals: inspection.proposals.count)
                let copy = try await self.requests.redactDocument(
                    id, file: fileID, proposals: chosen, spans: spans, pictures: try DocumentRedactionPage.picturesGround(form.values),
                    store: self.files, by: staff.identity)
                return redirect(to: "/staff/requests/\(id)?notice=saved#files-\(copy.id)")
            }
            let (_, inspection) = try await self.requests.redactionInspection(id, file: fileID, store: self.files, by: staff.identity)
            let regions = try RedactionPage.regions(form.values, inspection: inspection)
            let copy = try await self.requests.redact(id, file: fileID, regions: regions, store: self.files, by: staff.identity)
            return redirect(to: "/staff/requests/\(id)?notice=saved#files-\(copy.id)")
        } catch let error as DomainError {
            return try await renderRedaction(id, fileID, context: context, values: form.values, error: error)
        }
    }

    /// One page of the original as PNG, for locating regions by eye.
    @Sendable func redactionPagePreview(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        let (id, fileID) = try ids(context)
        guard let page = Int(try context.pathParameter("page")), (1...PDFRedactor.pageLimit).contains(page) else {
            throw DomainError(.notFound, field: "page", "没有这一页")
        }
        _ = try await self.requests.request(id, visibleTo: staff.identity)
        let png = try await self.requests.redactionPreview(id, file: fileID, page: page, regions: [], store: self.files, by: staff.identity)
        var response = Response(
            status: .ok, headers: [.contentType: "image/png", .cacheControl: "private, no-store"], body: .init(byteBuffer: .init(bytes: png)))
        response.headers[.contentLength] = String(png.count)
        return response
    }

    private func isWordFile(_ request: InformationRequest, _ fileID: Int) async throws -> Bool {
        try await self.requests.replyFiles(of: request).first { $0.id == fileID }?.mediaType == AttachmentKind.docx.mediaType
    }

    private func ids(_ context: StaffRequestContext) throws -> (Int, Int) {
        guard let id = Int(try context.pathParameter("id")), let fileID = Int(try context.pathParameter("file")) else {
            throw DomainError(.notFound, field: "file", "附件不存在")
        }
        return (id, fileID)
    }
}
