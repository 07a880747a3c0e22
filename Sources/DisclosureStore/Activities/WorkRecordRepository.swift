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

    static func decode(_ row: any SQLRow) throws -> WorkRecord { try WorkRecordRow.read(row).record }
}

/// A row of `work_records` as read.
struct WorkRecordRow: StoredRow {
    static let table = "work_records"

    var id: Int
    var unitCode: String
    var kind: WorkRecordKind
    var heldOn: CivilDate
    var title: String
    var chair: String
    var attendees: String
    var attendeeCount: Int?
    var place: String
    var detail: String
    var dueOn: CivilDate?
    var visitors: Int?
    var boards: Int?
    var consultations: Int?
    var questionsAnswered: Int?
    var materials: Int?
    var fileName: String?
    var fileType: String?
    var fileSha256: String?
    var fileSize: Int?

    var record: WorkRecord {
        // 政务公开日 figures are stored only for open days; the visitor count marks them.
        let figures = visitors.map {
            OpenDayFigures(
                visitors: $0, boards: boards ?? 0, consultations: consultations ?? 0, questionsAnswered: questionsAnswered ?? 0,
                materials: materials ?? 0)
        }
        let file = StoredFile.stored(name: fileName, type: fileType, sha256: fileSha256, size: fileSize)
        return WorkRecord(
            id: id, unitCode: unitCode, kind: kind, date: heldOn, title: title, chair: chair, attendees: attendees, attendeeCount: attendeeCount,
            place: place, detail: detail, dueOn: dueOn, openDay: figures, file: file)
    }
}
