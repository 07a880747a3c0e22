import DisclosureCore
import Foundation
import SQLKit

/// One piece of evidence for an indicator (附件或链接说明), added in 自评 or 抽评.
public struct AssessmentEvidence: Equatable, Sendable {
    public let id: Int
    public let unitCode: String
    public let indicatorID: String
    /// 自评 or 抽评.
    public let stage: String
    public let note: String
    public let file: StoredFile?
    /// Added after the 自评 deadline under the office's recorded exception.
    public let underException: Bool
    public let addedBy: String
    public let addedOn: CivilDate
}

/// An office's recorded exception to the 自评 deadline for one unit.
public struct DeadlineException: Equatable, Sendable {
    public let unitCode: String
    public let until: CivilDate
    public let reason: String
    public let grantedBy: String
}

/// One 抽评 method used on a unit, with its record and file.
public struct SpotCheckEntry: Equatable, Sendable {
    public let id: Int
    public let unitCode: String
    public let record: SpotCheckRecord
    public let file: StoredFile?
    public let recordedBy: String
}

/// Named queries over evidence, exceptions, 抽评 records and rectification tasks.
public struct AssessmentRecordRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    static func fileColumns(_ file: StoredFile?) -> [(String, any Encodable & Sendable)] {
        [("file_name", file?.name), ("file_type", file?.mediaType), ("file_sha256", file?.sha256), ("file_size", file?.size)]
    }

    static func decodeFile(_ row: any SQLRow) throws -> StoredFile? {
        guard let sha = try row.decode(column: "file_sha256", as: String?.self) else { return nil }
        return StoredFile(
            name: try row.decode(column: "file_name", as: String?.self) ?? "", mediaType: try row.decode(column: "file_type", as: String?.self) ?? "",
            sha256: sha, size: try row.decode(column: "file_size", as: Int?.self) ?? 0)
    }

    // MARK: evidence

    public func insertEvidence(
        campaign: Int, unit: String, indicator: String, stage: String, note: String, file: StoredFile?, underException: Bool, by user: String,
        on day: CivilDate, at now: Date
    ) async throws -> Int {
        try await db.insertReturningID(
            into: "assessment_evidence",
            [
                ("campaign_id", campaign), ("unit_code", unit), ("indicator_id", indicator), ("stage", stage), ("note", note),
                ("under_exception", underException), ("added_by", user), ("added_on", day.description), ("created_at", Timestamp.text(now)),
            ] + Self.fileColumns(file), failure: "佐证材料保存失败")
    }

    public func evidence(campaign: Int, unit: String) async throws -> [AssessmentEvidence] {
        try await db.select().column("*").from("assessment_evidence").where("campaign_id", .equal, campaign).where("unit_code", .equal, unit)
            .orderBy("id").all().map { row in
                AssessmentEvidence(
                    id: try row.decode(column: "id", as: Int.self), unitCode: unit,
                    indicatorID: try row.decode(column: "indicator_id", as: String.self),
                    stage: try row.decode(column: "stage", as: String.self), note: try row.decode(column: "note", as: String.self),
                    file: try Self.decodeFile(row), underException: try row.decode(column: "under_exception", as: Bool.self),
                    addedBy: try row.decode(column: "added_by", as: String.self),
                    addedOn: CivilDate(iso: try row.decode(column: "added_on", as: String.self))!)
            }
    }

    public func evidenceFile(_ id: Int) async throws -> (campaign: Int, unit: String, file: StoredFile)? {
        guard let row = try await db.select().column("*").from("assessment_evidence").where("id", .equal, id).first(),
            let file = try Self.decodeFile(row)
        else { return nil }
        return (try row.decode(column: "campaign_id", as: Int.self), try row.decode(column: "unit_code", as: String.self), file)
    }

    // MARK: exceptions

    public func insertException(campaign: Int, unit: String, until: CivilDate, reason: String, by user: String, at now: Date) async throws {
        _ = try await db.insertReturningID(
            into: "assessment_exceptions",
            [
                ("campaign_id", campaign), ("unit_code", unit), ("until_on", until.description), ("reason", reason), ("granted_by", user),
                ("granted_at", Timestamp.text(now)),
            ], failure: "例外登记失败")
    }

    /// The latest exception recorded for the unit (a later one replaces an earlier one).
    public func exception(campaign: Int, unit: String) async throws -> DeadlineException? {
        try await db.select().column("*").from("assessment_exceptions").where("campaign_id", .equal, campaign).where("unit_code", .equal, unit)
            .orderBy("id", .descending).first().map { row in
                DeadlineException(
                    unitCode: unit, until: CivilDate(iso: try row.decode(column: "until_on", as: String.self))!,
                    reason: try row.decode(column: "reason", as: String.self), grantedBy: try row.decode(column: "granted_by", as: String.self))
            }
    }

    // MARK: 抽评 records

    public func insertCheck(campaign: Int, unit: String, record: SpotCheckRecord, file: StoredFile?, by user: String, at now: Date) async throws
        -> Int
    {
        try await db.insertReturningID(
            into: "assessment_checks",
            [
                ("campaign_id", campaign), ("unit_code", unit), ("method", record.method.rawValue), ("held_on", record.heldOn.description),
                ("participants", record.participants), ("composition", record.composition), ("notes", record.notes), ("recorded_by", user),
                ("created_at", Timestamp.text(now)),
            ] + Self.fileColumns(file), failure: "抽评记录保存失败")
    }

    public func checks(campaign: Int, unit: String? = nil) async throws -> [SpotCheckEntry] {
        var query = db.select().column("*").from("assessment_checks").where("campaign_id", .equal, campaign)
        if let unit { query = query.where("unit_code", .equal, unit) }
        return try await query.orderBy("held_on").orderBy("id").all().map { row in
            SpotCheckEntry(
                id: try row.decode(column: "id", as: Int.self), unitCode: try row.decode(column: "unit_code", as: String.self),
                record: SpotCheckRecord(
                    method: SpotCheckMethod(rawValue: try row.decode(column: "method", as: String.self)) ?? .documents,
                    heldOn: CivilDate(iso: try row.decode(column: "held_on", as: String.self))!,
                    participants: try row.decode(column: "participants", as: Int?.self),
                    composition: try row.decode(column: "composition", as: String.self),
                    notes: try row.decode(column: "notes", as: String.self)),
                file: try Self.decodeFile(row), recordedBy: try row.decode(column: "recorded_by", as: String.self))
        }
    }

    public func checkFile(_ id: Int) async throws -> (campaign: Int, unit: String, file: StoredFile)? {
        guard let row = try await db.select().column("*").from("assessment_checks").where("id", .equal, id).first(),
            let file = try Self.decodeFile(row)
        else { return nil }
        return (try row.decode(column: "campaign_id", as: Int.self), try row.decode(column: "unit_code", as: String.self), file)
    }

    // MARK: rectification

    public func insertTask(campaign: Int, unit: String, problem: String, due: CivilDate, at now: Date) async throws -> Int {
        try await db.insertReturningID(
            into: "rectification_tasks",
            [
                ("campaign_id", campaign), ("unit_code", unit), ("problem", problem), ("due_on", due.description),
                ("state", RectificationTask.State.open.rawValue), ("report", ""), ("created_at", Timestamp.text(now)),
                ("updated_at", Timestamp.text(now)),
            ], failure: "整改任务保存失败")
    }

    public func updateTask(_ task: RectificationTask, at now: Date) async throws {
        try await db.updateRow(
            "rectification_tasks", id: task.id, at: now,
            [
                "state": task.state.rawValue, "report": task.report, "submitted_on": task.submittedOn?.description,
                "closed_on": task.closedOn?.description, "closed_by": task.closedBy, "file_name": task.file?.name, "file_type": task.file?.mediaType,
                "file_sha256": task.file?.sha256, "file_size": task.file?.size,
            ])
    }

    public func task(_ id: Int) async throws -> RectificationTask? {
        try await db.select().column("*").from("rectification_tasks").where("id", .equal, id).first().map(Self.decodeTask)
    }

    public func tasks(campaign: Int? = nil, units: [String]? = nil) async throws -> [RectificationTask] {
        var query = db.select().column("*").from("rectification_tasks")
        if let campaign { query = query.where("campaign_id", .equal, campaign) }
        if let units {
            guard !units.isEmpty else { return [] }
            query = query.where("unit_code", .in, units)
        }
        return try await query.orderBy("due_on").orderBy("id").all().map(Self.decodeTask)
    }

    static func decodeTask(_ row: any SQLRow) throws -> RectificationTask {
        func date(_ column: String) throws -> CivilDate? { try row.decode(column: column, as: String?.self).flatMap(CivilDate.init(iso:)) }
        return RectificationTask(
            id: try row.decode(column: "id", as: Int.self), campaignID: try row.decode(column: "campaign_id", as: Int.self),
            unitCode: try row.decode(column: "unit_code", as: String.self), problem: try row.decode(column: "problem", as: String.self),
            dueOn: try date("due_on")!, state: RectificationTask.State(rawValue: try row.decode(column: "state", as: String.self)) ?? .open,
            report: try row.decode(column: "report", as: String.self), file: try decodeFile(row), submittedOn: try date("submitted_on"),
            closedOn: try date("closed_on"), closedBy: try row.decode(column: "closed_by", as: String?.self))
    }
}
