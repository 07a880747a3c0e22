import DisclosureCore
import Foundation
import SQLKit

/// Named queries over `documents`, `document_versions` and `index_sequences`.
public struct DocumentRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func find(_ id: Int) async throws -> GovernmentDocument? {
        try await db.select().column("*").from("documents").where("id", .equal, id).first().map(Self.decode)
    }

    /// Several documents in the order of `ids` (missing ones are skipped).
    public func find(ids: [Int]) async throws -> [GovernmentDocument] {
        guard !ids.isEmpty else { return [] }
        let rows = try await db.select().column("*").from("documents").where("id", .in, ids).all().map(Self.decode)
        let byID = Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return ids.compactMap { byID[$0] }
    }

    /// Published documents whose 索引号 or 文号 is exactly `text` (the search page asks on every
    /// query). Two lookups, each on its own index: with the state in the same WHERE, SQLite walked
    /// every published document instead (0.3 s at 100,000).
    public func findPublic(indexOrDocNumber text: String) async throws -> [GovernmentDocument] {
        // No 索引号 or 文号 holds a control character, and PostgreSQL refuses a NUL in a bound string.
        guard !text.isEmpty, text.count <= 200, !text.unicodeScalars.contains(where: PlainText.isControl) else { return [] }
        let byIndex = try await db.select().column("*").from("documents").where("index_number", .equal, text).limit(1).all()
        // The part after the unit code (`2026-00001`): the same in several units, so up to 20.
        let byTail = try await db.select().column("*").from("documents")
            .where(SQLRaw(Self.indexTail(db.dialect.name == "postgresql")), .equal, SQLBind(text)).orderBy("id").limit(20).all()
        let byNumber = try await db.select().column("*").from("documents").where("doc_number", .equal, text).orderBy("id").limit(20).all()
        var seen = Set<Int>()
        return try (byIndex + byNumber + byTail).map(Self.decode).filter { $0.isPublic && seen.insert($0.id).inserted }.prefix(5).map { $0 }
    }

    /// The 索引号 after its first `/` (the whole when it has none), as SQL; migration 0011 indexes
    /// exactly this expression, so a lookup by it uses the index.
    static func indexTail(_ postgres: Bool) -> String {
        postgres ? "substr(index_number, position('/' in index_number) + 1)" : "substr(index_number, instr(index_number, '/') + 1)"
    }

    public func docNumberTaken(_ docNumber: String, unit: String, except id: Int?) async throws -> Bool {
        guard !docNumber.isEmpty else { return false }
        var query = db.select().column("id").from("documents").where("unit_code", .equal, unit).where("doc_number", .equal, docNumber)
        if let id { query = query.where("id", .notEqual, id) }
        return try await query.first() != nil
    }

    public func insert(_ draft: DocumentDraft, indexNumber: String, state: DocumentState, by actor: String, at now: Date) async throws -> Int {
        let stamp = Timestamp.text(now)
        var columns = Self.draftColumns(draft)
        columns += [
            ("index_number", SQLBind(indexNumber)), ("state", SQLBind(state.rawValue)), ("version", SQLBind(1)), ("created_by", SQLBind(actor)),
            ("created_at", SQLBind(stamp)), ("updated_at", SQLBind(stamp)),
        ]
        let row = try await db.insert(into: "documents").columns(columns.map(\.0)).values(columns.map { $0.1 as any SQLExpression })
            .returning("id").first()
        guard let row else { throw DomainError(.conflict, "文件保存失败") }
        return try row.decode(column: "id", as: Int.self)
    }

    public func updateDraft(_ id: Int, _ draft: DocumentDraft, at now: Date) async throws {
        var update = db.update("documents").set("updated_at", to: Timestamp.text(now))
        for (column, value) in Self.draftColumns(draft) where column != "unit_code" {
            update = update.set(SQLIdentifier(column), to: value)
        }
        try await update.where("id", .equal, id).run()
    }

    public func setState(
        _ id: Int, _ state: DocumentState, publishAt: Date? = nil, publishedAt: Date? = nil, withdrawnReason: String? = nil, at now: Date
    ) async throws {
        var update = db.update("documents").set("state", to: state.rawValue).set("updated_at", to: Timestamp.text(now))
        update = update.set("publish_at", to: publishAt.map(Timestamp.text))
        if let publishedAt {
            update = update.set("published_at", to: Timestamp.text(publishedAt))
                .set("published_on", to: CivilDate(instant: publishedAt).description)
        }
        if let withdrawnReason { update = update.set("withdrawn_reason", to: withdrawnReason) }
        try await update.where("id", .equal, id).run()
    }

    /// Keeps the text before a correction (issue 3 §3: every earlier version stays readable to staff).
    public func archiveVersion(_ document: GovernmentDocument, by actor: String, at now: Date) async throws {
        try await db.insert(into: "document_versions")
            .columns("document_id", "version", "title", "doc_number", "body", "correction_notice", "recorded_at", "recorded_by")
            .values(
                SQLBind(document.id), SQLBind(document.version), SQLBind(document.draft.title), SQLBind(document.draft.docNumber),
                SQLBind(document.draft.body), SQLBind(document.correctionNotice), SQLBind(Timestamp.text(now)), SQLBind(actor)
            ).run()
    }

    public func applyCorrection(_ id: Int, title: String, body: String, notice: String, version: Int, at now: Date) async throws {
        try await db.update("documents").set("title", to: title).set("body", to: body).set("correction_notice", to: notice)
            .set("version", to: version).set("updated_at", to: Timestamp.text(now)).where("id", .equal, id).run()
    }

    public func versions(of id: Int) async throws -> [DocumentVersion] {
        try await DocumentVersionRow.all(db.select().column("*").from(DocumentVersionRow.table).where("document_id", .equal, id).orderBy("version"))
            .map(\.documentVersion)
    }

    /// Scheduled documents whose time has come.
    public func dueForPublication(at now: Date) async throws -> [Int] {
        try await db.select().column("id").from("documents").where("state", .equal, DocumentState.scheduled.rawValue)
            .where("publish_at", .lessThanOrEqual, Timestamp.text(now)).all(decodingColumn: "id", as: Int.self)
    }

    static func draftColumns(_ draft: DocumentDraft) -> [(String, SQLBind)] {
        [
            ("unit_code", SQLBind(draft.unitCode)), ("title", SQLBind(draft.title)), ("doc_number", SQLBind(draft.docNumber)),
            ("issuer", SQLBind(draft.issuer)), ("topic", SQLBind(draft.topic)), ("catalog_entry_id", SQLBind(draft.catalogEntryID)),
            ("category", SQLBind(draft.category)), ("generated_on", SQLBind(draft.generatedOn.description)), ("body", SQLBind(draft.body)),
            ("attribute", SQLBind(draft.attribute.rawValue)), ("withholding_reason", SQLBind(draft.withholdingReason?.rawValue)),
            ("channels", SQLBind(draft.channels.map(\.rawValue).joined(separator: "|"))), ("is_normative", SQLBind(draft.isNormative)),
            ("effective_from", SQLBind(draft.validity.effectiveFrom?.description)), ("expires_on", SQLBind(draft.validity.expiresOn?.description)),
            ("repealed_on", SQLBind(draft.validity.repealedOn?.description)), ("interprets_document_id", SQLBind(draft.interpretsDocumentID)),
        ]
    }

    static func decode(_ row: any SQLRow) throws -> GovernmentDocument { try DocumentRow.read(row).document() }
}

