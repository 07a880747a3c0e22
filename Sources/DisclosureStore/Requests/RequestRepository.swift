import DisclosureCore
import Foundation
import SQLKit

/// Named queries over `requests` and `request_events`.
public struct RequestRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func insert(
        _ application: RequestApplication, reference: String, codeHash: String, submittedAt: Date, receivedOn: CivilDate?, by actor: String
    ) async throws -> Int {
        let stamp = Timestamp.text(submittedAt)
        let row = RequestRow(
            id: nil, reference: reference, queryCodeHash: codeHash, unitCode: application.unitCode, channel: application.channel,
            submittedAt: stamp, receivedOn: receivedOn, state: receivedOn == nil ? .pendingConfirmation : .accepted,
            applicantKind: application.applicantKind, applicantName: application.applicantName, contactPerson: application.contactPerson,
            idType: application.idType, idNumber: application.idNumber, phone: application.phone, email: application.email,
            address: application.address, infoTitle: application.infoTitle, infoDocNumber: application.infoDocNumber,
            infoDescription: application.infoDescription, requestedForm: application.requestedForm, delivery: application.delivery,
            outcome: nil, replyText: "", draftedBy: nil, answeredOn: nil, createdBy: actor, createdAt: stamp, updatedAt: stamp,
            applicantKey: Self.applicantKey(application.idType, application.idNumber))
        guard
            let id = try await db.insert(into: RequestRow.table).model(row, with: RequestRow.insertEncoder).returning("id")
                .first(decodingColumn: "id", as: Int.self)
        else { throw DomainError(.conflict, "申请保存失败") }
        return id
    }

    /// The applicant's 证件 as compared for repeat applications (issue 24 §4): a SHA-256 of the
    /// normalised type and number, so the comparison never needs the number itself.
    static func applicantKey(_ type: IdentityDocumentType, _ number: String) -> String {
        AuditLog.sha256Hex(RepeatApplications.keyMaterial(idType: type, idNumber: number))
    }

    public func find(_ id: Int) async throws -> InformationRequest? {
        guard let row = try await db.select().column("*").from("requests").where("id", .equal, id).first() else { return nil }
        return try Self.decode(row, events: try await events(of: id))
    }

    public func find(reference: String) async throws -> InformationRequest? {
        guard let row = try await db.select().column("*").from("requests").where("reference", .equal, reference).first() else { return nil }
        return try Self.decode(row, events: try await events(of: try row.decode(column: "id", as: Int.self)))
    }

    public func codeHash(reference: String) async throws -> String? {
        try await db.select().column("query_code_hash").from("requests").where("reference", .equal, reference)
            .first(decodingColumn: "query_code_hash", as: String.self)
    }

    /// Requests of the units, newest first, each with its events (two queries in all).
    public func list(units: [String], openOnly: Bool = false, limit: Int = 500) async throws -> [InformationRequest] {
        guard !units.isEmpty else { return [] }
        var query = db.select().column("*").from("requests").where("unit_code", .in, units)
        if openOnly {
            query = query.where("state", .notIn, [RequestState.answered.rawValue, RequestState.archived.rawValue])
        }
        let rows = try await query.orderBy("id", .descending).limit(limit).all()
        let ids = try rows.map { try $0.decode(column: "id", as: Int.self) }
        let events = try await events(of: ids)
        return try rows.map { row in try Self.decode(row, events: events[try row.decode(column: "id", as: Int.self)] ?? []) }
    }

    /// The 按件 ordinal (信息处理费管理办法 第四条): how many requests the same applicant filed in the
    /// calendar month of `receivedOn`, this one included; with `.perAgency`, only those to the
    /// same unit (statutes §3).
    public func monthlyOrdinal(of request: InformationRequest, scope: FeeCountScope) async throws -> Int {
        guard let received = request.receivedOn else { return 1 }
        let first = CivilDate(year: received.year, month: received.month, day: 1)!
        let last = CivilDate(year: received.year, month: received.month, day: CivilDate.daysIn(month: received.month, year: received.year))!
        var query = db.select().column("id").column("received_on").from("requests")
            .where("id_number", .equal, request.application.idNumber)
            .where("received_on", .greaterThanOrEqual, first.description).where("received_on", .lessThanOrEqual, last.description)
        if scope == .perAgency { query = query.where("unit_code", .equal, request.application.unitCode) }
        let rows = try await query.all()
        let earlier = try rows.filter { row in
            let day = try row.decode(column: "received_on", as: String.self)
            let id = try row.decode(column: "id", as: Int.self)
            return day < received.description || (day == received.description && id <= request.id)
        }
        return max(1, earlier.count)
    }

    /// Writes the handling columns of a request (the only ones that change after intake).
    public func save(_ request: InformationRequest, at now: Date) async throws {
        try await db.update(RequestRow.table).set(model: RequestRow.Handling(request, at: now), with: RequestRow.encoder)
            .where("id", .equal, request.id).run()
    }

    public func append(_ event: RequestEvent, to id: Int, at now: Date) async throws {
        let row = RequestEventRow(
            id: nil, requestId: id, kind: event.kind, onDate: event.on, untilDate: event.until, days: event.days, party: event.party,
            detail: event.detail, actor: event.actor, recordedAt: Timestamp.text(now))
        try await db.insert(into: RequestEventRow.table).model(row, with: RequestEventRow.insertEncoder).run()
    }

    func events(of id: Int) async throws -> [RequestEvent] {
        try await events(of: [id])[id] ?? []
    }

    func events(of ids: [Int]) async throws -> [Int: [RequestEvent]] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await RequestEventRow.all(db.select().column("*").from(RequestEventRow.table).where("request_id", .in, ids).orderBy("id"))
        var byRequest: [Int: [RequestEvent]] = [:]
        for row in rows { byRequest[row.requestId, default: []].append(row.event) }
        return byRequest
    }

    static func decode(_ row: any SQLRow, events: [RequestEvent]) throws -> InformationRequest { try RequestRow.read(row).request(events: events) }
}

