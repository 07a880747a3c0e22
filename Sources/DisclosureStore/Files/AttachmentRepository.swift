import DisclosureCore
import Foundation
import SQLKit

/// A file attached to a document.
public struct Attachment: Sendable, Equatable {
    public let id: Int
    public let documentID: Int
    public let fileName: String
    public let mediaType: String
    public let size: Int
    public let sha256: String
}

/// Named queries over `attachments`.
public struct AttachmentRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func list(document: Int) async throws -> [Attachment] {
        try await AttachmentRow.all(db.select().column("*").from(AttachmentRow.table).where("document_id", .equal, document).orderBy("id"))
            .map(\.attachment)
    }

    public func find(_ id: Int) async throws -> Attachment? {
        try await AttachmentRow.first(db.select().column("*").from(AttachmentRow.table).where("id", .equal, id))?.attachment
    }

    func insert(document: Int, fileName: String, mediaType: String, size: Int, sha256: String, at now: Date) async throws -> Int {
        let row = AttachmentRow(
            id: nil, documentId: document, fileName: fileName, mediaType: mediaType, size: size, sha256: sha256, createdAt: Timestamp.text(now))
        return try await db.insert(into: AttachmentRow.table).model(row, with: AttachmentRow.insertEncoder).returning("id")
            .first(decodingColumn: "id", as: Int.self) ?? 0
    }

    func delete(_ id: Int) async throws {
        try await db.delete(from: "attachment_texts").where("attachment_id", .equal, id).run()
        try await db.delete(from: "attachments").where("id", .equal, id).run()
    }

    /// Keeps an attachment's extracted text (issue 23 §5).
    func saveText(_ extracted: AttachmentText.Extracted, for id: Int, at now: Date) async throws {
        try await db.insert(into: "attachment_texts").columns("attachment_id", "status", "text", "extracted_at")
            .values(SQLBind(id), SQLBind(extracted.status.rawValue), SQLBind(extracted.text), SQLBind(Timestamp.text(now))).run()
    }

    /// Each attachment's extracted text and its status, by document, in upload order.
    public func texts(documents: [Int]) async throws -> [Int: [(attachment: Attachment, status: AttachmentText.Status, text: String)]] {
        guard !documents.isEmpty else { return [:] }
        let attachments = try await AttachmentRow.all(
            db.select().column("*").from(AttachmentRow.table).where("document_id", .in, documents).orderBy("id")
        ).map(\.attachment)
        guard !attachments.isEmpty else { return [:] }
        var texts: [Int: (AttachmentText.Status, String)] = [:]
        for row in try await db.select().columns("attachment_id", "status", "text").from("attachment_texts")
            .where("attachment_id", .in, attachments.map(\.id)).all()
        {
            let status = AttachmentText.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .failed
            texts[try row.decode(column: "attachment_id", as: Int.self)] = (status, try row.decode(column: "text", as: String.self))
        }
        var result: [Int: [(attachment: Attachment, status: AttachmentText.Status, text: String)]] = [:]
        for attachment in attachments {
            // Uploaded before texts were extracted: nothing to search, said so.
            let (status, text) = texts[attachment.id] ?? (.unsupported, "")
            result[attachment.documentID, default: []].append((attachment, status, text))
        }
        return result
    }
}

/// A row of `attachments`.
struct AttachmentRow: StoredRow {
    static let table = "attachments"

    var id: Int?
    var documentId: Int
    var fileName: String
    var mediaType: String
    var size: Int
    var sha256: String
    var createdAt: String

    var attachment: Attachment {
        Attachment(id: id ?? 0, documentID: documentId, fileName: fileName, mediaType: mediaType, size: size, sha256: sha256)
    }
}
