import DisclosureCore
import Foundation
import SQLKit

/// The publication lifecycle (issue 3 §3): 草稿 → 待审核 → 已审核 → 已发布 (now or scheduled) →
/// 已撤回 / 更正. Every step checks the actor's role and unit scope, changes the state, keeps the
/// search change log in step, and writes its audit entry in the same transaction.
public struct PublishingService: Sendable {
    let database: Database
    let clock: any WallClock
    let calendars: CalendarService
    let indexFormat: IndexNumberFormat

    public init(database: Database, clock: any WallClock, indexFormat: IndexNumberFormat = .standard) {
        self.database = database
        self.clock = clock
        self.calendars = CalendarService(database: database, clock: clock)
        self.indexFormat = indexFormat
    }

    var today: CivilDate { CivilDate(instant: clock.now()) }

    public func document(_ id: Int) async throws -> GovernmentDocument? {
        try await DocumentRepository(database.sql).find(id)
    }

    /// A document staff may look at: unknown ids and other units' documents both read as "not found".
    public func document(_ id: Int, visibleTo staff: StaffIdentity) async throws -> GovernmentDocument {
        let tree = try await UnitRepository(database.sql).tree()
        guard let document = try await document(id), staff.canSee(unit: document.draft.unitCode, in: tree) else {
            throw DomainError(.notFound, field: "id", "文件 \(id) 不存在")
        }
        return document
    }

    public func create(_ draft: DocumentDraft, by staff: StaffIdentity) async throws -> GovernmentDocument {
        let now = clock.now()
        let draft = try draft.validated(today: CivilDate(instant: now))
        let id: Int = try await change(by: staff, at: now) { db in
            try await Self.checkActsFor(draft.unitCode, staff, action: .edit, on: db)
            let draft = try await Self.checkReferences(draft, excluding: nil, on: db)
            let documents = DocumentRepository(db)
            let sequence = try await IndexSequences(db).next(unit: draft.unitCode, year: draft.generatedOn.year)
            let indexNumber = indexFormat.format(unit: draft.unitCode, year: draft.generatedOn.year, sequence: sequence)
            let id = try await documents.insert(draft, indexNumber: indexNumber, state: .draft, by: staff.username, at: now)
            return (
                id, AuditEvent("document.create", target: "document:\(id)", ["unit": draft.unitCode, "index": indexNumber, "title": draft.title])
            )
        }
        return try await document(id)!
    }

    public func update(_ id: Int, _ draft: DocumentDraft, by staff: StaffIdentity) async throws {
        let now = clock.now()
        let draft = try draft.validated(today: CivilDate(instant: now))
        try await transition(id, .edit, by: staff) { document, db in
            guard draft.unitCode == document.draft.unitCode else { throw DomainError.invalid("unitCode", "不能更改文件的公开主体") }
            let draft = try await Self.checkReferences(draft, excluding: id, on: db)
            try await DocumentRepository(db).updateDraft(id, draft, at: now)
            return ["title": draft.title]
        }
    }

    public func submit(_ id: Int, by staff: StaffIdentity) async throws {
        try await transition(id, .submit, by: staff) { document, db in
            try await DocumentRepository(db).setState(id, .pendingReview, at: clock.now())
            return [:]
        }
    }

    public func returnToDraft(_ id: Int, note: String, by staff: StaffIdentity) async throws {
        let note = PlainText.singleLine(note)
        guard !note.isEmpty, note.count <= 500 else { throw DomainError.invalid("note", "退回须写明修改意见（不超过 500 字）") }
        try await transition(id, .returnToDraft, by: staff) { document, db in
            try await Self.recordReview(id, action: "return", checklist: nil, note: note, by: staff, on: db, at: clock.now())
            try await DocumentRepository(db).setState(id, .draft, at: clock.now())
            return ["note": note]
        }
    }

    /// 保密审查 sign-off (条例 第十七条). A reviewer may not approve a document they drafted. A
    /// 主动公开 document's personal-data hits must each be answered in `privacy` (遮盖 or 确认可以公开
    /// with a reason, issue 23 §3) — by the place in the list `openPrivacyFindings` gave.
    public func approve(_ id: Int, checklist: ReviewChecklist, privacy: [Int: PrivacyReview.Answer] = [:], by staff: StaffIdentity) async throws {
        try await transition(id, .approve, by: staff) { document, db in
            try checklist.check(for: document.draft.attribute)
            let author = try await db.select().column("created_by").from("documents").where("id", .equal, id)
                .first(decodingColumn: "created_by", as: String.self)
            if author == staff.username { throw DomainError(.forbidden, field: "action", "不能审核自己起草的文件") }
            var summary = [
                "secrets": String(checklist.containsStateSecrets), "private": String(checklist.containsPrivateOrCommercialData),
                "note": checklist.note,
            ]
            if document.draft.attribute == .proactive,
                let settled = try await Self.settlePrivacy(document, answers: privacy, by: staff, at: clock.now(), on: db)
            {
                summary["privacy"] = settled
            }
            try await Self.recordReview(id, action: "approve", checklist: checklist, note: checklist.note, by: staff, on: db, at: clock.now())
            try await DocumentRepository(db).setState(id, .approved, at: clock.now())
            return summary
        }
    }

