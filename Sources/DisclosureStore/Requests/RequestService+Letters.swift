import DisclosureCore
import Foundation
import SQLKit

extension RequestService {
    /// Numbers, renders and stores a letter inside the caller's transaction, with the calendar the
    /// caller already loaded. The number runs per unit and year: 县财政局依申请公开告〔2025〕3号.
    func issueLetter(
        _ kind: LetterKind, for request: InformationRequest, on date: CivilDate, by actor: String, db: any SQLDatabase, calendar: WorkingDayCalendar,
        addressee: String? = nil,
        extra: [String: String] = [:]
    ) async throws {
        let unit = try await UnitRepository(db).find(request.application.unitCode)
        let unitName = unit?.name ?? request.application.unitCode
        let sequence = try await SequenceRepository(db).next("letter:\(request.application.unitCode)", year: date.year)
        let number = "\(unitName)依申请公开告〔\(date.year)〕\(sequence)号"
        let requestClock = request.clock(policy: policy, calendar: calendar, today: date)
        let template = try await LetterRepository(db).template(for: kind, outcome: request.outcome)
        var extra = extra
        if let remedy = try await RemedyRepository(db).remedy(of: request.application.unitCode) {
            extra["复议机关"] = extra["复议机关"] ?? remedy.reviewAuthority
            extra["诉讼法院"] = extra["诉讼法院"] ?? remedy.court
        }
        if kind == .reply { extra["答复内容"] = try await Self.replyContent(request, on: db) }
        let values = LetterFields.values(for: request, unitName: unitName, clock: requestClock, number: number, issuedOn: date, extra: extra)
        let letterID = try await LetterRepository(db).insert(
            requestID: request.id, unitCode: request.application.unitCode, kind: kind, number: number,
            addressee: addressee ?? request.application.applicantName, body: template.render(values), issuedOn: date, by: actor, at: self.clock.now())
        // A 征求意见函 goes to the third party, never to the applicant's mailbox.
        if kind != .consultation, addressee == nil {
            try await ApplicantLetterMail(db).queue(
                letter: letterID, kind: kind, number: number, request: request, unitName: unitName, issuedOn: date, at: self.clock.now())
        }
    }

    /// The letter `kind` as it would be issued today, for the reviewer to read before approving
    /// (issue 22 §2): the same template, values and 救济途径; only the number is assigned on issue.
    public func previewLetter(_ kind: LetterKind, for request: InformationRequest) async throws -> String {
        let db = database.sql
        let calendar = try await calendar()
        let date = today
        let unitName = try await UnitRepository(db).find(request.application.unitCode)?.name ?? request.application.unitCode
        var extra: [String: String] = [:]
        if let remedy = try await RemedyRepository(db).remedy(of: request.application.unitCode) {
            extra["复议机关"] = remedy.reviewAuthority
            extra["诉讼法院"] = remedy.court
        }
        if kind == .reply { extra["答复内容"] = try await Self.replyContent(request, on: db) }
        let template = try await LetterRepository(db).template(for: kind, outcome: request.outcome)
        let values = LetterFields.values(
            for: request, unitName: unitName, clock: request.clock(policy: policy, calendar: calendar, today: date), number: "（发出时编号）",
            issuedOn: date, extra: extra)
        return template.render(values)
    }

    /// Records how and when a letter was served (邮寄签收 needs its tracking number).
    public func recordDelivery(
        letter id: Int, _ delivery: LetterDelivery, on date: CivilDate, trackingNumber: String, by staff: StaffIdentity
    ) async throws {
        guard date <= today else { throw DomainError.invalid("deliveredOn", "送达日期不能晚于今天") }
        let tracking = PlainText.singleLine(trackingNumber)
        if delivery == .registeredPost, !(6...40).contains(tracking.count) { throw DomainError.invalid("trackingNumber", "邮寄送达须填写邮件单号") }
        try await database.change(by: .staff(staff), at: clock.now()) { db in
            guard let letter = try await LetterRepository(db).find(id) else { throw DomainError(.notFound, field: "letter", "告知书 \(id) 不存在") }
            try await Self.checkHandles(letter.unitCode, staff, on: db)
            guard date >= letter.issuedOn else { throw DomainError.invalid("deliveredOn", "送达日期不能早于发文日期 \(letter.issuedOn)") }
            try await LetterRepository(db).recordDelivery(id, delivery, on: date, trackingNumber: tracking.isEmpty ? nil : tracking)
            if letter.kind == .feeNotice || letter.kind == .consultation {
                // The payment and consultation windows run from receipt (109号; 第三十二条): the
                // clock reads the delivery as an event of the request.
                try await RequestRepository(db).append(
                    RequestEvent(kind: .letterDelivered, on: date, party: letter.addressee, detail: letter.kind.rawValue, actor: staff.username),
                    to: letter.requestID, at: self.clock.now())
            }
            return ((), AuditEvent("letter.deliver", target: "letter:\(id)", ["delivery": delivery.rawValue, "on": date.description]))
        }
    }