/// A row of `documents`.
struct DocumentRow: StoredRow {
    static let table = "documents"

    var id: Int
    var indexNumber: String
    var unitCode: String
    var title: String
    var docNumber: String
    var issuer: String
    var topic: String
    var catalogEntryId: Int?
    var category: String
    var generatedOn: CivilDate
    var body: String
    var attribute: DisclosureAttribute
    var withholdingReason: WithholdingReason?
    var channels: String
    var isNormative: Bool
    var effectiveFrom: CivilDate?
    var expiresOn: CivilDate?
    var repealedOn: CivilDate?
    var interpretsDocumentId: Int?
    var state: DocumentState
    var version: Int
    var correctionNotice: String?
    var publishAt: String?
    var publishedOn: CivilDate?
    var withdrawnReason: String?

    func document() throws -> GovernmentDocument {
        var parsedChannels: [PublicationChannel] = []
        for name in channels.split(separator: "|") {
            guard let channel = PublicationChannel(rawValue: String(name)) else {
                throw CorruptRow(table: Self.table, column: "channels", id: "\(id)", reason: "发布渠道「\(name.prefix(40))」无法识别")
            }
            parsedChannels.append(channel)
        }
        let draft = DocumentDraft(
            unitCode: unitCode, title: title, docNumber: docNumber, issuer: issuer, topic: topic, catalogEntryID: catalogEntryId, category: category,
            generatedOn: generatedOn, body: body, attribute: attribute, withholdingReason: withholdingReason, channels: parsedChannels,
            isNormative: isNormative, validity: DocumentValidity(effectiveFrom: effectiveFrom, expiresOn: expiresOn, repealedOn: repealedOn),
            interpretsDocumentID: interpretsDocumentId)
        return GovernmentDocument(
            id: id, indexNumber: indexNumber, draft: draft, state: state, version: version, correctionNotice: correctionNotice,
            publishAt: try publishAt.map { try CorruptRow.timestamp($0, table: Self.table, column: "publish_at", id: "\(id)") },
            publishedOn: publishedOn, withdrawnReason: withdrawnReason)
    }
}

/// A row of `document_versions` as read.
struct DocumentVersionRow: StoredRow {
    static let table = "document_versions"
    static let idColumn = "document_id"

    var version: Int
    var title: String
    var docNumber: String
    var body: String
    var correctionNotice: String?
    var recordedAt: String
    var recordedBy: String

    var documentVersion: DocumentVersion {
        DocumentVersion(
            version: version, title: title, docNumber: docNumber, body: body, correctionNotice: correctionNotice, recordedAt: recordedAt,
            recordedBy: recordedBy)
    }
}

/// An earlier text of a corrected document.
public struct DocumentVersion: Sendable, Equatable {
    public let version: Int
    public let title: String
    public let docNumber: String
    public let body: String
    public let correctionNotice: String?
    public let recordedAt: String
    public let recordedBy: String
}
