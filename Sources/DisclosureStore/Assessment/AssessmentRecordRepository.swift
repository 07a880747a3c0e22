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
        try await EvidenceRow.all(
            db.select().column("*").from(EvidenceRow.table).where("campaign_id", .equal, campaign).where("unit_code", .equal, unit).orderBy("id")
        ).map(\.evidence)
    }

    public func evidenceFile(_ id: Int) async throws -> (campaign: Int, unit: String, file: StoredFile)? {
        guard let row = try await EvidenceRow.first(db.select().column("*").from(EvidenceRow.table).where("id", .equal, id)),
            let file = row.file
        else { return nil }
        return (row.campaignId, row.unitCode, file)
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
        try await ExceptionRow.first(
            db.select().column("*").from(ExceptionRow.table).where("campaign_id", .equal, campaign).where("unit_code", .equal, unit)
                .orderBy("id", .descending)
        ).map { DeadlineException(unitCode: $0.unitCode, until: $0.untilOn, reason: $0.reason, grantedBy: $0.grantedBy) }
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
        return try await CheckRow.all(query.orderBy("held_on").orderBy("id")).map(\.entry)
    }

    public func checkFile(_ id: Int) async throws -> (campaign: Int, unit: String, file: StoredFile)? {
        guard let row = try await CheckRow.first(db.select().column("*").from(CheckRow.table).where("id", .equal, id)), let file = row.file
        else { return nil }
        return (row.campaignId, row.unitCode, file)
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
        try await TaskRow.first(db.select().column("*").from(TaskRow.table).where("id", .equal, id))?.task
    }

    public func tasks(campaign: Int? = nil, units: [String]? = nil) async throws -> [RectificationTask] {
        var query = db.select().column("*").from("rectification_tasks")
        if let campaign { query = query.where("campaign_id", .equal, campaign) }
        if let units {
            guard !units.isEmpty else { return [] }
            query = query.where("unit_code", .in, units)
        }
        return try await TaskRow.all(query.orderBy("due_on").orderBy("id")).map(\.task)
    }
}

/// A row of `assessment_evidence` as read.
struct EvidenceRow: StoredRow {
    static let table = "assessment_evidence"

    var id: Int
    var campaignId: Int
    var unitCode: String
    var indicatorId: String
    var stage: String
    var note: String
    var underException: Bool
    var addedBy: String
    var addedOn: CivilDate
    var fileName: String?
    var fileType: String?
    var fileSha256: String?
    var fileSize: Int?

    var file: StoredFile? { StoredFile.stored(name: fileName, type: fileType, sha256: fileSha256, size: fileSize) }

    var evidence: AssessmentEvidence {
        AssessmentEvidence(
            id: id, unitCode: unitCode, indicatorID: indicatorId, stage: stage, note: note, file: file, underException: underException,
            addedBy: addedBy, addedOn: addedOn)
    }
}

/// A row of `assessment_checks` as read.
struct CheckRow: StoredRow {
    static let table = "assessment_checks"

    var id: Int
    var campaignId: Int
    var unitCode: String
    var method: SpotCheckMethod
    var heldOn: CivilDate
    var participants: Int?
    var composition: String
    var notes: String
    var recordedBy: String
    var fileName: String?
    var fileType: String?
    var fileSha256: String?
    var fileSize: Int?

    var file: StoredFile? { StoredFile.stored(name: fileName, type: fileType, sha256: fileSha256, size: fileSize) }

    var entry: SpotCheckEntry {
        SpotCheckEntry(
            id: id, unitCode: unitCode,
            record: SpotCheckRecord(method: method, heldOn: heldOn, participants: participants, composition: composition, notes: notes), file: file,
            recordedBy: recordedBy)
    }
}

/// A row of `rectification_tasks` as read.
struct TaskRow: StoredRow {
    static let table = "rectification_tasks"

    var id: Int
    var campaignId: Int
    var unitCode: String
    var problem: String
    var dueOn: CivilDate
    var state: RectificationTask.State
    var report: String
    var submittedOn: CivilDate?
    var closedOn: CivilDate?
    var closedBy: String?
    var fileName: String?
    var fileType: String?
    var fileSha256: String?
    var fileSize: Int?

    var task: RectificationTask {
        RectificationTask(
            id: id, campaignID: campaignId, unitCode: unitCode, problem: problem, dueOn: dueOn, state: state, report: report,
            file: StoredFile.stored(name: fileName, type: fileType, sha256: fileSha256, size: fileSize), submittedOn: submittedOn, closedOn: closedOn,
            closedBy: closedBy)
    }
}

/// A row of `assessment_exceptions` as read.
struct ExceptionRow: StoredRow {
    static let table = "assessment_exceptions"

    var id: Int
    var unitCode: String
    var untilOn: CivilDate
    var reason: String
    var grantedBy: String
}