    /// Publishes now, or at `at` when that lies in the future (a scheduled job publishes it then).
    /// Only 主动公开 documents go to the portal; the others stay internal records.
    public func publish(_ id: Int, at moment: Date? = nil, by staff: StaffIdentity) async throws {
        let now = clock.now()
        let scheduled = moment.map { $0 > now } ?? false
        try await transition(id, scheduled ? .schedule : .publish, by: staff) { document, db in
            guard document.draft.attribute == .proactive else {
                throw DomainError(.conflict, field: "attribute", "「\(document.draft.attribute.rawValue)」的信息不在网站主动公开")
            }
            try await Self.refuseOpenPrivacy(document, field: "privacy", advice: "请退回修改后重新提交审核", on: db)
            if scheduled {
                try await DocumentRepository(db).setState(id, .scheduled, publishAt: moment, at: now)
                return ["publishAt": Timestamp.text(moment!)]
            }
            try await publishNow(document, at: now, on: db)
            return [:]
        }
    }

    public func withdraw(_ id: Int, reason: String, by staff: StaffIdentity) async throws {
        let reason = PlainText.singleLine(reason)
        guard !reason.isEmpty, reason.count <= 500 else { throw DomainError.invalid("reason", "撤回须写明理由（不超过 500 字）") }
        try await transition(id, .withdraw, by: staff) { document, db in
            try await DocumentRepository(db).setState(id, .withdrawn, withdrawnReason: reason, at: clock.now())
            try await DocumentSearchLog.changed(document, today: today, at: clock.now(), on: db)
            return ["reason": reason]
        }
    }

    /// Corrects a published document: the earlier text is kept as a version, the notice is shown publicly.
    public func correct(_ id: Int, title: String, body: String, notice: String, by staff: StaffIdentity) async throws {
        let now = clock.now()
        let notice = PlainText.singleLine(notice)
        guard !notice.isEmpty, notice.count <= 500 else { throw DomainError.invalid("notice", "更正须填写更正说明（不超过 500 字）") }
        try await transition(id, .correct, by: staff) { document, db in
            var draft = document.draft
            draft.title = title
            draft.body = body
            draft = try draft.validated(today: max(draft.generatedOn, CivilDate(instant: now)))
            var corrected = document
            corrected.draft = draft
            try await Self.refuseOpenPrivacy(corrected, field: "body", advice: "请先遮盖（如 138****5678）再更正", on: db)
            let documents = DocumentRepository(db)
            try await documents.archiveVersion(document, by: staff.username, at: now)
            try await documents.applyCorrection(id, title: draft.title, body: draft.body, notice: notice, version: document.version + 1, at: now)
            if let corrected = try await documents.find(id) {
                try await DocumentSearchLog.changed(corrected, today: CivilDate(instant: now), at: now, on: db)
            }
            return ["version": String(document.version + 1), "notice": notice]
        }
    }

    /// Publishes scheduled documents whose time has come; safe to run from any number of instances.
    @discardableResult
    public func runScheduled() async throws -> Int {
        let now = clock.now()
        let due = try await DocumentRepository(database.sql).dueForPublication(at: now)
        var published = 0
        for id in due {
            let done: Bool = try await database.change(by: .system, at: now) { db in
                guard let document = try await DocumentRepository(db).find(id), document.state == .scheduled else {
                    return (false, AuditEvent("document.publish.skip", target: "document:\(id)"))
                }
                // Personal data nobody handled (approved before the scan existed): back to the
                // reviewer's queue instead of onto the portal.
                let open = try await Self.openPrivacyFindings(document, on: db)
                guard open.isEmpty else {
                    try await DocumentRepository(db).setState(id, .pendingReview, at: now)
                    return (
                        false,
                        AuditEvent("document.publish.held", target: "document:\(id)", ["privacy": open.map(\.label).joined(separator: "、")])
                    )
                }
                try await publishNow(document, at: now, on: db)
                return (true, AuditEvent("document.publish", target: "document:\(id)", ["scheduled": "true"]))
            }
            if done { published += 1 }
        }
        return published
    }

    /// Logs again the public 规范性文件 whose 有效性 today differs from the one their search entry
    /// was written with (a 施行日期 or 失效日期 passed), so the search facet follows the date; the
    /// status shown on pages is always computed from today.
    @discardableResult
    public func refreshValidity() async throws -> Int {
        let today = self.today
        // `is_normative` as a bare term, as migration 0023's partial index names it: with `= ?`
        // SQLite walked every published document (a million rows a minute at a province's size).
        // The dates are read here and the whole document only for the few whose status moved.
        let rows = try await database.sql.select().columns("id", "search_validity", "effective_from", "expires_on", "repealed_on").from("documents")
            .where(SQLRaw("is_normative")).where("state", .equal, DocumentState.published.rawValue)
            .where("attribute", .equal, DisclosureAttribute.proactive.rawValue).all()
        var changed = 0
        for row in rows {
            let validity = DocumentValidity(
                effectiveFrom: try row.decode(column: "effective_from", as: CivilDate?.self),
                expiresOn: try row.decode(column: "expires_on", as: CivilDate?.self),
                repealedOn: try row.decode(column: "repealed_on", as: CivilDate?.self))
            let indexed = try row.decode(column: "search_validity", as: String?.self)
            guard validity.status(on: today).rawValue != indexed else { continue }
            let id = try row.decode(column: "id", as: Int.self)
            guard let document = try await document(id), document.validityStatus(on: today)?.rawValue != indexed else { continue }
            try await database.change(by: .system, at: clock.now()) { db in
                try await DocumentSearchLog.changed(document, today: today, at: clock.now(), on: db)
                return ((), AuditEvent("document.validity", target: "document:\(id)", ["status": document.validityStatus(on: today)?.rawValue ?? ""]))
            }
            changed += 1
        }
        return changed
    }

