import DisclosureCore
import Foundation
import SQLKit

/// The personal-data scan of the files a reply releases (issue 23 §3): each hit is redacted (on the
/// redaction page, which replaces the file) or confirmed with a reason (the applicant's own data,
/// a unit's public number) before the reviewer can approve the reply.
extension RequestService {
    static func releasedFileFields(_ requestID: Int, on db: any SQLDatabase) async throws -> [(field: String, text: String)] {
        let repository = RequestFileRepository(db)
        let files = try await repository.list(request: requestID).filter { !$0.withheld }
        let texts = try await repository.texts(files.map(\.id))
        return files.compactMap { file in texts[file.id].map { (field: "答复附件「\(file.fileName)」", text: $0) } }
    }

    static func releasedPrivacyFindings(_ requestID: Int, on db: any SQLDatabase) async throws -> [PrivacyReview.Finding] {
        let findings = PrivacyReview.findings(in: try await releasedFileFields(requestID, on: db))
        guard !findings.isEmpty else { return [] }
        return PrivacyReview.open(findings, confirmed: try await PrivacyDecisionRepository(db).list(subject: "request:\(requestID)"))
    }

    /// The hits in the released files nobody has confirmed, and the files' texts for their context.
    public func releasedPrivacy(_ request: InformationRequest) async throws -> (open: [PrivacyReview.Finding], texts: [String: String]) {
        let db = database.sql
        let texts = Dictionary(
            try await Self.releasedFileFields(request.id, on: db).map { ($0.field, $0.text) }, uniquingKeysWith: { first, _ in first })
        return (try await Self.releasedPrivacyFindings(request.id, on: db), texts)
    }

    /// Confirms the hits in the released files may go to the applicant, each with its reason.
    public func confirmReleasedPrivacy(_ id: Int, answers: [Int: PrivacyReview.Answer], by staff: StaffIdentity) async throws {
        try await database.change(by: .staff(staff), at: clock.now()) { db in
            _ = try await Self.openRequest(id, staff: staff, on: db)
            let open = try await Self.releasedPrivacyFindings(id, on: db)
            guard !open.isEmpty else { throw DomainError(.conflict, field: "privacy", "答复附件中没有需要核对的个人信息") }
            let decisions = try PrivacyReview.decisions(for: open, answers: answers)
            if let redact = decisions.firstIndex(where: { $0.action == .redact }) {
                throw DomainError.invalid("privacy.\(redact).action", "文件中的个人信息须在「遮盖处理」中遮盖；此处只能确认可以提供")
            }
            try await PrivacyDecisionRepository(db).insert(decisions, subject: "request:\(id)", by: staff.username, at: self.clock.now())
            return ((), AuditEvent("request.privacy", target: "request:\(id)", ["privacy": decisions.map(\.auditText).joined(separator: "；")]))
        }
    }
}
