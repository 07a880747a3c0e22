import DisclosureCore
import Foundation
import SQLKit

/// Named queries over `privacy_decisions`: the 保密审查's decisions on personal data, per subject
/// (`document:12`, `message:7`).
struct PrivacyDecisionRepository: Sendable {
    let db: any SQLDatabase

    init(_ db: any SQLDatabase) { self.db = db }

    func list(subject: String) async throws -> [PrivacyReview.Decision] {
        try await PrivacyDecisionRow.all(db.select().column("*").from(PrivacyDecisionRow.table).where("subject", .equal, subject).orderBy("id"))
            .compactMap(\.decision)
    }

    /// The confirmations of every subject, for a watch that reads many documents.
    func confirmations(subjects: [String]) async throws -> [String: [PrivacyReview.Decision]] {
        var result: [String: [PrivacyReview.Decision]] = [:]
        for chunk in stride(from: 0, to: subjects.count, by: 500).map({ Array(subjects[$0..<min($0 + 500, subjects.count)]) }) {
            let rows = try await PrivacyDecisionRow.all(
                db.select().column("*").from(PrivacyDecisionRow.table).where("subject", .in, chunk).where("action", .equal, "confirm"))
            for row in rows { if let decision = row.decision { result[row.subject, default: []].append(decision) } }
        }
        return result
    }

    func insert(_ decisions: [PrivacyReview.Decision], subject: String, by username: String, at now: Date) async throws {
        for decision in decisions {
            let row = PrivacyDecisionRow(
                id: nil, subject: subject, kind: decision.kind.rawValue, masked: decision.masked, action: decision.action.rawValue,
                reason: decision.reason, decidedBy: username, decidedAt: Timestamp.text(now))
            try await db.insert(into: PrivacyDecisionRow.table).model(row, with: PrivacyDecisionRow.insertEncoder).run()
        }
    }
}

/// A row of `privacy_decisions`.
struct PrivacyDecisionRow: StoredRow {
    static let table = "privacy_decisions"

    var id: Int?
    var subject: String
    var kind: String
    var masked: String
    var action: String
    var reason: String
    var decidedBy: String
    var decidedAt: String

    var decision: PrivacyReview.Decision? {
        guard let kind = PersonalDataScan.Kind(rawValue: kind), let action = PrivacyReview.Action(rawValue: action) else { return nil }
        return PrivacyReview.Decision(kind: kind, masked: masked, action: action, reason: reason)
    }
}
