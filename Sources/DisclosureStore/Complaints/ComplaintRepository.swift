import DisclosureCore
import Foundation
import SQLKit

/// Named queries over `complaints` and `complaint_events`.
public struct ComplaintRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// One line of a complaint's history, as the case page shows it.
    public struct Event: Equatable, Sendable {
        public let action: String
        public let note: String
        public let actor: String
        public let recordedAt: String
    }

    public func insert(_ submission: ComplaintSubmission, reference: String, codeHash: String, receivedOn: CivilDate, by actor: String, at now: Date)
        async throws -> Int
    {
        let stamp = Timestamp.text(now)
        let columns: [(String, any Encodable & Sendable)] = [
            ("reference", reference), ("query_code_hash", codeHash), ("unit_code", submission.unitCode), ("channel", submission.channel.rawValue),
            ("kind", submission.kind.rawValue), ("subject", submission.subject), ("content", submission.content),
            ("complainant_name", submission.complainantName), ("phone", submission.phone), ("email", submission.email),
            ("received_on", receivedOn.description), ("state", ComplaintState.handling.rawValue), ("reply_text", ""), ("rectification", ""),
            ("created_by", actor), ("created_at", stamp), ("updated_at", stamp),
        ]
        return try await db.insertReturningID(into: "complaints", columns, failure: "投诉保存失败")
    }

    public func find(_ id: Int) async throws -> Complaint? {
        try await db.select().column("*").from("complaints").where("id", .equal, id).first().map(Self.decode)
    }

    public func find(reference: String) async throws -> Complaint? {
        try await db.select().column("*").from("complaints").where("reference", .equal, reference).first().map(Self.decode)
    }

    public func codeHash(reference: String) async throws -> String? {
        try await db.select().column("query_code_hash").from("complaints").where("reference", .equal, reference)
            .first(decodingColumn: "query_code_hash", as: String.self)
    }

    public func list(units: [String], openOnly: Bool = false, limit: Int = 500) async throws -> [Complaint] {
        guard !units.isEmpty else { return [] }
        var query = db.select().column("*").from("complaints").where("unit_code", .in, units)
        if openOnly { query = query.where("state", .notEqual, ComplaintState.closed.rawValue) }
        return try await query.orderBy("id", .descending).limit(limit).all().map(Self.decode)
    }

    public func update(_ id: Int, at now: Date, _ values: [String: (any Encodable & Sendable)?]) async throws {
        try await db.updateRow("complaints", id: id, at: now, values)
    }

    public func append(_ action: String, note: String, to id: Int, by actor: String, at now: Date) async throws {
        try await db.insert(into: "complaint_events").columns("complaint_id", "action", "note", "actor", "recorded_at")
            .values(SQLBind(id), SQLBind(action), SQLBind(note), SQLBind(actor), SQLBind(Timestamp.text(now))).run()
    }

    public func events(of id: Int) async throws -> [Event] {
        try await db.select().column("*").from("complaint_events").where("complaint_id", .equal, id).orderBy("id").all().map {
            Event(
                action: try $0.decode(column: "action", as: String.self), note: try $0.decode(column: "note", as: String.self),
                actor: try $0.decode(column: "actor", as: String.self), recordedAt: try $0.decode(column: "recorded_at", as: String.self))
        }
    }

    static func decode(_ row: any SQLRow) throws -> Complaint {
        func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
        func date(_ column: String) throws -> CivilDate? { try row.decode(column: column, as: String?.self).flatMap(CivilDate.init(iso:)) }
        let submission = ComplaintSubmission(
            unitCode: try text("unit_code"), channel: ComplaintChannel(rawValue: try text("channel")) ?? .online,
            kind: ComplaintKind(rawValue: try text("kind")) ?? .other, subject: try text("subject"), content: try text("content"),
            complainantName: try text("complainant_name"), phone: try text("phone"), email: try text("email"))
        let reply = ComplaintReply(
            outcome: try row.decode(column: "outcome", as: String?.self).flatMap(ComplaintOutcome.init(rawValue:)), text: try text("reply_text"),
            rectification: try text("rectification"))
        return Complaint(
            id: try row.decode(column: "id", as: Int.self), reference: try text("reference"), submission: submission,
            receivedOn: try date("received_on") ?? CivilDate(year: 1970, month: 1, day: 1)!,
            state: ComplaintState(rawValue: try text("state")) ?? .handling, reply: reply,
            draftedBy: try row.decode(column: "drafted_by", as: String?.self),
            answeredOn: try date("answered_on"), escalatedOn: try date("escalated_on"), createdBy: try text("created_by"))
    }
}
