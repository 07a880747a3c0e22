import DisclosureCore
import Foundation
import SQLKit

extension RequestService {
    /// Adds a file the reply releases (the information itself: a PDF, a spreadsheet, a scan) while
    /// the case is open; the handling unit's staff only, type and size checked before any byte is
    /// kept. The applicant can download it from `/track` once the reply is sent (issue 21 §6).
    public func addReplyFile(_ id: Int, fileName: String, bytes: [UInt8], store: any FileStore, by staff: StaffIdentity) async throws
        -> RequestFile
    {
        let name = AttachmentKind.safeName(fileName)
        let kind = try AttachmentKind.detect(fileName: name, bytes: bytes)
        // The letter lists a PDF with its page count (issue 23 §1); unknown without pdfinfo.
        let pages = kind == .pdf ? PDFTools.pageCount(bytes) : nil
        let extracted = AttachmentText.extract(bytes, kind: kind)
        let now = clock.now()
        let fileID: Int = try await database.change(by: .staff(staff), at: now) { db in
            let request = try await Self.openRequest(id, staff: staff, on: db)
            let hash = try store.put(bytes)
            let fileID = try await RequestFileRepository(db).insert(
                request: request.id, fileName: name, mediaType: kind.mediaType, size: bytes.count, sha256: hash, addedBy: staff.username, at: now,
                pages: pages)
            try await RequestFileRepository(db).saveText(extracted, for: fileID, at: now)
            return (fileID, AuditEvent("request.addFile", target: "request:\(id)", ["file": name, "sha256": hash, "size": String(bytes.count)]))
        }
        return try await RequestFileRepository(database.sql).find(fileID)!
    }

    /// Removes a file from an open case (a wrong upload); a sent reply's files stay as sent.
    public func removeReplyFile(_ fileID: Int, of id: Int, by staff: StaffIdentity) async throws {
        try await database.change(by: .staff(staff), at: clock.now()) { db in
            let request = try await Self.openRequest(id, staff: staff, on: db)
            guard let file = try await RequestFileRepository(db).find(fileID), file.requestID == request.id else {
                throw DomainError(.notFound, field: "file", "附件不存在")
            }
            let files = RequestFileRepository(db)
            guard !(try await files.list(request: request.id)).contains(where: { $0.sourceFileID == fileID }) else {
                throw DomainError(.conflict, field: "file", "该文件已有遮盖后的版本，请先移除遮盖后的版本")
            }
            // A redacted copy goes with its log, and its original is no longer held back.
            try await db.delete(from: "redactions").where("redacted_file_id", .equal, fileID).run()
            if let source = file.sourceFileID { try await files.setWithheld(source, false) }
            try await files.delete(fileID)
            return ((), AuditEvent("request.removeFile", target: "request:\(id)", ["file": file.fileName, "sha256": file.sha256]))
        }
    }

    /// The files of a case, for its staff page.
    public func replyFiles(of request: InformationRequest) async throws -> [RequestFile] {
        try await RequestFileRepository(database.sql).list(request: request.id)
    }

    /// Logs the applicant's download of a released file on the case (issue 23 §1: every download
    /// is logged), with the file's checksum, so the office can show what was received and when.
    public func recordDownload(_ file: RequestFile, of request: InformationRequest) async throws {
        let applicant = AuditActor(name: "applicant", unitCode: request.application.unitCode)
        try await database.change(by: applicant, at: clock.now()) { _ in
            ((), AuditEvent("request.file.download", target: "request:\(request.id)", ["file": file.fileName, "sha256": file.sha256]))
        }
    }

    /// The files the applicant may download: only once the reply is sent (答复 or 归档).
    public func releasedFiles(of request: InformationRequest) async throws -> [RequestFile] {
        guard request.state == .answered || request.state == .archived else { return [] }
        return try await replyFiles(of: request).filter { !$0.withheld }
    }

    static func openRequest(_ id: Int, staff: StaffIdentity, on db: any SQLDatabase) async throws -> InformationRequest {
        guard let request = try await RequestRepository(db).find(id) else { throw DomainError(.notFound, field: "id", "申请 \(id) 不存在") }
        try await checkHandles(request.application.unitCode, staff, on: db)
        guard request.state.isOpen else { throw DomainError(.conflict, field: "file", "已答复的申请不能再更改答复附件") }
        return request
    }
}
