import DisclosureCore
import Foundation
import SQLKit

/// Named queries over `appeals`.
public struct AppealRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func insert(_ appeal: Appeal, at now: Date) async throws -> Int {
        let row = AppealRow(
            id: nil, requestId: appeal.requestID, kind: appeal.kind, filedOn: appeal.filedOn, authority: appeal.authority, result: appeal.result,
            decidedOn: appeal.decidedOn, note: appeal.note, createdAt: Timestamp.text(now))
        guard
            let id = try await db.insert(into: AppealRow.table).model(row, with: AppealRow.insertEncoder).returning("id")
                .first(decodingColumn: "id", as: Int.self)
        else { throw DomainError(.conflict, "复议诉讼记录保存失败") }
        return id
    }

    public func update(_ appeal: Appeal) async throws {
        try await db.update("appeals").set("result", to: appeal.result.rawValue).set("decided_on", to: appeal.decidedOn?.description)
            .set("note", to: appeal.note).set("authority", to: appeal.authority).where("id", .equal, appeal.id).run()
    }

    public func find(_ id: Int) async throws -> Appeal? {
        try await AppealRow.first(db.select().column("*").from(AppealRow.table).where("id", .equal, id))?.appeal
    }

    public func appeals(of requestID: Int) async throws -> [Appeal] {
        try await AppealRow.all(db.select().column("*").from(AppealRow.table).where("request_id", .equal, requestID).orderBy("id")).map(\.appeal)
    }
}

/// A row of `appeals`.
struct AppealRow: StoredRow {
    static let table = "appeals"

    var id: Int?
    var requestId: Int
    var kind: AppealKind
    var filedOn: CivilDate
    var authority: String
    var result: AppealResult
    var decidedOn: CivilDate?
    var note: String
    var createdAt: String

    var appeal: Appeal {
        Appeal(
            id: id ?? 0, requestID: requestId, kind: kind, filedOn: filedOn, authority: authority, result: result, decidedOn: decidedOn, note: note)
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
