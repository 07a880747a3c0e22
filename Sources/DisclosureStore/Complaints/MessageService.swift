import DisclosureCore
import Foundation
import SQLKit

/// 留言咨询 (issue 5 §2): a citizen leaves a question for a unit; the office moderates it (accept, or
/// reject with a reason); the unit answers within the reply limit; answered messages are the
/// published Q&A. Contact data stays with staff.
public struct MessageService: Sendable {
    let database: Database
    let clock: any WallClock
    public let settings: SupervisionSettings

    public init(database: Database, clock: any WallClock) {
        self.database = database
        self.clock = clock
        self.settings = SupervisionSettings(database: database, clock: clock)
    }

    var today: CivilDate { CivilDate(instant: clock.now()) }

    /// Scans and photos only: a message is a question, not a document exchange.
    public static let allowedFiles: Set<AttachmentKind> = [.pdf, .png, .jpeg]
    public static let maxFileBytes = 5 << 20

    /// Checks a file a citizen attached; the error names the field `file`.
    public static func checkFile(name: String, bytes: [UInt8]) throws -> AttachmentKind {
        guard bytes.count <= maxFileBytes else { throw DomainError.invalid("file", "附件不能超过 \(maxFileBytes >> 20) MB") }
        let kind = try AttachmentKind.detect(fileName: name, bytes: bytes)
        guard allowedFiles.contains(kind) else { throw DomainError.invalid("file", "留言附件只能是 PDF 或 PNG/JPEG 图片") }
        return kind
    }

    /// Files a citizen's message. An attachment counts against its sender's hourly allowance
    /// (`quota`, per `address`) and is stored only once everything else about the message holds.
    public func submit(
        _ submission: MessageSubmission, file: (name: String, bytes: [UInt8])? = nil, store: (any FileStore)? = nil,
        from address: String = "", quota: Int = 25 << 20
    ) async throws -> Int {
        let submission = try submission.validated()
        let upload = try file.map { file in (file, try Self.checkFile(name: file.name, bytes: file.bytes)) }
        let now = clock.now()
        let today = today
        return try await database.change(by: .anonymous, at: now) { db in
            guard let unit = try await UnitRepository(db).find(submission.unitCode), unit.active else {
                throw DomainError.invalid("unitCode", "留言对象 \(submission.unitCode) 不存在")
            }
            // Stored only once the whole message is valid, so a refused one leaves nothing on disk.
            var file: StoredFile?
            if let (upload, kind) = upload, let store {
                try await UploadQuotaRepository(db).charge(address: address, bytes: upload.bytes.count, limit: quota, now: now)
                let sha = try store.put(upload.bytes)
                file = StoredFile(name: AttachmentKind.safeName(upload.name), mediaType: kind.mediaType, sha256: sha, size: upload.bytes.count)
            }
            let id = try await MessageRepository(db).insert(submission, on: today, file: file, at: now)
            return (id, AuditEvent("message.create", target: "message:\(id)", ["unit": unit.code, "file": file == nil ? "无" : "有"]))
        }
    }

    /// Whether `staff` sees the sender's phone and e-mail unmasked: only the editors and reviewers
    /// of the unit that answers (issue 17); the office moderates, assessors and auditors read.
    public static func handles(_ message: PublicMessage, _ staff: StaffIdentity) -> Bool {
        staff.isStaff(of: message.unitCode)
    }

    public func message(_ id: Int, visibleTo staff: StaffIdentity) async throws -> PublicMessage {
        let tree = try await UnitRepository(database.sql).tree()
        guard let message = try await MessageRepository(database.sql).find(id), staff.canSee(unit: message.unitCode, in: tree) else {
            throw DomainError(.notFound, field: "id", "留言 \(id) 不存在")
        }
        return message
    }

    /// The staff queue: pending ones (the office moderates) and accepted ones awaiting an answer.
    public func queue(visibleTo staff: StaffIdentity, states: [MessageState] = [.pending, .accepted]) async throws -> [PublicMessage] {
        let tree = try await UnitRepository(database.sql).tree()
        return try await MessageRepository(database.sql).list(units: staff.unitsInScope(of: tree), states: states)
    }

    /// The published Q&A, optionally for one unit.
    public func published(unit: String?, limit: Int = 50, offset: Int = 0) async throws -> [PublicMessage] {
        try await MessageRepository(database.sql).list(units: unit.map { [$0] }, states: [.answered], limit: limit, offset: offset)
    }

    public func publishedMessage(_ id: Int) async throws -> PublicMessage? {
        guard let message = try await MessageRepository(database.sql).find(id), message.state == .answered else { return nil }
        return message
    }

    /// The office accepts a message (the unit's clock starts) or rejects it with a reason.
    /// The personal data in a message's title and text (published with its answer) that the
    /// office has not redacted or confirmed (issue 23 §3).
    public func openPrivacyFindings(question message: PublicMessage) async throws -> [PrivacyReview.Finding] {
        try await Self.openQuestionFindings(message, on: database.sql)
    }

    static func questionFields(_ message: PublicMessage) -> [(field: String, text: String)] {
        [("title", message.submission.title), ("content", message.submission.content)]
    }

    static func openQuestionFindings(_ message: PublicMessage, on db: any SQLDatabase) async throws -> [PrivacyReview.Finding] {
        let findings = PrivacyReview.findings(in: questionFields(message))
        guard !findings.isEmpty else { return [] }
        return PrivacyReview.open(findings, confirmed: try await PrivacyDecisionRepository(db).list(subject: "message:\(message.id)"))
    }

