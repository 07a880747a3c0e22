import DisclosureCore
import Foundation
import SQLKit

/// 投诉举报 (issue 5 §1): intake on the portal and by staff, the public lookup, and the unit's
/// handling. A complaint goes straight to the unit complained against; its reply is approved by that
/// unit's reviewer; the office reassigns and receives the overdue ones (`escalateOverdue`).
public struct ComplaintService: Sendable {
    let database: Database
    let clock: any WallClock
    let calendars: CalendarService
    public let settings: SupervisionSettings

    public init(database: Database, clock: any WallClock) {
        self.database = database
        self.clock = clock
        self.calendars = CalendarService(database: database, clock: clock)
        self.settings = SupervisionSettings(database: database, clock: clock)
    }

    var today: CivilDate { CivilDate(instant: clock.now()) }

    /// A complaint filed on the portal: received today, handled by the unit named.
    public func submitOnline(_ submission: ComplaintSubmission) async throws -> RequestService.Receipt {
        var submission = submission
        submission.channel = .online
        return try await file(submission.validated(), receivedOn: today, by: .anonymous, createdBy: "public")
    }

    /// A hotline call, letter or visit written down by staff (the office, or the unit itself).
    public func intake(_ submission: ComplaintSubmission, receivedOn: CivilDate, by staff: StaffIdentity) async throws -> RequestService.Receipt {
        let submission = try submission.validated()
        guard submission.channel != .online else { throw DomainError.invalid("channel", "请选择投诉渠道（电话、来信或来访）") }
        guard receivedOn <= today else { throw DomainError.invalid("receivedOn", "收到投诉之日不能晚于今天") }
        let tree = try await UnitRepository(database.sql).tree()
        guard
            staff.role == .office
                || (staff.canHandle(unit: submission.unitCode, in: tree))
        else { throw DomainError(.forbidden, field: "unitCode", "只能登记针对本单位的投诉，其他投诉请转县政务公开办") }
        return try await file(submission, receivedOn: receivedOn, by: .staff(staff), createdBy: staff.username)
    }

    func file(_ submission: ComplaintSubmission, receivedOn: CivilDate, by actor: AuditActor, createdBy: String) async throws
        -> RequestService.Receipt
    {
        let now = clock.now()
        let code = RequestService.newQueryCode()
        return try await database.change(by: actor, at: now) { db in
            guard let unit = try await UnitRepository(db).find(submission.unitCode), unit.active else {
                throw DomainError.invalid("unitCode", "被投诉单位 \(submission.unitCode) 不存在")
            }
            let year = receivedOn.year
            let reference = String(format: "TS%04d%06d", year, try await SequenceRepository(db).next("complaint", year: year))
            let repository = ComplaintRepository(db)
            let id = try await repository.insert(
                submission, reference: reference, codeHash: SecretToken.storedForm(code), receivedOn: receivedOn, by: createdBy, at: now)
            try await repository.append("受理", note: "\(submission.channel.rawValue)，转\(unit.name)办理", to: id, by: createdBy, at: now)
            return (
                RequestService.Receipt(id: id, reference: reference, queryCode: code, unitCode: submission.unitCode),
                AuditEvent(
                    "complaint.create", target: "complaint:\(id)",
                    ["unit": submission.unitCode, "reference": reference, "kind": submission.kind.rawValue, "channel": submission.channel.rawValue])
            )
        }
    }

    /// `/track` for complaints: both numbers must match; otherwise nil, whatever was wrong.
    public func track(reference: String, code: String) async throws -> Complaint? {
        let reference = reference.trimmingCharacters(in: .whitespaces).uppercased()
        let given = SecretToken.storedForm(code.trimmingCharacters(in: .whitespaces).uppercased())
        guard let stored = try await ComplaintRepository(database.sql).codeHash(reference: reference),
            RequestService.constantTimeEqual(stored, given)
        else { return nil }
        return try await ComplaintRepository(database.sql).find(reference: reference)
    }

    public func complaint(_ id: Int, visibleTo staff: StaffIdentity) async throws -> Complaint {
        let tree = try await UnitRepository(database.sql).tree()
        guard let complaint = try await ComplaintRepository(database.sql).find(id), staff.canSee(unit: complaint.unitCode, in: tree) else {
            throw DomainError(.notFound, field: "id", "投诉 \(id) 不存在")
        }
        return complaint
    }

    public func complaints(visibleTo staff: StaffIdentity, openOnly: Bool = false) async throws -> [Complaint] {
        let tree = try await UnitRepository(database.sql).tree()
        return try await ComplaintRepository(database.sql).list(units: staff.unitsInScope(of: tree), openOnly: openOnly)
    }

    public func history(of complaint: Complaint) async throws -> [ComplaintRepository.Event] {
        try await ComplaintRepository(database.sql).events(of: complaint.id)
    }

    public func deadline(of complaint: Complaint, policy: SupervisionPolicy, calendar: WorkingDayCalendar) -> ReplyDeadline {
        complaint.deadline(policy: policy, calendar: calendar, today: today)
    }

