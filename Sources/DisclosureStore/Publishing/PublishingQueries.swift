import DisclosureCore
import Foundation
import SQLKit

/// Reads of documents, the catalog and attachments for the portal, the console and the
/// API. Visibility rules that decide who may act live in `PublishingService`; these are the lists
/// and lookups pages draw.
public struct PublishingQueries: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func document(_ id: Int) async throws -> GovernmentDocument? { try await DocumentRepository(database.sql).find(id) }

    public func documents(ids: [Int]) async throws -> [GovernmentDocument] { try await DocumentRepository(database.sql).find(ids: ids) }

    /// Published documents whose 索引号 or 文号 is exactly `text`.
    public func publicDocuments(indexOrDocNumber text: String) async throws -> [GovernmentDocument] {
        try await DocumentRepository(database.sql).findPublic(indexOrDocNumber: text)
    }

    /// Published 主动公开 interpretations of a document (政策解读 linked to it), at most 20.
    public func interpretations(of documentID: Int) async throws -> [(id: Int, title: String)] {
        try await database.sql.select().column("id").column("title").from("documents")
            .where("interprets_document_id", .equal, documentID).where("state", .equal, DocumentState.published.rawValue)
            .where("attribute", .equal, DisclosureAttribute.proactive.rawValue).limit(20).all()
            .map { (try $0.decode(column: "id", as: Int.self), try $0.decode(column: "title", as: String.self)) }
    }

    public func versions(of id: Int) async throws -> [DocumentVersion] { try await DocumentRepository(database.sql).versions(of: id) }

    public func attachments(of documentID: Int) async throws -> [Attachment] {
        try await AttachmentRepository(database.sql).list(document: documentID)
    }

    public func attachment(_ id: Int) async throws -> Attachment? { try await AttachmentRepository(database.sql).find(id) }

    public func catalogEntries(unit: String? = nil) async throws -> [CatalogEntry] { try await CatalogRepository(database.sql).entries(unit: unit) }

    public func catalogEntry(_ id: Int) async throws -> CatalogEntry? { try await CatalogRepository(database.sql).find(id) }

    public func statutoryEntries() async throws -> [CatalogEntry] { try await CatalogRepository(database.sql).statutoryEntries() }

    public func publicList(units: [String]?, category: String?, catalogEntries: [Int]? = nil, offset: Int, limit: Int) async throws
        -> [DocumentSummary]
    {
        try await DocumentListRepository(database.sql).publicList(
            units: units, category: category, catalogEntries: catalogEntries, offset: offset, limit: limit)
    }

    public func publicCount(units: [String]?, category: String?, catalogEntries: [Int]? = nil) async throws -> Int {
        try await DocumentListRepository(database.sql).publicCount(units: units, category: category, catalogEntries: catalogEntries)
    }

    public func publicChanges(since: Date?, limit: Int) async throws -> [DocumentSummary] {
        try await DocumentListRepository(database.sql).publicChanges(since: since, limit: limit)
    }

    public func staffList(units: [String], state: DocumentState?, offset: Int, limit: Int) async throws -> [DocumentSummary] {
        try await DocumentListRepository(database.sql).staffList(units: units, state: state, offset: offset, limit: limit)
    }

    public func staffCount(units: [String], state: DocumentState?) async throws -> Int {
        try await DocumentListRepository(database.sql).staffCount(units: units, state: state)
    }

    /// The request a document came from when it was moved into 主动公开 (条例 第四十四条).
    public func sourceRequest(ofDocument documentID: Int) async throws -> (id: Int, reference: String)? {
        let db = database.sql
        guard
            let requestID = try await db.select().column("request_id").from("request_publications").where("document_id", .equal, documentID)
                .first(decodingColumn: "request_id", as: Int.self),
            let reference = try await db.select().column("reference").from("requests").where("id", .equal, requestID)
                .first(decodingColumn: "reference", as: String.self)
        else { return nil }
        return (requestID, reference)
    }

    /// Each attachment's extracted text and status (issue 23 §5).
    public func attachmentTexts(of documentID: Int) async throws -> [(attachment: Attachment, status: AttachmentText.Status, text: String)] {
        try await AttachmentRepository(database.sql).texts(documents: [documentID])[documentID] ?? []
    }
}
