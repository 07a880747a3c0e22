import DisclosureCore
import Foundation
import SQLKit

/// Work records (issue 5 §3): a unit's editors and reviewers record their own unit's meetings,
/// trainings, reports and open days; inspections of a unit are recorded by the office too. The
/// yearly tally is what the assessment counts.
public struct WorkRecordService: Sendable {
    let database: Database
    let clock: any WallClock

    public init(database: Database, clock: any WallClock) {
        self.database = database
        self.clock = clock
    }

    var today: CivilDate { CivilDate(instant: clock.now()) }

    public func add(_ record: WorkRecord, file: (name: String, bytes: [UInt8])? = nil, store: (any FileStore)? = nil, by staff: StaffIdentity)
        async throws -> Int
    {
        var record = try record.validated(today: today)
        try await Self.checkRecords(record.unitCode, staff, on: database.sql)
        if let file, let kept = try store?.keep(name: file.name, bytes: file.bytes) { record.file = kept }
        let now = clock.now()
        let checked = record
        return try await database.change(by: .staff(staff), at: now) { db in
            let id = try await WorkRecordRepository(db).insert(checked, by: staff.username, at: now)
            return (
                id,
                AuditEvent(
                    "record.create", target: "record:\(id)",
                    ["unit": checked.unitCode, "kind": checked.kind.rawValue, "date": checked.date.description])
            )
        }
    }

    public func remove(_ id: Int, by staff: StaffIdentity) async throws {
        let now = clock.now()
        try await database.change(by: .staff(staff), at: now) { db in
            guard let record = try await WorkRecordRepository(db).find(id) else { throw DomainError(.notFound, field: "id", "工作记录 \(id) 不存在") }
            try await Self.checkRecords(record.unitCode, staff, on: db)
            try await WorkRecordRepository(db).delete(id)
            return ((), AuditEvent("record.delete", target: "record:\(id)", ["unit": record.unitCode, "kind": record.kind.rawValue]))
        }
    }

    public func record(_ id: Int, visibleTo staff: StaffIdentity) async throws -> WorkRecord {
        let tree = try await UnitRepository(database.sql).tree()
        guard let record = try await WorkRecordRepository(database.sql).find(id), staff.canSee(unit: record.unitCode, in: tree) else {
            throw DomainError(.notFound, field: "id", "工作记录 \(id) 不存在")
        }
        return record
    }

    /// Records in the staff member's scope (optionally one unit) for a year.
    public func records(visibleTo staff: StaffIdentity, unit: String? = nil, year: Int) async throws -> [WorkRecord] {
        let tree = try await UnitRepository(database.sql).tree()
        var units = staff.unitsInScope(of: tree)
        if let unit { units = units.filter { $0 == unit } }
        return try await WorkRecordRepository(database.sql).list(units: units, year: year)
    }

    /// Counts per kind for one unit and year (own records only, not sub-units').
    public func tally(unit: String, year: Int, visibleTo staff: StaffIdentity) async throws -> WorkRecordTally {
        let tree = try await UnitRepository(database.sql).tree()
        guard tree.units[unit] != nil, staff.canSee(unit: unit, in: tree) else { throw DomainError(.notFound, field: "unit", "单位 \(unit) 不存在") }
        return WorkRecordTally.count(try await WorkRecordRepository(database.sql).list(units: [unit], year: year), unit: unit, year: year)
    }

    /// Editors and reviewers record for their own unit and its sub-units; the office for any unit.
    static func checkRecords(_ unit: String, _ staff: StaffIdentity, on db: any SQLDatabase) async throws {
        let tree = try await UnitRepository(db).tree()
        guard tree.units[unit] != nil else { throw DomainError.invalid("unitCode", "单位 \(unit) 不存在") }
        guard staff.maintains(unit: unit, in: tree) else { throw DomainError(.forbidden, field: "unitCode", "只能记录本单位（及下属单位）的工作") }
    }
}
