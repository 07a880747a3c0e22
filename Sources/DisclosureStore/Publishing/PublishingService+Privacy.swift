import DisclosureCore
import Foundation
import SQLKit

/// The personal-data step of a document's 保密审查 (issue 23 §3; 条例 第十五条): nothing with a hit
/// the reviewer has not redacted or confirmed reaches the portal.
extension PublishingService {
    static func privacySubject(_ id: Int) -> String { "document:\(id)" }

    static func privacyFields(_ draft: DocumentDraft) -> [(field: String, text: String)] { [("title", draft.title), ("body", draft.body)] }

    /// The distinct hits of the document's title and body that no confirmation covers: what the
    /// reviewer must still answer.
    public func openPrivacyFindings(_ document: GovernmentDocument) async throws -> [PrivacyReview.Finding] {
        try await Self.openPrivacyFindings(document, on: database.sql)
    }

    static func openPrivacyFindings(_ document: GovernmentDocument, on db: any SQLDatabase) async throws -> [PrivacyReview.Finding] {
        let findings = PrivacyReview.findings(in: privacyFields(document.draft))
        guard !findings.isEmpty else { return [] }
        return PrivacyReview.open(findings, confirmed: try await PrivacyDecisionRepository(db).list(subject: privacySubject(document.id)))
    }

    /// At approval: the reviewer's answers for every open hit, or an error naming the first one
    /// left unanswered. Redactions change the draft where the values stand; every decision is
    /// kept. Returns the audit's summary (masked values only), nil when there was nothing to decide.
    static func settlePrivacy(
        _ document: GovernmentDocument, answers: [Int: PrivacyReview.Answer], by staff: StaffIdentity, at now: Date, on db: any SQLDatabase
    ) async throws -> String? {
        let open = try await openPrivacyFindings(document, on: db)
        guard !open.isEmpty else { return nil }
        let decisions = try PrivacyReview.decisions(for: open, answers: answers)
        if decisions.contains(where: { $0.action == .redact }) {
            var draft = document.draft
            draft.title = PrivacyReview.redacting(draft.title, decisions: decisions)
            draft.body = PrivacyReview.redacting(draft.body, decisions: decisions)
            try await DocumentRepository(db).updateDraft(document.id, draft, at: now)
        }
        try await PrivacyDecisionRepository(db).insert(decisions, subject: privacySubject(document.id), by: staff.username, at: now)
        return decisions.map(\.auditText).joined(separator: "；")
    }

    /// Refuses to put a document with open hits on the portal (approved before the scan existed, or
    /// corrected with new personal data), naming them masked.
    static func refuseOpenPrivacy(_ document: GovernmentDocument, field: String, advice: String, on db: any SQLDatabase) async throws {
        let open = try await openPrivacyFindings(document, on: db)
        guard !open.isEmpty else { return }
        throw DomainError(.conflict, field: field, "含未经保密审查处理的个人信息（\(open.map(\.label).joined(separator: "、"))），\(advice)")
    }
}
