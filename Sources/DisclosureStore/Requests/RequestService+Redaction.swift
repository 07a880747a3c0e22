import DisclosureCore
import Foundation
import SQLKit

/// 部分公开 with true redaction (条例 第三十七条; issue 23 §2): a PDF the reply releases is
/// redacted region by region, each with its ground; the redacted copy is released instead of the
/// original, the log is kept on the case and the letter's reasons are written from it.
extension RequestService {
    /// A reply file's pages and the regions the personal-data scan proposes.
    public func redactionInspection(_ id: Int, file fileID: Int, store: any FileStore, by staff: StaffIdentity) async throws -> (
        file: RequestFile, inspection: PDFRedactor.Inspection
    ) {
        let file = try await redactable(id, file: fileID, kinds: Self.pageKinds, by: staff)
        return (file, try PDFRedactor.inspect(try pageBytes(of: file, store: store)))
    }

    /// PDFs, and pictures redacted as one-page PDFs.
    static let pageKinds: Set<String> = ["application/pdf", "image/png", "image/jpeg"]

    /// The file as a PDF: itself, or a picture wrapped as a page.
    private func pageBytes(of file: RequestFile, store: any FileStore) throws -> [UInt8] {
        let bytes = try bytes(of: file, store: store)
        switch file.mediaType {
        case "image/png": return try ImagePDF.wrap(bytes, kind: .png)
        case "image/jpeg": return try ImagePDF.wrap(bytes, kind: .jpeg)
        default: return bytes
        }
    }

    /// One page as PNG, with `regions` burnt in (the clerk's preview).
    public func redactionPreview(_ id: Int, file fileID: Int, page: Int, regions: [RedactionRegion], store: any FileStore, by staff: StaffIdentity)
        async throws -> [UInt8]
    {
        let file = try await redactable(id, file: fileID, kinds: Self.pageKinds, by: staff)
        return try PDFRedactor.preview(try pageBytes(of: file, store: store), page: page, regions: regions)
    }

    /// Writes the redacted copy, releases it instead of the original and logs every region.
    public func redact(_ id: Int, file fileID: Int, regions: [RedactionRegion], store: any FileStore, by staff: StaffIdentity) async throws
        -> RequestFile
    {
        let file = try await redactable(id, file: fileID, kinds: Self.pageKinds, by: staff)
        guard !regions.isEmpty else { throw DomainError.invalid("regions", "请至少选择或填写一处遮盖区域，并为每处选择不予公开的理由") }
        guard regions.count <= 500 else { throw DomainError.invalid("regions", "一次最多遮盖 500 处") }
        let original = try pageBytes(of: file, store: store)
        let inspection = try PDFRedactor.inspect(original)
        let checked = try regions.enumerated().map { index, region in
            try region.validated(pageSizes: inspection.pageSizes, field: "regions.\(index)")
        }
        let redacted = try PDFRedactor.redact(original, regions: checked)
        return try await storeCopy(
            redacted, of: file, request: id,
            name: Self.stem(Self.stem(Self.stem(Self.stem(file.fileName, ".pdf"), ".png"), ".jpg"), ".jpeg") + "（遮盖）.pdf",
            mediaType: "application/pdf",
            pages: inspection.pageSizes.count, regions: checked, store: store, by: staff)
    }

    /// The distinct personal data in a Word file the reply releases and how many pictures it
    /// holds, for the span redaction page.
    public func documentInspection(_ id: Int, file fileID: Int, store: any FileStore, by staff: StaffIdentity) async throws -> (
        file: RequestFile, inspection: DOCXRedactor.Inspection
    ) {
        let file = try await redactable(id, file: fileID, kinds: [AttachmentKind.docx.mediaType], by: staff)
        return (file, try DOCXRedactor.inspect(try bytes(of: file, store: store)))
    }

