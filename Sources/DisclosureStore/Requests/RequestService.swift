import DisclosureCore
import Foundation
import SQLKit

/// 依申请公开 (issue 4): intake, tracking, and every handling step. Each step checks the actor's
/// role and unit, appends its dated event, issues its letter, and writes its audit entry in one
/// transaction. Personal data never goes into the audit log.
public struct RequestService: Sendable {
    let database: Database
    let clock: any WallClock
    let calendars: CalendarService
    public let policy: ClockPolicy

    public init(database: Database, clock: any WallClock, policy: ClockPolicy = .statutory) {
        self.database = database
        self.clock = clock
        self.calendars = CalendarService(database: database, clock: clock)
        self.policy = policy
    }

    var today: CivilDate { CivilDate(instant: clock.now()) }

    public func calendar() async throws -> WorkingDayCalendar { try await calendars.calendar() }

    /// What an applicant keeps: the 受理编号 and the 查询码 (shown once; only its hash is stored).
    public struct Receipt: Equatable, Sendable {
        public let id: Int
        public let reference: String
        public let queryCode: String
        /// The 受理机关.
        public let unitCode: String
    }

    /// An online application (第三十一条（三）): waits as 待确认 until staff confirm it.
    /// `form`: the hash of the form's one-time token (see `FormSubmissions`); a form already filed
    /// answers its first receipt again and files nothing.
    public func submitOnline(_ application: RequestApplication, form: String? = nil) async throws -> Receipt {
        var application = application
        application.channel = .online
        let validated = try application.validated()
        guard let form else { return try await file(validated, receivedOn: nil, by: .anonymous, createdBy: "public") }
        if let earlier = try await FormSubmissions.receipt(form, now: clock.now(), on: database.unaudited) { return earlier }
        do {
            return try await file(validated, receivedOn: nil, by: .anonymous, createdBy: "public", form: form)
        } catch {
            // A second post of the same form that raced the first fails on the token's key and
            // rolls back; the first one's receipt is the answer.
            if let earlier = try await FormSubmissions.receipt(form, now: clock.now(), on: database.unaudited) { return earlier }
            throw error
        }
    }

    /// The key an online application form is filed under: its one-time token bound to the
    /// browser's CSRF cookie.
    public static func formKey(token: String, browser: String) -> String { FormSubmissions.key(token: token, browser: browser) }

    /// The receipt of a form filed within the last 24 hours (the page after the redirect).
    public func receipt(ofForm form: String) async throws -> Receipt? {
        try await FormSubmissions.receipt(form, now: clock.now(), on: database.unaudited)
    }

    /// A counter, post, fax or e-mail application entered by staff of the unit. `receivedOn` is the
    /// day 第三十一条 fixes for the channel; without it a confirming channel waits as 待确认.
    public func intake(_ application: RequestApplication, receivedOn: CivilDate?, by staff: StaffIdentity) async throws -> Receipt {
        let application = try application.validated()
        if !application.channel.needsConfirmation, receivedOn == nil {
            throw DomainError.invalid("receivedOn", "「\(application.channel.rawValue)」须填写收到申请之日（条例第三十一条）")
        }
        if let receivedOn, receivedOn > today { throw DomainError.invalid("receivedOn", "收到申请之日不能晚于今天") }
        try await Self.checkHandles(application.unitCode, staff, on: database.sql)
        return try await file(application, receivedOn: receivedOn, by: .staff(staff), createdBy: staff.username)
    }

