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
        try await db.select().column("*").from("attachments").where("document_id", .equal, document).orderBy("id").all().map(Self.decode)
    }

    public func find(_ id: Int) async throws -> Attachment? {
        try await db.select().column("*").from("attachments").where("id", .equal, id).first().map(Self.decode)
    }

    func insert(document: Int, fileName: String, mediaType: String, size: Int, sha256: String, at now: Date) async throws -> Int {
        let row = try await db.insert(into: "attachments").columns("document_id", "file_name", "media_type", "size", "sha256", "created_at")
            .values(SQLBind(document), SQLBind(fileName), SQLBind(mediaType), SQLBind(size), SQLBind(sha256), SQLBind(Timestamp.text(now)))
            .returning("id").first()
        return try row?.decode(column: "id", as: Int.self) ?? 0
    }

    func delete(_ id: Int) async throws {
        try await db.delete(from: "attachments").where("id", .equal, id).run()
    }

    static func decode(_ row: any SQLRow) throws -> Attachment {
        Attachment(
            id: try row.decode(column: "id", as: Int.self), documentID: try row.decode(column: "document_id", as: Int.self),
            fileName: try row.decode(column: "file_name", as: String.self), mediaType: try row.decode(column: "media_type", as: String.self),
            size: try row.decode(column: "size", as: Int.self), sha256: try row.decode(column: "sha256", as: String.self))
    }
}
