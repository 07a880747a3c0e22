import DisclosureCore
import Foundation
import SQLKit

/// The personal-data step of a document's 保密审查 (issue 23 §3; 条例 第十五条): nothing with a hit
/// the reviewer has not redacted or confirmed reaches the portal.
extension PublishingService {
    static func privacySubject(_ id: Int) -> String { "document:\(id)" }

    static func privacyFields(_ draft: DocumentDraft) -> [(field: String, text: String)] { [("title", draft.title), ("body", draft.body)] }

    /// The attachments' extracted text as fields named 附件「name」 (issue 23 §3: every attachment's
    /// text is scanned before review too).
    static func attachmentFields(_ documentID: Int, on db: any SQLDatabase) async throws -> [(field: String, text: String)] {
        attachmentFields(try await AttachmentRepository(db).texts(documents: [documentID])[documentID, default: []])
    }

    static func attachmentFields(_ files: [(attachment: Attachment, status: AttachmentText.Status, text: String)]) -> [(field: String, text: String)]
    {
        files.filter { !$0.text.isEmpty }.map { (field: attachmentField($0.attachment.fileName), text: $0.text) }
    }

    /// How an attachment is named as a field of the scan.
    public static func attachmentField(_ fileName: String) -> String { "附件「\(fileName)」" }

    /// The title, body and attachments of a document as the scan reads them, by field.
    public func privacyTexts(_ document: GovernmentDocument) async throws -> [String: String] {
        var texts = Dictionary(uniqueKeysWithValues: Self.privacyFields(document.draft))
        for (field, text) in try await Self.attachmentFields(document.id, on: database.sql) { texts[field] = text }
        return texts
    }

    /// The distinct hits of the document's title and body that no confirmation covers: what the
    /// reviewer must still answer.
    public func openPrivacyFindings(_ document: GovernmentDocument) async throws -> [PrivacyReview.Finding] {
        try await Self.openPrivacyFindings(document, on: database.sql)
    }

    static func openPrivacyFindings(_ document: GovernmentDocument, on db: any SQLDatabase) async throws -> [PrivacyReview.Finding] {
        let findings = PrivacyReview.findings(in: privacyFields(document.draft) + (try await attachmentFields(document.id, on: db)))
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
            var redacted = document
            redacted.draft.title = PrivacyReview.redacting(redacted.draft.title, decisions: decisions)
            redacted.draft.body = PrivacyReview.redacting(redacted.draft.body, decisions: decisions)
            // A file cannot be masked here: a value chosen for 遮盖 that stands in an attachment
            // too leaves the attachment to be replaced, or the value confirmed.
            let confirmed =
                try await PrivacyDecisionRepository(db).list(subject: privacySubject(document.id)) + decisions.filter { $0.action == .confirm }
            let left = PrivacyReview.open(
                PrivacyReview.findings(in: privacyFields(redacted.draft) + (try await attachmentFields(document.id, on: db))), confirmed: confirmed)
            if let first = left.first {
                throw DomainError.invalid(
                    "privacy", "\(first.label)在\(first.field)中，附件中的个人信息不能在此遮盖：请退回修改、更换遮盖后的附件，或确认可以公开")
            }
            try await DocumentRepository(db).updateDraft(document.id, redacted.draft, at: now)
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