/// A row of `requests`.
struct RequestRow: StoredRow {
    static let table = "requests"

    var id: Int?
    var reference: String
    var queryCodeHash: String
    var unitCode: String
    var channel: RequestChannel
    var submittedAt: String
    var receivedOn: CivilDate?
    var state: RequestState
    var applicantKind: ApplicantKind
    var applicantName: String
    var contactPerson: String
    var idType: IdentityDocumentType
    var idNumber: String
    var phone: String
    var email: String
    var address: String
    var infoTitle: String
    var infoDocNumber: String
    var infoDescription: String
    var requestedForm: RequestedForm
    var delivery: DeliveryMethod
    var outcome: RequestOutcome?
    var replyText: String
    var draftedBy: String?
    var answeredOn: CivilDate?
    var createdBy: String
    var createdAt: String
    var updatedAt: String
    /// Migration 0021; empty only for a row written by a version before it and not yet keyed.
    var applicantKey: String? = nil

    /// What changes as a request is handled: its unit (on reassignment), receipt, state and answer.
    struct Handling: Encodable {
        var unitCode: String
        var receivedOn: CivilDate?
        var state: RequestState
        var outcome: RequestOutcome?
        var replyText: String
        var draftedBy: String?
        var answeredOn: CivilDate?
        var updatedAt: String

        init(_ request: InformationRequest, at now: Date) {
            unitCode = request.application.unitCode
            receivedOn = request.receivedOn
            state = request.state
            outcome = request.outcome
            replyText = request.replyText
            draftedBy = request.draftedBy
            answeredOn = request.answeredOn
            updatedAt = Timestamp.text(now)
        }
    }

    func request(events: [RequestEvent]) throws -> InformationRequest {
        let application = RequestApplication(
            unitCode: unitCode, channel: channel, applicantKind: applicantKind, applicantName: applicantName, contactPerson: contactPerson,
            idType: idType, idNumber: idNumber, phone: phone, email: email, address: address, infoTitle: infoTitle, infoDocNumber: infoDocNumber,
            infoDescription: infoDescription, requestedForm: requestedForm, delivery: delivery)
        return InformationRequest(
            id: id ?? 0, reference: reference, application: application,
            submittedAt: try CorruptRow.timestamp(submittedAt, table: Self.table, column: "submitted_at", id: "\(id ?? 0)"), receivedOn: receivedOn,
            state: state, outcome: outcome, replyText: replyText, draftedBy: draftedBy, answeredOn: answeredOn, events: events, createdBy: createdBy)
    }
}

/// A row of `request_events`.
struct RequestEventRow: StoredRow {
    static let table = "request_events"

    var id: Int?
    var requestId: Int
    var kind: RequestEvent.Kind
    var onDate: CivilDate
    var untilDate: CivilDate?
    var days: Int?
    var party: String
    var detail: String
    var actor: String
    var recordedAt: String

    var event: RequestEvent { RequestEvent(kind: kind, on: onDate, until: untilDate, days: days, party: party, detail: detail, actor: actor) }
}