    /// Accepting publishes the question with its answer later, so personal data in it must each be
    /// answered in `privacy` (遮盖, which masks it in the message, or 确认可以公开 with a reason).
    public func moderate(
        _ id: Int, accept: Bool, rejection: MessageRejection?, note: String, privacy: [Int: PrivacyReview.Answer] = [:], by staff: StaffIdentity
    ) async throws {
        guard staff.role == .office else { throw DomainError(.forbidden, field: "role", "留言由县政务公开办审核") }
        let note = PlainText.singleLine(note)
        guard note.count <= 200 else { throw DomainError.invalid("note", "说明不能超过 200 字") }
        if !accept, rejection == nil { throw DomainError.invalid("rejection", "请选择不予发布的理由") }
        let now = clock.now()
        let today = today
        try await database.change(by: .staff(staff), at: now) { db in
            guard let message = try await MessageRepository(db).find(id) else { throw DomainError(.notFound, field: "id", "留言 \(id) 不存在") }
            guard message.state == .pending else { throw DomainError(.conflict, field: "state", "该留言已审核（\(message.state.label)）") }
            var moderated = message
            var decisions: [PrivacyReview.Decision] = []
            if accept {
                decisions = try PrivacyReview.decisions(for: try await Self.openQuestionFindings(message, on: db), answers: privacy)
                try await PrivacyDecisionRepository(db).insert(decisions, subject: "message:\(id)", by: staff.username, at: now)
                moderated.submission.title = PrivacyReview.redacting(message.submission.title, decisions: decisions)
                moderated.submission.content = PrivacyReview.redacting(message.submission.content, decisions: decisions)
                moderated.state = .accepted
                moderated.acceptedOn = today
            } else {
                moderated.state = .rejected
                moderated.rejection = rejection
                moderated.rejectionNote = note
            }
            try await MessageRepository(db).save(moderated, moderatedBy: staff.username, at: now)
            return (
                (),
                AuditEvent(
                    accept ? "message.accept" : "message.reject", target: "message:\(id)",
                    accept
                        ? ["unit": message.unitCode, "privacy": decisions.map(\.auditText).joined(separator: "；")]
                        : ["unit": message.unitCode, "reason": rejection?.rawValue ?? ""])
            )
        }
    }

    /// The unit's answer, published at once. A reviewer or editor of the unit answers, once.
    /// The personal data in an answer about to be published that the answerer has not yet
    /// redacted or confirmed for this message (issue 23 §3).
    public func openPrivacyFindings(message id: Int, reply text: String) async throws -> [PrivacyReview.Finding] {
        try await Self.openPrivacyFindings(message: id, reply: text, on: database.sql)
    }

    static func openPrivacyFindings(message id: Int, reply text: String, on db: any SQLDatabase) async throws -> [PrivacyReview.Finding] {
        let findings = PrivacyReview.findings(in: [("answer", text)])
        guard !findings.isEmpty else { return [] }
        return PrivacyReview.open(findings, confirmed: try await PrivacyDecisionRepository(db).list(subject: "message:\(id)"))
    }

    /// Answers and publishes. Personal data in the answer must each be answered in `privacy`
    /// (遮盖 or 确认可以公开 with a reason), as for a document's 保密审查.
    public func reply(_ id: Int, text: String, privacy: [Int: PrivacyReview.Answer] = [:], by staff: StaffIdentity) async throws {
        let policy = try await settings.policy()
        let text = try FieldText.text(text, field: "replyText", label: "答复内容", limit: policy.replyLimit)
        let now = clock.now()
        let today = today
        try await database.change(by: .staff(staff), at: now) { db in
            let tree = try await UnitRepository(db).tree()
            guard let message = try await MessageRepository(db).find(id), staff.canSee(unit: message.unitCode, in: tree) else {
                throw DomainError(.notFound, field: "id", "留言 \(id) 不存在")
            }
            guard staff.canHandle(unit: message.unitCode, in: tree) else {
                throw DomainError(.forbidden, field: "role", "留言由被咨询单位答复")
            }
            guard message.state == .accepted else {
                throw DomainError(.conflict, field: "state", message.state == .answered ? "该留言已答复，不能再次答复" : "该留言尚未通过审核（\(message.state.label)）")
            }
            let open = try await Self.openPrivacyFindings(message: id, reply: text, on: db)
            let decisions = try PrivacyReview.decisions(for: open, answers: privacy)
            try await PrivacyDecisionRepository(db).insert(decisions, subject: "message:\(id)", by: staff.username, at: now)
            var answered = message
            answered.state = .answered
            answered.replyText = PrivacyReview.redacting(text, decisions: decisions)
            answered.repliedBy = staff.username
            answered.answeredOn = today
            try await MessageRepository(db).save(answered, at: now)
            let unitName = try await UnitRepository(db).find(message.unitCode)?.name ?? message.unitCode
            try await AnswerMail.message(answered, unitName: unitName, on: today, db: db, at: now)
            var summary = ["unit": message.unitCode]
            if !decisions.isEmpty { summary["privacy"] = decisions.map(\.auditText).joined(separator: "；") }
            return ((), AuditEvent("message.reply", target: "message:\(id)", summary))
        }
    }
}
