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
        try await db.delete(from: "attachments").where("id", .equal, id).run()
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
