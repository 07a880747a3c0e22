import DisclosureCore
import Foundation
import SQLKit

/// Named queries over `letters` and `letter_templates`.
public struct LetterRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// The office's template for `kind` (and for a reply, the outcome's own one first), else the default.
    public func template(for kind: LetterKind, outcome: RequestOutcome? = nil) async throws -> LetterTemplate {
        for key in Self.keys(kind, outcome) {
            if let text = try await db.select().column("body").from("letter_templates").where("key", .equal, key)
                .first(decodingColumn: "body", as: String.self)
            {
                return try LetterTemplate(validating: text)
            }
        }
        return DefaultLetterTemplates.template(for: kind)
    }

    /// Stored templates by key (`receipt`, `reply`, `reply.r3.1` …).
    public func storedTemplates() async throws -> [String: String] {
        let rows = try await db.select().column("key").column("body").from("letter_templates").all()
        return Dictionary(
            uniqueKeysWithValues: try rows.map { (try $0.decode(column: "key", as: String.self), try $0.decode(column: "body", as: String.self)) })
    }

    public func saveTemplate(key: String, _ template: LetterTemplate, by actor: String, at now: Date) async throws {
        try await db.delete(from: "letter_templates").where("key", .equal, key).run()
        try await db.insert(into: "letter_templates").columns("key", "body", "updated_by", "updated_at")
            .values(SQLBind(key), SQLBind(template.text), SQLBind(actor), SQLBind(Timestamp.text(now))).run()
    }

    public func resetTemplate(key: String) async throws {
        try await db.delete(from: "letter_templates").where("key", .equal, key).run()
    }

    static func keys(_ kind: LetterKind, _ outcome: RequestOutcome?) -> [String] {
        guard kind == .reply, let outcome else { return [kind.rawValue] }
        return ["reply.\(outcome.rawValue)", kind.rawValue]
    }

    public func insert(
        requestID: Int, unitCode: String, kind: LetterKind, number: String, addressee: String, body: String, issuedOn: CivilDate, by actor: String,
        at now: Date
    ) async throws -> Int {
        let row = LetterRow(
            id: nil, requestId: requestID, unitCode: unitCode, kind: kind, number: number, title: kind.label, addressee: addressee, body: body,
            issuedOn: issuedOn, delivery: nil, deliveredOn: nil, trackingNumber: nil, createdBy: actor, createdAt: Timestamp.text(now))
        guard
            let id = try await db.insert(into: LetterRow.table).model(row, with: LetterRow.insertEncoder).returning("id")
                .first(decodingColumn: "id", as: Int.self)
        else { throw DomainError(.conflict, "告知书保存失败") }
        return id
    }

    public func letters(of requestID: Int) async throws -> [IssuedLetter] {
        try await LetterRow.all(db.select().column("*").from(LetterRow.table).where("request_id", .equal, requestID).orderBy("id")).map(\.letter)
    }

    public func find(_ id: Int) async throws -> IssuedLetter? {
        try await LetterRow.first(db.select().column("*").from(LetterRow.table).where("id", .equal, id))?.letter
    }

    public func recordDelivery(_ id: Int, _ delivery: LetterDelivery, on date: CivilDate, trackingNumber: String?) async throws {
        try await db.update("letters").set("delivery", to: delivery.rawValue).set("delivered_on", to: date.description)
            .set("tracking_number", to: trackingNumber).where("id", .equal, id).run()
    }
}

/// A row of `letters`.
struct LetterRow: StoredRow {
    static let table = "letters"

    var id: Int?
    var requestId: Int
    var unitCode: String
    var kind: LetterKind
    var number: String
    var title: String
    var addressee: String
    var body: String
    var issuedOn: CivilDate
    var delivery: LetterDelivery?
    var deliveredOn: CivilDate?
    var trackingNumber: String?
    var createdBy: String
    var createdAt: String

    var letter: IssuedLetter {
        IssuedLetter(
            id: id ?? 0, requestID: requestId, unitCode: unitCode, kind: kind, number: number, title: title, addressee: addressee, body: body,
            issuedOn: issuedOn, delivery: delivery, deliveredOn: deliveredOn, trackingNumber: trackingNumber)
    }
}