    /// Redacts a Word file by span: the chosen proposals (by their place in `documentInspection`)
    /// and texts typed by the clerk, each with its ground; with `pictures`, every picture and
    /// embedded object is withheld on that ground too.
    public func redactDocument(
        _ id: Int, file fileID: Int, proposals chosen: [(index: Int, ground: RedactionGround)], spans typed: [RedactionSpan],
        pictures: RedactionGround? = nil, store: any FileStore, by staff: StaffIdentity
    ) async throws -> RequestFile {
        let file = try await redactable(id, file: fileID, kinds: [AttachmentKind.docx.mediaType], by: staff)
        let original = try bytes(of: file, store: store)
        let proposals = try DOCXRedactor.inspect(original).proposals
        var spans: [RedactionSpan] = []
        for choice in chosen {
            guard proposals.indices.contains(choice.index) else { throw DomainError.invalid("p.\(choice.index).use", "建议遮盖的内容已变化，请刷新页面") }
            let proposal = proposals[choice.index]
            spans.append(RedactionSpan(text: proposal.text, ground: choice.ground, what: proposal.kind.rawValue))
        }
        spans += try typed.enumerated().map { index, span in try span.validated(field: "s.\(index).text") }
        guard !spans.isEmpty || pictures != nil else {
            throw DomainError.invalid("spans", "请至少选择或填写一处要遮盖的文字，并为每处选择不予公开的理由")
        }
        let redacted = try DOCXRedactor.redact(original, spans: spans, withholdingPictures: pictures)
        let counts = redacted.counts
        if let missing = counts.firstIndex(of: 0) {
            throw DomainError.invalid(
                "s.\(max(0, missing - chosen.count)).text", "文件中没有找到要遮盖的文字「\(spans[missing].what.isEmpty ? "所填文字" : spans[missing].what)」，请核对")
        }
        if let pictures, redacted.pictures == 0 { throw DomainError.invalid("pictures", "文件中没有图片，不能按“\(pictures.label)”遮盖图片") }
        // One log row per replaced occurrence; a Word file has no pages to name (page 0).
        var regions = zip(spans, counts).flatMap { span, count in
            Array(repeating: RedactionRegion(page: 0, x: 0, y: 0, width: 0, height: 0, ground: span.ground, what: span.what), count: count)
        }
        if let pictures {
            regions += Array(
                repeating: RedactionRegion(page: 0, x: 0, y: 0, width: 0, height: 0, ground: pictures, what: "图片"), count: redacted.pictures)
        }
        return try await storeCopy(
            redacted.bytes, of: file, request: id, name: Self.stem(file.fileName, ".docx") + "（遮盖）.docx", mediaType: AttachmentKind.docx.mediaType,
            pages: nil, regions: regions, store: store, by: staff)
    }

    /// Keeps the redacted copy, holds the original back and logs every region, in one transaction.
    private func storeCopy(
        _ redacted: [UInt8], of file: RequestFile, request id: Int, name: String, mediaType: String, pages: Int?, regions checked: [RedactionRegion],
        store: any FileStore, by staff: StaffIdentity
    ) async throws -> RequestFile {
        let copyText = AttachmentText.extract(redacted, kind: mediaType == "application/pdf" ? .pdf : .docx)
        let now = clock.now()
        let copyID: Int = try await database.change(by: .staff(staff), at: now) { db in
            _ = try await Self.openRequest(id, staff: staff, on: db)
            let files = RequestFileRepository(db)
            let hash = try store.put(redacted)
            let copyID = try await files.insert(
                request: id, fileName: name, mediaType: mediaType, size: redacted.count, sha256: hash, addedBy: staff.username, at: now,
                sourceFileID: file.id, pages: pages)
            try await files.setWithheld(file.id, true)
            try await files.saveText(copyText, for: copyID, at: now)
            for region in checked {
                try await db.insert(into: "redactions")
                    .columns(
                        "request_id", "source_file_id", "redacted_file_id", "page", "x", "y", "width", "height", "ground", "what", "redacted_by",
                        "redacted_at"
                    )
                    .values(
                        SQLBind(id), SQLBind(file.id), SQLBind(copyID), SQLBind(region.page), SQLBind(region.x), SQLBind(region.y),
                        SQLBind(region.width),
                        SQLBind(region.height), SQLBind(region.ground.rawValue), SQLBind(region.what), SQLBind(staff.username),
                        SQLBind(Timestamp.text(now))
                    ).run()
            }
            let grounds = RedactionGround.allCases.compactMap { ground in
                let count = checked.count { $0.ground == ground }
                return count == 0 ? nil : "\(ground.rawValue) \(count) 处"
            }
            return (
                copyID,
                AuditEvent(
                    "request.redact", target: "request:\(id)",
                    ["file": file.fileName, "copy": hash, "regions": "\(checked.count)", "grounds": grounds.joined(separator: "、")])
            )
        }
        return try await RequestFileRepository(database.sql).find(copyID)!
    }

