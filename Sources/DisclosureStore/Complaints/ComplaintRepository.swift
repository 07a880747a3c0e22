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
        let row = ComplaintRow(
            id: nil, reference: reference, queryCodeHash: codeHash, unitCode: submission.unitCode, channel: submission.channel,
            kind: submission.kind, subject: submission.subject, content: submission.content, complainantName: submission.complainantName,
            phone: submission.phone, email: submission.email, receivedOn: receivedOn, state: .handling, outcome: nil, replyText: "",
            rectification: "", draftedBy: nil, answeredOn: nil, escalatedOn: nil, createdBy: actor, createdAt: stamp, updatedAt: stamp)
        guard
            let id = try await db.insert(into: ComplaintRow.table).model(row, with: ComplaintRow.insertEncoder).returning("id")
                .first(decodingColumn: "id", as: Int.self)
        else { throw DomainError(.conflict, "投诉保存失败") }
        return id
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

    /// Writes the handling columns of a complaint (the only ones that change after intake).
    public func save(_ complaint: Complaint, at now: Date) async throws {
        try await db.update(ComplaintRow.table).set(model: ComplaintRow.Handling(complaint, at: now), with: ComplaintRow.encoder)
            .where("id", .equal, complaint.id).run()
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

    static func decode(_ row: any SQLRow) throws -> Complaint { try ComplaintRow.read(row).complaint }
}

/// A row of `complaints`.
struct ComplaintRow: StoredRow {
    static let table = "complaints"

    var id: Int?
    var reference: String
    var queryCodeHash: String
    var unitCode: String
    var channel: ComplaintChannel
    var kind: ComplaintKind
    var subject: String
    var content: String
    var complainantName: String
    var phone: String
    var email: String
    var receivedOn: CivilDate
    var state: ComplaintState
    var outcome: ComplaintOutcome?
    var replyText: String
    var rectification: String
    var draftedBy: String?
    var answeredOn: CivilDate?
    var escalatedOn: CivilDate?
    var createdBy: String
    var createdAt: String
    var updatedAt: String

    /// What changes as a complaint is handled: its unit (on reassignment), state, answer, escalation.
    struct Handling: Encodable {
        var unitCode: String
        var state: ComplaintState
        var outcome: ComplaintOutcome?
        var replyText: String
        var rectification: String
        var draftedBy: String?
        var answeredOn: CivilDate?
        var escalatedOn: CivilDate?
        var updatedAt: String

        init(_ complaint: Complaint, at now: Date) {
            unitCode = complaint.unitCode
            state = complaint.state
            outcome = complaint.reply.outcome
            replyText = complaint.reply.text
            rectification = complaint.reply.rectification
            draftedBy = complaint.draftedBy
            answeredOn = complaint.answeredOn
            escalatedOn = complaint.escalatedOn
            updatedAt = Timestamp.text(now)
        }
    }

    var complaint: Complaint {
        Complaint(
            id: id ?? 0, reference: reference,
            submission: ComplaintSubmission(
                unitCode: unitCode, channel: channel, kind: kind, subject: subject, content: content, complainantName: complainantName, phone: phone,
                email: email),
            receivedOn: receivedOn, state: state, reply: ComplaintReply(outcome: outcome, text: replyText, rectification: rectification),
            draftedBy: draftedBy, answeredOn: answeredOn, escalatedOn: escalatedOn, createdBy: createdBy)
    }
}
