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
        let columns: [(String, any Encodable & Sendable)] = [
            ("reference", reference), ("query_code_hash", codeHash), ("unit_code", application.unitCode), ("channel", application.channel.rawValue),
            ("submitted_at", stamp), ("received_on", receivedOn?.description),
            ("state", (receivedOn == nil ? RequestState.pendingConfirmation : .accepted).rawValue),
            ("applicant_kind", application.applicantKind.rawValue), ("applicant_name", application.applicantName),
            ("contact_person", application.contactPerson),
            ("id_type", application.idType.rawValue), ("id_number", application.idNumber), ("phone", application.phone), ("email", application.email),
            ("address", application.address), ("info_title", application.infoTitle), ("info_doc_number", application.infoDocNumber),
            ("info_description", application.infoDescription), ("requested_form", application.requestedForm.rawValue),
            ("delivery", application.delivery.rawValue), ("reply_text", ""), ("created_by", actor), ("created_at", stamp), ("updated_at", stamp),
        ]
        return try await db.insertReturningID(into: "requests", columns, failure: "申请保存失败")
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

    public func update(_ id: Int, at now: Date, _ values: [String: (any Encodable & Sendable)?]) async throws {
        try await db.updateRow("requests", id: id, at: now, values)
    }

    public func append(_ event: RequestEvent, to id: Int, at now: Date) async throws {
        try await db.insert(into: "request_events")
            .columns("request_id", "kind", "on_date", "until_date", "days", "party", "detail", "actor", "recorded_at")
            .values(
                SQLBind(id), SQLBind(event.kind.rawValue), SQLBind(event.on.description), SQLBind(event.until?.description), SQLBind(event.days),
                SQLBind(event.party), SQLBind(event.detail), SQLBind(event.actor), SQLBind(Timestamp.text(now))
            ).run()
    }

    func events(of id: Int) async throws -> [RequestEvent] {
        try await events(of: [id])[id] ?? []
    }

    func events(of ids: [Int]) async throws -> [Int: [RequestEvent]] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await db.select().column("*").from("request_events").where("request_id", .in, ids).orderBy("id").all()
        var byRequest: [Int: [RequestEvent]] = [:]
        for row in rows {
            let kind = RequestEvent.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .reassigned
            let event = RequestEvent(
                kind: kind, on: CivilDate(iso: try row.decode(column: "on_date", as: String.self))!,
                until: try row.decodeNil(column: "until_date") ? nil : CivilDate(iso: try row.decode(column: "until_date", as: String.self)),
                days: try row.decode(column: "days", as: Int?.self), party: try row.decode(column: "party", as: String.self),
                detail: try row.decode(column: "detail", as: String.self), actor: try row.decode(column: "actor", as: String.self))
            byRequest[try row.decode(column: "request_id", as: Int.self), default: []].append(event)
        }
        return byRequest
    }

    static func decode(_ row: any SQLRow, events: [RequestEvent]) throws -> InformationRequest {
        func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
        func optional(_ column: String) throws -> String? { try row.decode(column: column, as: String?.self) }
        let application = RequestApplication(
            unitCode: try text("unit_code"), channel: RequestChannel(rawValue: try text("channel")) ?? .online,
            applicantKind: ApplicantKind(rawValue: try text("applicant_kind")) ?? .other, applicantName: try text("applicant_name"),
            contactPerson: try text("contact_person"), idType: IdentityDocumentType(rawValue: try text("id_type")) ?? .other,
            idNumber: try text("id_number"), phone: try text("phone"), email: try text("email"), address: try text("address"),
            infoTitle: try text("info_title"), infoDocNumber: try text("info_doc_number"), infoDescription: try text("info_description"),
            requestedForm: RequestedForm(rawValue: try text("requested_form")) ?? .electronicData,
            delivery: DeliveryMethod(rawValue: try text("delivery")) ?? .pickUp)
        return InformationRequest(
            id: try row.decode(column: "id", as: Int.self), reference: try text("reference"), application: application,
            submittedAt: Timestamp.date(try text("submitted_at")) ?? Date(timeIntervalSince1970: 0),
            receivedOn: try optional("received_on").flatMap(CivilDate.init(iso:)), state: RequestState(rawValue: try text("state")) ?? .accepted,
            outcome: try optional("outcome").flatMap(RequestOutcome.init(rawValue:)), replyText: try text("reply_text"),
            draftedBy: try optional("drafted_by"), answeredOn: try optional("answered_on").flatMap(CivilDate.init(iso:)), events: events,
            createdBy: try text("created_by"))
    }
}