    func publishNow(_ document: GovernmentDocument, at now: Date, on db: any SQLDatabase) async throws {
        try await DocumentRepository(db).setState(document.id, .published, publishedAt: now, at: now)
        guard let published = try await DocumentRepository(db).find(document.id) else { return }
        try await DocumentSearchLog.changed(published, today: CivilDate(instant: now), at: now, on: db)
    }

    /// Loads the document, checks scope, role and state for `action`, runs `body`, audits.
    func transition(
        _ id: Int, _ action: DocumentAction, by staff: StaffIdentity,
        _ body: @escaping @Sendable (GovernmentDocument, any SQLDatabase) async throws -> [String: String]
    ) async throws {
        try await change(by: staff, at: clock.now()) { db in
            guard let document = try await DocumentRepository(db).find(id) else { throw DomainError(.notFound, field: "id", "文件 \(id) 不存在") }
            try await Self.checkActsFor(document.draft.unitCode, staff, action: action, on: db)
            try action.check(from: document.state, role: staff.role)
            var summary = try await body(document, db)
            summary["from"] = document.state.rawValue
            return ((), AuditEvent("document.\(action.rawValue)", target: "document:\(id)", summary))
        }
    }

    func change<T: Sendable>(
        by staff: StaffIdentity, at now: Date, _ body: @escaping @Sendable (any SQLDatabase) async throws -> (result: T, event: AuditEvent)
    ) async throws -> T {
        try await database.change(by: .staff(staff), at: now, body)
    }

    /// Editors and reviewers act only for their own unit and its sub-units (DESIGN §1); the office
    /// supervises but does not draft or approve inside a unit.
    static func checkActsFor(_ unit: String, _ staff: StaffIdentity, action: DocumentAction, on db: any SQLDatabase) async throws {
        let tree = try await UnitRepository(db).tree()
        guard tree.units[unit] != nil else { throw DomainError.invalid("unitCode", "单位 \(unit) 不存在") }
        guard staff.canHandle(unit: unit, in: tree) else {
            throw DomainError(.forbidden, field: "unitCode", "只能处理本单位（及下属单位）的文件")
        }
    }

    /// The catalog entry must belong to the unit, the interpreted document must exist, and the
    /// 文号 must be new in the unit.
    static func checkReferences(_ draft: DocumentDraft, excluding id: Int?, on db: any SQLDatabase) async throws -> DocumentDraft {
        var draft = draft
        if let entryID = draft.catalogEntryID {
            guard let entry = try await CatalogRepository(db).find(entryID), entry.unitCode == draft.unitCode else {
                throw DomainError.invalid("catalogEntryID", "目录条目 \(entryID) 不属于本单位")
            }
            if draft.category.isEmpty { draft.category = entry.column }
        }
        if draft.category.isEmpty { throw DomainError.invalid("category", "请选择目录条目或填写信息类别") }
        if let interprets = draft.interpretsDocumentID {
            guard interprets != id, try await DocumentRepository(db).find(interprets) != nil else {
                throw DomainError.invalid("interpretsDocumentID", "所解读的文件 \(interprets) 不存在")
            }
        }
        if try await DocumentRepository(db).docNumberTaken(draft.docNumber, unit: draft.unitCode, except: id) {
            throw DomainError(.conflict, field: "docNumber", "本单位已有文号为「\(draft.docNumber)」的文件")
        }
        if draft.issuer.isEmpty, let unit = try await UnitRepository(db).find(draft.unitCode) { draft.issuer = unit.name }
        return draft
    }

    static func recordReview(
        _ id: Int, action: String, checklist: ReviewChecklist?, note: String, by staff: StaffIdentity, on db: any SQLDatabase, at now: Date
    ) async throws {
        try await db.insert(into: "document_reviews")
            .columns("document_id", "action", "reviewer", "contains_secrets", "contains_private_data", "wording_accurate", "note", "decided_at")
            .values(
                SQLBind(id), SQLBind(action), SQLBind(staff.username), SQLBind(checklist?.containsStateSecrets ?? false),
                SQLBind(checklist?.containsPrivateOrCommercialData ?? false), SQLBind(checklist?.wordingAccurate ?? false), SQLBind(note),
                SQLBind(Timestamp.text(now))
            ).run()
    }
}
