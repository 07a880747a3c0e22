import DisclosureCore
import Foundation
import SQLKit

/// Named queries over `work_records`.
public struct WorkRecordRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func insert(_ record: WorkRecord, by actor: String, at now: Date) async throws -> Int {
        let figures = record.openDay
        let columns: [(String, any Encodable & Sendable)] = [
            ("unit_code", record.unitCode), ("kind", record.kind.rawValue), ("held_on", record.date.description), ("title", record.title),
            ("chair", record.chair), ("attendees", record.attendees), ("attendee_count", record.attendeeCount), ("place", record.place),
            ("detail", record.detail), ("due_on", record.dueOn?.description), ("visitors", figures?.visitors), ("boards", figures?.boards),
            ("consultations", figures?.consultations), ("questions_answered", figures?.questionsAnswered), ("materials", figures?.materials),
            ("file_name", record.file?.name), ("file_type", record.file?.mediaType), ("file_sha256", record.file?.sha256),
            ("file_size", record.file?.size), ("created_by", actor), ("created_at", Timestamp.text(now)),
        ]
        return try await db.insertReturningID(into: "work_records", columns, failure: "工作记录保存失败")
    }

    public func find(_ id: Int) async throws -> WorkRecord? {
        try await db.select().column("*").from("work_records").where("id", .equal, id).first().map(Self.decode)
    }

    public func delete(_ id: Int) async throws {
        try await db.delete(from: "work_records").where("id", .equal, id).run()
    }

    /// Records of the units in a calendar year, newest first.
    public func list(units: [String], year: Int) async throws -> [WorkRecord] {
        guard !units.isEmpty else { return [] }
        return try await db.select().column("*").from("work_records").where("unit_code", .in, units)
            .where("held_on", .greaterThanOrEqual, "\(year)-01-01").where("held_on", .lessThanOrEqual, "\(year)-12-31")
            .orderBy("held_on", .descending).orderBy("id", .descending).all().map(Self.decode)
    }

    static func decode(_ row: any SQLRow) throws -> WorkRecord {
        func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
        func number(_ column: String) throws -> Int? { try row.decode(column: column, as: Int?.self) }
        var figures: OpenDayFigures?
        if let visitors = try number("visitors") {
            figures = OpenDayFigures(
                visitors: visitors, boards: try number("boards") ?? 0, consultations: try number("consultations") ?? 0,
                questionsAnswered: try number("questions_answered") ?? 0, materials: try number("materials") ?? 0)
        }
        var file: StoredFile?
        if let sha = try row.decode(column: "file_sha256", as: String?.self) {
            file = StoredFile(
                name: try row.decode(column: "file_name", as: String?.self) ?? "附件",
                mediaType: try row.decode(column: "file_type", as: String?.self) ?? "application/octet-stream", sha256: sha,
                size: try number("file_size") ?? 0)
        }
        return WorkRecord(
            id: try row.decode(column: "id", as: Int.self), unitCode: try text("unit_code"),
            kind: WorkRecordKind(rawValue: try text("kind")) ?? .officeInspection, date: CivilDate(iso: try text("held_on"))!,
            title: try text("title"),
            chair: try text("chair"), attendees: try text("attendees"), attendeeCount: try number("attendee_count"), place: try text("place"),
            detail: try text("detail"), dueOn: try row.decode(column: "due_on", as: String?.self).flatMap(CivilDate.init(iso:)), openDay: figures,
            file: file)
    }
}
