import DisclosureCore
import Foundation
import SQLKit

/// A file released with the reply to an application (the information itself).
public struct RequestFile: Sendable, Equatable {
    public let id: Int
    public let requestID: Int
    public let fileName: String
    public let mediaType: String
    public let size: Int
    public let sha256: String
    public let addedBy: String
    /// The file this is a redacted copy of (部分公开).
    public let sourceFileID: Int?
    /// An original that a redacted copy replaces: kept for the record, never released.
    public let withheld: Bool
    /// A PDF's page count, for the letter.
    public let pages: Int?
}

/// Named queries over `request_files`.
struct RequestFileRepository: Sendable {
    let db: any SQLDatabase

    init(_ db: any SQLDatabase) { self.db = db }

    func list(request: Int) async throws -> [RequestFile] {
        try await RequestFileRow.all(db.select().column("*").from(RequestFileRow.table).where("request_id", .equal, request).orderBy("id"))
            .map(\.file)
    }

    func find(_ id: Int) async throws -> RequestFile? {
        try await RequestFileRow.first(db.select().column("*").from(RequestFileRow.table).where("id", .equal, id))?.file
    }

    func insert(
        request: Int, fileName: String, mediaType: String, size: Int, sha256: String, addedBy: String, at now: Date, sourceFileID: Int? = nil,
        pages: Int? = nil
    ) async throws -> Int {
        let row = RequestFileRow(
            id: nil, requestId: request, fileName: fileName, mediaType: mediaType, size: size, sha256: sha256, addedBy: addedBy,
            createdAt: Timestamp.text(now), sourceFileId: sourceFileID, withheld: false, pages: pages)
        return try await db.insert(into: RequestFileRow.table).model(row, with: RequestFileRow.insertEncoder).returning("id")
            .first(decodingColumn: "id", as: Int.self) ?? 0
    }

    func delete(_ id: Int) async throws {
        try await db.delete(from: "request_file_texts").where("file_id", .equal, id).run()
        try await db.delete(from: RequestFileRow.table).where("id", .equal, id).run()
    }

    func saveText(_ extracted: AttachmentText.Extracted, for id: Int, at now: Date) async throws {
        try await db.insert(into: "request_file_texts").columns("file_id", "status", "text", "extracted_at")
            .values(SQLBind(id), SQLBind(extracted.status.rawValue), SQLBind(extracted.text), SQLBind(Timestamp.text(now))).run()
    }

    /// The extracted text of each of the files, by file id.
    func texts(_ ids: [Int]) async throws -> [Int: String] {
        guard !ids.isEmpty else { return [:] }
        var texts: [Int: String] = [:]
        for row in try await db.select().columns("file_id", "text").from("request_file_texts").where("file_id", .in, ids).all() {
            texts[try row.decode(column: "file_id", as: Int.self)] = try row.decode(column: "text", as: String.self)
        }
        return texts
    }

    func setWithheld(_ id: Int, _ withheld: Bool) async throws {
        try await db.update(RequestFileRow.table).set("withheld", to: withheld).where("id", .equal, id).run()
    }
}

/// A row of `request_files`.
struct RequestFileRow: StoredRow {
    static let table = "request_files"

    var id: Int?
    var requestId: Int
    var fileName: String
    var mediaType: String
    var size: Int
    var sha256: String
    var addedBy: String
    var createdAt: String
    var sourceFileId: Int?
    var withheld: Bool
    var pages: Int?

    var file: RequestFile {
        RequestFile(
            id: id ?? 0, requestID: requestId, fileName: fileName, mediaType: mediaType, size: size, sha256: sha256, addedBy: addedBy,
            sourceFileID: sourceFileId, withheld: withheld, pages: pages)
    }
}