    func file(_ application: RequestApplication, receivedOn: CivilDate?, by actor: AuditActor, createdBy: String, form: String? = nil) async throws
        -> Receipt
    {
        let now = clock.now()
        let code = Self.newQueryCode()
        let year = CivilDate(instant: now).year
        let calendar = try await calendar()
        return try await database.change(by: actor, at: now) { db in
            guard let unit = try await UnitRepository(db).find(application.unitCode), unit.active else {
                throw DomainError.invalid("unitCode", "受理机关 \(application.unitCode) 不存在")
            }
            let sequence = try await SequenceRepository(db).next("request", year: year)
            let reference = String(format: "YSQ%04d%06d", year, sequence)
            let id = try await RequestRepository(db).insert(
                application, reference: reference, codeHash: SecretToken.storedForm(code), submittedAt: now, receivedOn: receivedOn, by: createdBy)
            if receivedOn != nil, let request = try await RequestRepository(db).find(id) {
                try await issueLetter(.receipt, for: request, on: receivedOn!, by: createdBy, db: db, calendar: calendar)
            }
            let receipt = Receipt(id: id, reference: reference, queryCode: code, unitCode: application.unitCode)
            if let form { try await FormSubmissions.record(form, receipt: receipt, at: now, on: db) }
            // Issue 24 §4: the same applicant's similar earlier requests, flagged for the clerk.
            let repeats = try await Self.flagRepeats(id, application: application, on: receivedOn ?? CivilDate(instant: now), db: db, at: now)
            var summary = [
                "unit": application.unitCode, "reference": reference, "channel": application.channel.rawValue,
                "kind": application.applicantKind.rawValue,
            ]
            if !repeats.isEmpty { summary["repeatOf"] = repeats.joined(separator: ",") }
            return (receipt, AuditEvent("request.create", target: "request:\(id)", summary))
        }
    }

    /// 8 characters without look-alikes (no 0/O, 1/I/L).
    static func newQueryCode() -> String {
        let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
        var generator = SystemRandomNumberGenerator()
        return String((0..<8).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }

    /// `/track`: the request when both the 受理编号 and the 查询码 match; otherwise nil, the same
    /// answer for an unknown number and a wrong code.
    public func track(reference: String, code: String) async throws -> InformationRequest? {
        let reference = reference.trimmingCharacters(in: .whitespaces).uppercased()
        let code = code.trimmingCharacters(in: .whitespaces).uppercased()
        guard let stored = try await RequestRepository(database.sql).codeHash(reference: reference) else {
            _ = SecretToken.storedForm(code)
            return nil
        }
        guard Self.constantTimeEqual(stored, SecretToken.storedForm(code)) else { return nil }
        return try await RequestRepository(database.sql).find(reference: reference)
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// A request staff may see: unknown ids and other units' requests both read as "not found".
    public func request(_ id: Int, visibleTo staff: StaffIdentity) async throws -> InformationRequest {
        let tree = try await UnitRepository(database.sql).tree()
        guard let request = try await RequestRepository(database.sql).find(id), staff.canSee(unit: request.application.unitCode, in: tree) else {
            throw DomainError(.notFound, field: "id", "申请 \(id) 不存在")
        }
        return request
    }

    public func requests(visibleTo staff: StaffIdentity, openOnly: Bool = false) async throws -> [InformationRequest] {
        let tree = try await UnitRepository(database.sql).tree()
        return try await RequestRepository(database.sql).list(units: staff.unitsInScope(of: tree), openOnly: openOnly)
    }

    public func letters(of request: InformationRequest) async throws -> [IssuedLetter] {
        try await LetterRepository(database.sql).letters(of: request.id)
    }

    public func clock(of request: InformationRequest, calendar: WorkingDayCalendar) -> RequestClock? {
        request.clock(policy: policy, calendar: calendar, today: today)
    }

    /// Whether the account sees this request's personal data unmasked: only the handling unit's
    /// own clerks and reviewers (issue 4 §10).
    public static func handles(_ request: InformationRequest, _ staff: StaffIdentity) -> Bool {
        staff.isStaff(of: request.application.unitCode)
    }

    /// Editors and reviewers act for their own unit and its sub-units.
    static func checkHandles(_ unit: String, _ staff: StaffIdentity, on db: any SQLDatabase) async throws {
        let tree = try await UnitRepository(db).tree()
        guard tree.units[unit] != nil else { throw DomainError.invalid("unitCode", "单位 \(unit) 不存在") }
        guard staff.canHandle(unit: unit, in: tree) else {
            throw DomainError(.forbidden, field: "unitCode", "只能办理本单位（及下属单位）的申请")
        }
    }
}