    static func stem(_ name: String, _ suffix: String) -> String { name.lowercased().hasSuffix(suffix) ? String(name.dropLast(suffix.count)) : name }

    /// The redaction log of a case, by redacted file, for the letter and the case page.
    public func redactionLog(of request: InformationRequest) async throws -> [RedactionReasons.FileLog] {
        try await Self.redactionLog(request.id, on: database.sql)
    }

    static func redactionLog(_ requestID: Int, on db: any SQLDatabase) async throws -> [RedactionReasons.FileLog] {
        let rows = try await db.select().column("*").from("redactions").where("request_id", .equal, requestID).orderBy("id").all()
        let files = Dictionary(uniqueKeysWithValues: try await RequestFileRepository(db).list(request: requestID).map { ($0.id, $0) })
        var order: [Int] = []
        var regions: [Int: [RedactionRegion]] = [:]
        for row in rows {
            let copy = try row.decode(column: "redacted_file_id", as: Int.self)
            guard let ground = RedactionGround(rawValue: try row.decode(column: "ground", as: String.self)) else { continue }
            if regions[copy] == nil { order.append(copy) }
            regions[copy, default: []].append(
                RedactionRegion(
                    page: try row.decode(column: "page", as: Int.self), x: try row.decode(column: "x", as: Double.self),
                    y: try row.decode(column: "y", as: Double.self), width: try row.decode(column: "width", as: Double.self),
                    height: try row.decode(column: "height", as: Double.self), ground: ground, what: try row.decode(column: "what", as: String.self)))
        }
        return order.map { RedactionReasons.FileLog(fileName: files[$0]?.fileName ?? "文件", regions: regions[$0] ?? []) }
    }

    /// What the reply letter adds to the clerk's 答复内容 (issue 23 §1–§2): the reasons for the
    /// redacted parts, from the log, and the files released with their page counts.
    static func replyAdditions(_ request: InformationRequest, on db: any SQLDatabase) async throws -> String {
        var parts: [String] = []
        let log = try await redactionLog(request.id, on: db)
        if !log.isEmpty { parts.append("不予公开部分及理由：\n" + RedactionReasons.paragraph(log)) }
        let released = try await RequestFileRepository(db).list(request: request.id).filter { !$0.withheld }
        if !released.isEmpty {
            let lines = released.enumerated().map { index, file in
                "\(index + 1). 「\(file.fileName)」" + (file.pages.map { "，共 \($0) 页" } ?? "") + "。"
            }
            parts.append("随本告知书提供的文件（可凭受理编号和查询码在“申请查询”中下载）：\n" + lines.joined(separator: "\n"))
        }
        return parts.joined(separator: "\n")
    }

    private func redactable(_ id: Int, file fileID: Int, kinds: Set<String>, by staff: StaffIdentity) async throws
        -> RequestFile
    {
        let db = database.sql
        _ = try await Self.openRequest(id, staff: staff, on: db)
        guard let file = try await RequestFileRepository(db).find(fileID), file.requestID == id else {
            throw DomainError(.notFound, field: "file", "附件不存在")
        }
        guard kinds.contains(file.mediaType) else { throw DomainError.invalid("file", "只有 PDF、DOCX、PNG 和 JPEG 文件可以在此遮盖；其他文件请另存为 PDF 后上传") }
        guard file.sourceFileID == nil else { throw DomainError.invalid("file", "这是遮盖后的文件；如需重新遮盖，请移除它后对原文件操作") }
        guard !file.withheld else { throw DomainError(.conflict, field: "file", "该文件已有遮盖后的版本；如需重新遮盖，请先移除遮盖后的版本") }
        return file
    }

    private func bytes(of file: RequestFile, store: any FileStore) throws -> [UInt8] {
        guard let bytes = try store.get(file.sha256) else { throw DomainError(.notFound, field: "file", "附件文件缺失") }
        return bytes
    }
}
