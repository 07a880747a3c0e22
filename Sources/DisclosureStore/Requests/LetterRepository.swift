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
        let row = try await db.insert(into: "letters")
            .columns("request_id", "unit_code", "kind", "number", "title", "addressee", "body", "issued_on", "created_by", "created_at")
            .values(
                SQLBind(requestID), SQLBind(unitCode), SQLBind(kind.rawValue), SQLBind(number), SQLBind(kind.label), SQLBind(addressee),
                SQLBind(body),
                SQLBind(issuedOn.description), SQLBind(actor), SQLBind(Timestamp.text(now))
            ).returning("id").first()
        guard let row else { throw DomainError(.conflict, "告知书保存失败") }
        return try row.decode(column: "id", as: Int.self)
    }

    public func letters(of requestID: Int) async throws -> [IssuedLetter] {
        try await db.select().column("*").from("letters").where("request_id", .equal, requestID).orderBy("id").all().map(Self.decode)
    }

    public func find(_ id: Int) async throws -> IssuedLetter? {
        try await db.select().column("*").from("letters").where("id", .equal, id).first().map(Self.decode)
    }

    public func recordDelivery(_ id: Int, _ delivery: LetterDelivery, on date: CivilDate, trackingNumber: String?) async throws {
        try await db.update("letters").set("delivery", to: delivery.rawValue).set("delivered_on", to: date.description)
            .set("tracking_number", to: trackingNumber).where("id", .equal, id).run()
    }

    static func decode(_ row: any SQLRow) throws -> IssuedLetter {
        func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
        func optional(_ column: String) throws -> String? { try row.decode(column: column, as: String?.self) }
        return IssuedLetter(
            id: try row.decode(column: "id", as: Int.self), requestID: try row.decode(column: "request_id", as: Int.self),
            unitCode: try text("unit_code"),
            kind: LetterKind(rawValue: try text("kind")) ?? .reply, number: try text("number"), title: try text("title"),
            addressee: try text("addressee"), body: try text("body"), issuedOn: CivilDate(iso: try text("issued_on"))!,
            delivery: try optional("delivery").flatMap(LetterDelivery.init(rawValue:)),
            deliveredOn: try optional("delivered_on").flatMap(CivilDate.init(iso:)), trackingNumber: try optional("tracking_number"))
    }
}
