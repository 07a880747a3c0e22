import DisclosureCore
import Foundation
import SQLKit

/// A flagged request's earlier look-alikes and the clerk's decision (issue 24 §4).
public struct RepeatReview: Sendable {
    public struct Earlier: Codable, Equatable, Sendable {
        public let id: Int
        public let reason: String
        public let similarity: Double
    }

    public let requestID: Int
    public let earlier: [Earlier]
    public let flaggedAt: Date
    public let decision: RepeatApplications.Decision?
    public let note: String
    public let decidedBy: String?
    public let decidedAt: Date?
}

/// Named queries over `repeat_reviews` and the applicant counts beside them.
struct RepeatReviewRepository: Sendable {
    let db: any SQLDatabase

    init(_ db: any SQLDatabase) { self.db = db }

    private struct Row: StoredRow {
        static let table = "repeat_reviews"
        static let idColumn = "request_id"
        var requestId: Int
        var earlier: String
        var flaggedAt: String
        var decision: RepeatApplications.Decision?
        var note: String
        var decidedBy: String?
        var decidedAt: String?
    }

    /// The same applicant's other requests to `unit`, as candidates dated by receipt (or, while
    /// unconfirmed, by submission).
    func sameApplicant(unit: String, key: String, excluding id: Int) async throws -> [SimilarRequests.Candidate] {
        guard !key.isEmpty else { return [] }
        return try await db.select().columns(
            "id", "reference", "unit_code", "received_on", "submitted_at", "info_title", "info_doc_number", "info_description"
        )
        .from("requests").where("unit_code", .equal, unit).where("applicant_key", .equal, key).where("id", .notEqual, id)
        .orderBy("id", .descending).limit(500).all()
        .map { row in
            let received = try row.decode(column: "received_on", as: String?.self).flatMap(CivilDate.init(iso:))
            let submitted = Timestamp.date(try row.decode(column: "submitted_at", as: String.self)).map(CivilDate.init(instant:))
            return SimilarRequests.Candidate(
                id: try row.decode(column: "id", as: Int.self), reference: try row.decode(column: "reference", as: String.self),
                unitCode: try row.decode(column: "unit_code", as: String.self),
                receivedOn: received ?? submitted ?? CivilDate(dayNumber: 0),
                infoTitle: try row.decode(column: "info_title", as: String.self),
                infoDocNumber: try row.decode(column: "info_doc_number", as: String.self),
                infoDescription: try row.decode(column: "info_description", as: String.self))
        }
    }

    func flag(_ requestID: Int, earlier: [RepeatReview.Earlier], at now: Date) async throws {
        let row = Row(
            requestId: requestID, earlier: String(decoding: try JSONEncoder().encode(earlier), as: UTF8.self), flaggedAt: Timestamp.text(now),
            decision: nil, note: "", decidedBy: nil, decidedAt: nil)
        try await db.insert(into: Row.table).model(row, with: Row.insertEncoder).run()
    }

    func find(_ requestID: Int) async throws -> RepeatReview? {
        guard let row = try await Row.first(db.select().column("*").from(Row.table).where("request_id", .equal, requestID)) else { return nil }
        guard let earlier = try? JSONDecoder().decode([RepeatReview.Earlier].self, from: Data(row.earlier.utf8)) else {
            throw CorruptRow(table: Row.table, column: "earlier", id: "\(requestID)", reason: "无法读取")
        }
        return RepeatReview(
            requestID: requestID, earlier: earlier,
            flaggedAt: try CorruptRow.timestamp(row.flaggedAt, table: Row.table, column: "flagged_at", id: "\(requestID)"),
            decision: row.decision, note: row.note, decidedBy: row.decidedBy,
            decidedAt: try row.decidedAt.map { try CorruptRow.timestamp($0, table: Row.table, column: "decided_at", id: "\(requestID)") })
    }

    func decide(_ requestID: Int, _ decision: RepeatApplications.Decision, note: String, by actor: String, at now: Date) async throws {
        try await db.update(Row.table).set("decision", to: decision.rawValue).set("note", to: note).set("decided_by", to: actor)
            .set("decided_at", to: Timestamp.text(now)).where("request_id", .equal, requestID).run()
    }

    /// How many requests the applicant made to `unit` from `since` and from `monthStart` up to
    /// `until` (by the day they were received or, unconfirmed, submitted).
    func counts(unit: String, key: String, since: CivilDate, monthStart: CivilDate, until: CivilDate) async throws -> (inPeriod: Int, thisMonth: Int)
    {
        let candidates = try await sameApplicant(unit: unit, key: key, excluding: 0).filter { $0.receivedOn <= until }
        return (candidates.filter { $0.receivedOn >= since }.count, candidates.filter { $0.receivedOn >= monthStart }.count)
    }
}