    /// Whether the account sees the complainant's contact data unmasked: the handling unit's own
    /// clerks and reviewers, and the office that routes complaints (issue 5 §1).
    /// Whether `staff` sees the complainant's contact data unmasked: only the handling unit's
    /// editors and reviewers (issue 17). The office supervises and reassigns without them.
    public static func handles(_ complaint: Complaint, _ staff: StaffIdentity) -> Bool {
        staff.isStaff(of: complaint.unitCode)
    }

    public struct ActionInput: Sendable {
        public var reply: ComplaintReply?
        public var note: String
        public var unitCode: String

        public init(reply: ComplaintReply? = nil, note: String = "", unitCode: String = "") {
            self.reply = reply
            self.note = note
            self.unitCode = unitCode
        }
    }

    public func act(_ id: Int, _ action: ComplaintAction, _ input: ActionInput, by staff: StaffIdentity) async throws {
        let now = clock.now()
        let today = today
        let policy = try await settings.policy()
        try await database.change(by: .staff(staff), at: now) { db in
            let repository = ComplaintRepository(db)
            let tree = try await UnitRepository(db).tree()
            guard let complaint = try await repository.find(id), staff.canSee(unit: complaint.unitCode, in: tree) else {
                throw DomainError(.notFound, field: "id", "投诉 \(id) 不存在")
            }
            guard action.allowed(staff.role) else { throw DomainError(.forbidden, field: "role", "\(staff.role.label)不能\(action.label)") }
            if action != .reassign, !tree.scope(of: staff.unitCode).contains(complaint.unitCode) {
                throw DomainError(.forbidden, field: "unitCode", "只能办理本单位（及下属单位）的投诉")
            }
            try action.check(complaint.state)
            var updated = complaint
            updated.state = action.to
            var note = PlainText.singleLine(input.note)
            var summary = ["reference": complaint.reference, "action": action.rawValue]
            switch action {
            case .draftReply:
                guard let reply = try input.reply?.validated(limit: policy.replyLimit) else {
                    throw DomainError.invalid("outcome", "请选择核查结论并填写答复内容")
                }
                updated.reply = reply
                updated.draftedBy = staff.username
                note = "核查结论：\(reply.outcome?.rawValue ?? "")"
                summary["outcome"] = reply.outcome?.rawValue
            case .returnReply:
                guard !note.isEmpty else { throw DomainError.invalid("note", "请写明退回修改的理由") }
            case .approveReply:
                guard complaint.draftedBy != staff.username else {
                    throw DomainError(.forbidden, field: "role", "答复须由拟稿人以外的审核人审核")
                }
                updated.answeredOn = today
            case .reassign:
                guard let unit = tree.units[input.unitCode], unit.active else { throw DomainError.invalid("unitCode", "请选择要转交的单位") }
                guard unit.code != complaint.unitCode else { throw DomainError.invalid("unitCode", "该投诉已由此单位办理") }
                guard !note.isEmpty else { throw DomainError.invalid("note", "请写明转交理由") }
                updated.submission.unitCode = unit.code
                updated.draftedBy = nil
                note = "转\(unit.name)：\(note)"
                summary["unit"] = unit.code
            }
            try await repository.save(updated, at: now)
            try await repository.append(action.label, note: note, to: id, by: staff.username, at: now)
            if action == .approveReply {
                let unitName = tree.units[updated.unitCode]?.name ?? updated.unitCode
                try await AnswerMail.complaint(updated, unitName: unitName, on: today, db: db, at: now)
            }
            return ((), AuditEvent("complaint.\(action.rawValue)", target: "complaint:\(id)", summary))
        }
    }

    /// Marks open complaints past their deadline as escalated (once each) and tells the office
    /// through the outbox; the finding itself comes from `SupervisionMonitor`. Returns how many.
    public func escalateOverdue(officeUnit: String) async throws -> Int {
        let now = clock.now()
        let today = today
        let calendar = try await calendars.calendar()
        let policy = try await settings.policy()
        let units = try await UnitRepository(database.sql).all().map(\.code)
        var escalated = 0
        for complaint in try await ComplaintRepository(database.sql).list(units: units, openOnly: true, limit: 100_000)
        where complaint.escalatedOn == nil {
            let deadline = complaint.deadline(policy: policy, calendar: calendar, today: today)
            guard deadline.status == .overdue else { continue }
            let due = deadline.due
            try await database.change(by: .system, at: now) { db in
                var escalated = complaint
                escalated.escalatedOn = today
                try await ComplaintRepository(db).save(escalated, at: now)
                try await ComplaintRepository(db).append("超期提请督办", note: "办理期限 \(due) 已过，已报县政务公开办", to: complaint.id, by: "system", at: now)
                _ = try await Outbox(db).record(
                    key: "complaint:\(complaint.id):escalated", unit: officeUnit, requestID: nil, subject: "投诉超期：\(complaint.reference)",
                    body: "\(complaint.unitCode) 办理的投诉 \(complaint.reference)（\(complaint.submission.kind.rawValue)）期限 \(due) 已过，尚未办结，请督办。",
                    audience: [.office], path: "/staff/complaints/\(complaint.id)", at: now)
                return (
                    (),
                    AuditEvent("complaint.escalate", target: "complaint:\(complaint.id)", ["reference": complaint.reference, "due": due.description])
                )
            }
            escalated += 1
        }
        return escalated
    }
}
