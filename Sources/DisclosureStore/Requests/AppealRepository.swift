import DisclosureCore
import Foundation
import SQLKit

/// Named queries over `appeals`.
public struct AppealRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func insert(_ appeal: Appeal, at now: Date) async throws -> Int {
        let row = try await db.insert(into: "appeals")
            .columns("request_id", "kind", "filed_on", "authority", "result", "decided_on", "note", "created_at")
            .values(
                SQLBind(appeal.requestID), SQLBind(appeal.kind.rawValue), SQLBind(appeal.filedOn.description), SQLBind(appeal.authority),
                SQLBind(appeal.result.rawValue), SQLBind(appeal.decidedOn?.description), SQLBind(appeal.note), SQLBind(Timestamp.text(now))
            ).returning("id").first()
        guard let row else { throw DomainError(.conflict, "复议诉讼记录保存失败") }
        return try row.decode(column: "id", as: Int.self)
    }

    public func update(_ appeal: Appeal) async throws {
        try await db.update("appeals").set("result", to: appeal.result.rawValue).set("decided_on", to: appeal.decidedOn?.description)
            .set("note", to: appeal.note).set("authority", to: appeal.authority).where("id", .equal, appeal.id).run()
    }

    public func find(_ id: Int) async throws -> Appeal? {
        try await db.select().column("*").from("appeals").where("id", .equal, id).first().map(Self.decode)
    }

    public func appeals(of requestID: Int) async throws -> [Appeal] {
        try await db.select().column("*").from("appeals").where("request_id", .equal, requestID).orderBy("id").all().map(Self.decode)
    }

    static func decode(_ row: any SQLRow) throws -> Appeal {
        Appeal(
            id: try row.decode(column: "id", as: Int.self), requestID: try row.decode(column: "request_id", as: Int.self),
            kind: AppealKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .review,
            filedOn: CivilDate(iso: try row.decode(column: "filed_on", as: String.self))!,
            authority: try row.decode(column: "authority", as: String.self),
            result: AppealResult(rawValue: try row.decode(column: "result", as: String.self)) ?? .pending,
            decidedOn: try row.decode(column: "decided_on", as: String?.self).flatMap(CivilDate.init(iso:)),
            note: try row.decode(column: "note", as: String.self))
    }
}

extension RequestService {
    /// Records a 复议 or 诉讼 against a request (unit staff or the office).
    public func recordAppeal(_ appeal: Appeal, by staff: StaffIdentity) async throws -> Int {
        let appeal = try appeal.validated(today: today)
        return try await database.change(by: .staff(staff), at: clock.now()) { db in
            guard let request = try await RequestRepository(db).find(appeal.requestID) else {
                throw DomainError(.notFound, field: "id", "申请 \(appeal.requestID) 不存在")
            }
            if staff.role != .office { try await Self.checkHandles(request.application.unitCode, staff, on: db) }
            let id = try await AppealRepository(db).insert(appeal, at: clock.now())
            return (
                id,
                AuditEvent(
                    "appeal.create", target: "appeal:\(id)",
                    ["request": String(appeal.requestID), "kind": appeal.kind.rawValue, "result": appeal.result.rawValue])
            )
        }
    }

    /// Records the result of a pending case.
    public func decideAppeal(_ id: Int, result: AppealResult, decidedOn: CivilDate?, note: String, by staff: StaffIdentity) async throws {
        try await database.change(by: .staff(staff), at: clock.now()) { db in
            guard var appeal = try await AppealRepository(db).find(id), let request = try await RequestRepository(db).find(appeal.requestID) else {
                throw DomainError(.notFound, field: "appeal", "复议诉讼记录 \(id) 不存在")
            }
            if staff.role != .office { try await Self.checkHandles(request.application.unitCode, staff, on: db) }
            appeal.result = result
            appeal.decidedOn = decidedOn
            if !note.isEmpty { appeal.note = note }
            try await AppealRepository(db).update(try appeal.validated(today: today))
            return ((), AuditEvent("appeal.decide", target: "appeal:\(id)", ["result": result.rawValue]))
        }
    }

    public func appeals(of request: InformationRequest) async throws -> [Appeal] {
        try await AppealRepository(database.sql).appeals(of: request.id)
    }
}