    public func letter(_ id: Int, visibleTo staff: StaffIdentity) async throws -> IssuedLetter {
        let tree = try await UnitRepository(database.sql).tree()
        guard let letter = try await LetterRepository(database.sql).find(id), staff.canSee(unit: letter.unitCode, in: tree) else {
            throw DomainError(.notFound, field: "letter", "告知书 \(id) 不存在")
        }
        return letter
    }

    /// Templates the office edits; keys are `LetterKind` raw values, and `reply.<row>` for a reply of one outcome.
    public static var templateKeys: [(key: String, label: String)] {
        LetterKind.allCases.map { ($0.rawValue, $0.label) }
            + RequestOutcome.allCases.filter { !$0.isAutomatic }.map { ("reply.\($0.rawValue)", "答复告知书·\($0.shortLabel)") }
    }

    public func templateText(key: String) async throws -> String {
        let stored = try await LetterRepository(database.sql).storedTemplates()
        let kindKey = key.hasPrefix("reply.") ? "reply" : key
        guard let kind = LetterKind(rawValue: kindKey) else { throw DomainError(.notFound, field: "key", "模板 \(key) 不存在") }
        // An outcome's own reply template, else the office's general reply, else the default.
        return stored[key] ?? stored[kindKey] ?? DefaultLetterTemplates.template(for: kind).text
    }

    public func saveTemplate(key: String, text: String, by staff: StaffIdentity) async throws {
        guard staff.role == .office else { throw DomainError(.forbidden, field: "key", "告知书模板由政务公开办维护") }
        guard Self.templateKeys.contains(where: { $0.key == key }) else { throw DomainError(.notFound, field: "key", "模板 \(key) 不存在") }
        let template = try LetterTemplate(validating: text)
        try LetterTemplate.checkRendersSample(template, key: key)
        try await database.change(by: .staff(staff), at: clock.now()) { db in
            try await LetterRepository(db).saveTemplate(key: key, template, by: staff.username, at: clock.now())
            return ((), AuditEvent("letter.template", target: "template:\(key)", ["length": String(template.text.count)]))
        }
    }

    /// The clerk's 答复内容 and, after it, the redaction reasons and the released files.
    static func replyContent(_ request: InformationRequest, on db: any SQLDatabase) async throws -> String {
        [request.replyText, try await replyAdditions(request, on: db)].filter { !$0.isEmpty }.joined(separator: "\n")
    }
}

extension RequestService {
    /// Records 电子送达 for a letter the queue e-mailed to the applicant (issue 24 §1), on the day
    /// it was sent, unless a service is already recorded. Audited as the system's act, naming the
    /// message, so the case history shows how the date came about.
    func recordElectronicService(letter id: Int, deliveryID: Int) async throws {
        let now = clock.now()
        let date = CivilDate(instant: now)
        try await database.change(by: .system, at: now) { db in
            guard let letter = try await LetterRepository(db).find(id), letter.delivery == nil else {
                return ((), AuditEvent("letter.deliver.skipped", target: "letter:\(id)", ["delivery": "\(deliveryID)"]))
            }
            try await LetterRepository(db).recordDelivery(id, .electronic, on: date, trackingNumber: nil)
            if letter.kind == .feeNotice || letter.kind == .consultation {
                try await RequestRepository(db).append(
                    RequestEvent(kind: .letterDelivered, on: date, party: letter.addressee, detail: letter.kind.rawValue, actor: "system"),
                    to: letter.requestID, at: now)
            }
            return (
                (),
                AuditEvent(
                    "letter.deliver", target: "letter:\(id)",
                    ["delivery": LetterDelivery.electronic.rawValue, "on": date.description, "message": "\(deliveryID)"])
            )
        }
    }
}
