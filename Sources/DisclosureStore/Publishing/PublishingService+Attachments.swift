import DisclosureCore
import Foundation
import SQLKit

extension PublishingService {
    /// Attaches a file to a document still being drafted (草稿); type, size and content are checked,
    /// and the bytes are stored only once the actor may edit the document (issue 17: a refused
    /// upload used to reach the disk anyway), just before the row that names them is written.
    public func attach(_ documentID: Int, fileName: String, bytes: [UInt8], store: any FileStore, by staff: StaffIdentity) async throws -> Attachment
    {
        let name = AttachmentKind.safeName(fileName)
        let kind = try AttachmentKind.detect(fileName: name, bytes: bytes)
        // Before the transaction: pdftotext may take seconds and holds no lock.
        let extracted = AttachmentText.extract(bytes, kind: kind)
        let now = clock.now()
        let id: Int = try await change(by: staff, at: now) { db in
            guard let document = try await DocumentRepository(db).find(documentID) else {
                throw DomainError(.notFound, field: "id", "文件 \(documentID) 不存在")
            }
            try await Self.checkActsFor(document.draft.unitCode, staff, action: .edit, on: db)
            try DocumentAction.edit.check(from: document.state, role: staff.role)
            let hash = try store.put(bytes)
            let id = try await AttachmentRepository(db).insert(
                document: documentID, fileName: name, mediaType: kind.mediaType, size: bytes.count, sha256: hash, at: now)
            try await AttachmentRepository(db).saveText(extracted, for: id, at: now)
            return (
                id,
                AuditEvent(
                    "document.attach", target: "document:\(documentID)",
                    ["file": name, "sha256": hash, "size": String(bytes.count), "text": extracted.status.rawValue])
            )
        }
        return try await AttachmentRepository(database.sql).find(id)!
    }

    public func detach(_ attachmentID: Int, by staff: StaffIdentity) async throws {
        try await change(by: staff, at: clock.now()) { db in
            guard let attachment = try await AttachmentRepository(db).find(attachmentID),
                let document = try await DocumentRepository(db).find(attachment.documentID)
            else { throw DomainError(.notFound, field: "id", "附件 \(attachmentID) 不存在") }
            try await Self.checkActsFor(document.draft.unitCode, staff, action: .edit, on: db)
            try DocumentAction.edit.check(from: document.state, role: staff.role)
            try await AttachmentRepository(db).delete(attachmentID)
            return ((), AuditEvent("document.detach", target: "document:\(document.id)", ["file": attachment.fileName]))
        }
    }
}
