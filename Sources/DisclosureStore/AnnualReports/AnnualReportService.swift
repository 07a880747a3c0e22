import DisclosureCore
import Foundation
import SQLKit

/// Annual reports (issue 8; 条例 第四十九条、第五十条): tables from the records, narrative, checks,
/// filing with the office and publication. Editors and reviewers keep their own unit's report, a
/// reviewer files it, the office returns or publishes it and keeps the county government's own.
public struct AnnualReportService: Sendable {
    let database: Database
    let clock: any WallClock

    public init(database: Database, clock: any WallClock) {
        self.database = database
        self.clock = clock
    }

    var today: CivilDate { CivilDate(instant: clock.now()) }

    // MARK: Reading

    /// The report as staff see it; scope-checked.
    public func report(unit: String, year: Int, visibleTo staff: StaffIdentity) async throws -> AnnualReport {
        let tree = try await UnitRepository(database.sql).tree()
        guard tree.units[unit] != nil else { throw DomainError(.notFound, field: "unit", "单位 \(unit) 不存在") }
        guard staff.canSee(unit: unit, in: tree) else { throw DomainError(.forbidden, field: "unit", "无权查看 \(unit) 的年度报告") }
        return try await assemble(unit: unit, year: year, tree: tree, on: database.sql)
    }

    /// A published report, for the portal and the public; nil when not published.
    public func publishedReport(unit: String, year: Int) async throws -> AnnualReport? {
        guard let record = try await AnnualReportRepository(database.sql).find(unit: unit, year: year), record.status == .published else {
            return nil
        }
        let tree = try await UnitRepository(database.sql).tree()
        guard tree.units[unit] != nil else { return nil }
        return try await assemble(unit: unit, year: year, tree: tree, on: database.sql)
    }

    /// Published reports, newest year first, for the portal's list.
    public func published(unit: String? = nil, year: Int? = nil) async throws -> [AnnualReportRecord] {
        try await AnnualReportRepository(database.sql).all(year: year, status: .published).filter { unit == nil || $0.unitCode == unit }
    }

    func checkYear(_ year: Int) throws {
        guard year >= ReportFormat.firstYear, year <= today.year else {
            throw DomainError.invalid("year", "年度应在 \(ReportFormat.firstYear) 至 \(today.year) 之间")
        }
    }

    func assemble(unit: String, year: Int, tree: UnitTree, on db: any SQLDatabase) async throws -> AnnualReport {
        try checkYear(year)
        let repository = AnnualReportRepository(db)
        let record = try await repository.find(unit: unit, year: year) ?? AnnualReportRecord(unitCode: unit, year: year)
        let tables = try await self.tables(of: record, tree: tree, on: db)
        var previous: AnnualReportTables?
        if year > ReportFormat.firstYear {
            // With no record for last year, compare like with like: the same roll-up as this year's.
            let before =
                try await repository.find(unit: unit, year: year - 1)
                ?? AnnualReportRecord(unitCode: unit, year: year - 1, rollupUnits: record.rollupUnits)
            previous = try await self.tables(of: before, tree: tree, on: db)
        }
        let unitInfo = tree.units[unit]!
        let deadlines = ReportDeadlines.for(year: year, unitKind: unitInfo.kind)
        let today = self.today
        let yearOver = today.year > year
        let checks = record.filedTables != nil && !record.status.isEditable ? record.filedChecks : ReportCheck.run(tables, previous: previous)
        return AnnualReport(
            unit: unitInfo, record: record, tables: tables, checks: checks, deadlines: deadlines,
            filingDaysLate: deadlines.filing.map { yearOver ? ReportDeadlines.daysLate(due: $0, done: record.filedOn, today: today) : 0 } ?? 0,
            publicationDaysLate: yearOver ? ReportDeadlines.daysLate(due: deadlines.publication, done: record.publishedOn, today: today) : 0,
            isLive: record.filedTables == nil || record.status.isEditable,
            rollupUnits: record.rollupUnits.compactMap { tree.units[$0] })
    }

    /// Frozen tables once filed; otherwise the unit's own from the records, plus the roll-up units'
    /// (their filed tables where filed) for the county government.
    func tables(of record: AnnualReportRecord, tree: UnitTree, on db: any SQLDatabase) async throws -> AnnualReportTables {
        if let filed = record.filedTables, !record.status.isEditable { return filed }
        var tables = try await ReportRecords(db: db, unit: record.unitCode, year: record.year).tables(entered: record.entered)
        for code in record.rollupUnits where code != record.unitCode && tree.units[code] != nil {
            let member = try await AnnualReportRepository(db).find(unit: code, year: record.year)
            if let filed = member?.filedTables, member?.status.isEditable == false {
                tables = tables + filed
            } else {
                tables = tables + (try await ReportRecords(db: db, unit: code, year: record.year).tables(entered: member?.entered ?? [:]))
            }
        }
        return tables
    }

    /// The office's view of a year: every unit's status, dates and lateness.
    public func overview(year: Int, visibleTo staff: StaffIdentity) async throws -> [AnnualReport] {
        try checkYear(year)
        let tree = try await UnitRepository(database.sql).tree()
        var reports: [AnnualReport] = []
        for (unit, _) in tree.ordered() where staff.canSee(unit: unit.code, in: tree) {
            reports.append(try await assemble(unit: unit.code, year: year, tree: tree, on: database.sql))
        }
        return reports
    }

    /// Table 二 as computed from the unit's own records, before any entered cell: what the
    /// console shows beside each entry field.
    public func computedActiveTable(unit: String, year: Int, visibleTo staff: StaffIdentity) async throws -> ActiveTable {
        try checkYear(year)
        let tree = try await UnitRepository(database.sql).tree()
        guard tree.units[unit] != nil, staff.canSee(unit: unit, in: tree) else { throw DomainError(.forbidden, field: "unit", "无权查看 \(unit) 的年度报告") }
        return try await ReportRecords(db: database.sql, unit: unit, year: year).tables(entered: [:]).active
    }

    /// A first narrative from the year's figures.
    public func prefilledNarrative(unit: String, year: Int, visibleTo staff: StaffIdentity) async throws -> ReportNarrative {
        try await prefilledNarrative(for: try await report(unit: unit, year: year, visibleTo: staff))
    }

    /// The same for a report already read (the console shows both).
    public func prefilledNarrative(for report: AnnualReport) async throws -> ReportNarrative {
        let documents = try await ReportRecords(db: database.sql, unit: report.unit.code, year: report.year).publishedDocuments()
        return ReportNarrative.prefilled(unitName: report.unit.name, year: report.year, tables: report.tables, publishedDocuments: documents)
    }

    // MARK: Changes

    public func saveNarrative(unit: String, year: Int, _ narrative: ReportNarrative, by staff: StaffIdentity) async throws {
        let checked = try narrative.validated()
        try await edit(unit: unit, year: year, by: staff, action: "report.narrative") { record in
            record.narrative = checked
            return ["parts": String(ReportNarrative.Part.allCases.filter { !checked[$0].isEmpty }.count)]
        }
    }

    /// Entered table 二 cells; an empty value clears the entry so the computed figure shows again.
    public func saveEntered(unit: String, year: Int, _ entered: [String: Decimal], by staff: StaffIdentity) async throws {
        let layout = ActiveTable.empty(ReportFormat.for(year: year))
        for (key, value) in entered {
            guard layout.value(key) != nil else { throw DomainError.invalid("entered.\(key)", "表二没有「\(key)」这一格") }
            guard layout.isValid(value, at: key) else {
                throw DomainError.invalid("entered.\(key)", "表二「\(layout.label(of: key))」应为\(layout.expectation(at: key))")
            }
        }
        try await edit(unit: unit, year: year, by: staff, action: "report.entered") { record in
            record.entered = entered
            return ["cells": entered.keys.sorted().joined(separator: ",")]
        }
    }

    /// The county government's report adds the chosen units' figures to its own (office only).
    public func setRollup(unit: String, year: Int, units: [String], by staff: StaffIdentity) async throws {
        guard staff.role == .office else { throw DomainError(.forbidden, field: "rollup", "汇总范围由政务公开办确定") }
        let tree = try await UnitRepository(database.sql).tree()
        guard tree.units[unit]?.kind == .countyGovernment else { throw DomainError.invalid("rollup", "只有县人民政府的年度报告汇总各单位数据") }
        for code in units where tree.units[code] == nil || code == unit {
            throw DomainError.invalid("rollup", "不能汇总「\(code)」：单位不存在或为本单位")
        }
        try await edit(unit: unit, year: year, by: staff, action: "report.rollup") { record in
            record.rollupUnits = Array(Set(units)).sorted()
            return ["units": record.rollupUnits.joined(separator: ",")]
        }
    }

    /// 报送: the unit's reviewer (or the office) files a finished year's report with no failing
    /// check; its tables and warnings are frozen with it.
    public func file(unit: String, year: Int, by staff: StaffIdentity) async throws {
        guard staff.role == .reviewer || staff.role == .office else {
            throw DomainError(.forbidden, field: "status", "年度报告须由本单位审核人报送")
        }
        try await transition(unit: unit, year: year, by: staff, action: "report.file") { record, report, today in
            guard report.unit.kind != .countyGovernment else {
                throw DomainError(.conflict, field: "status", "县人民政府年度报告由政务公开办直接发布，无需报送")
            }
            guard record.status.isEditable else { throw DomainError(.conflict, field: "status", "报告当前为「\(record.status.rawValue)」，不能报送") }
            record.status = .filed
            record.filedOn = today
            record.filedBy = staff.username
            record.returnedReason = nil
        }
    }

    /// 退回修改 with a reason (office).
    public func returnForRevision(unit: String, year: Int, reason: String, by staff: StaffIdentity) async throws {
        let why = PlainText.singleLine(reason)
        guard (2...500).contains(why.count) else { throw DomainError.invalid("reason", "请写明退回修改的理由（2–500 字）") }
        guard staff.role == .office else { throw DomainError(.forbidden, field: "status", "只有政务公开办可以退回年度报告") }
        try await transition(unit: unit, year: year, by: staff, action: "report.return", extra: ["reason": why]) { record, _, _ in
            guard record.status == .filed else { throw DomainError(.conflict, field: "status", "只能退回已报送的报告（当前为「\(record.status.rawValue)」）") }
            record.status = .returned
            record.returnedReason = why
        }
    }

    /// 发布 (office): a filed report, or the county government's own report from its draft.
    public func publish(unit: String, year: Int, by staff: StaffIdentity) async throws {
        guard staff.role == .office else { throw DomainError(.forbidden, field: "status", "只有政务公开办可以发布年度报告") }
        try await transition(unit: unit, year: year, by: staff, action: "report.publish") { record, report, today in
            let direct = report.unit.kind == .countyGovernment && record.status.isEditable
            guard record.status == .filed || direct else {
                throw DomainError(.conflict, field: "status", "报告须先由单位报送才能发布（当前为「\(record.status.rawValue)」）")
            }
            record.status = .published
            record.publishedOn = today
            record.publishedBy = staff.username
        }
    }

    /// Saves an editable report after `change`, audited.
    func edit(
        unit: String, year: Int, by staff: StaffIdentity, action: String,
        _ change: @escaping @Sendable (inout AnnualReportRecord) throws -> [String: String]
    ) async throws {
        try checkYear(year)
        let now = clock.now()
        try await database.change(by: .staff(staff), at: now) { db in
            let tree = try await UnitRepository(db).tree()
            guard tree.units[unit] != nil else { throw DomainError(.notFound, field: "unit", "单位 \(unit) 不存在") }
            guard staff.maintains(unit: unit, in: tree) else { throw DomainError(.forbidden, field: "unit", "无权编辑 \(unit) 的年度报告") }
            var record = try await AnnualReportRepository(db).find(unit: unit, year: year) ?? AnnualReportRecord(unitCode: unit, year: year)
            guard record.status.isEditable else {
                throw DomainError(.conflict, field: "status", "报告已「\(record.status.rawValue)」，不能修改；如需修改请由政务公开办退回")
            }
            var summary = try change(&record)
            record.version += 1
            try await AnnualReportRepository(db).save(record, at: now)
            summary["year"] = String(year)
            return ((), AuditEvent(action, target: "report:\(unit):\(year)", summary))
        }
    }

    /// A status change: checks the year is over and no check fails, freezes the tables, audits.
    func transition(
        unit: String, year: Int, by staff: StaffIdentity, action: String, extra: [String: String] = [:],
        _ change: @escaping @Sendable (inout AnnualReportRecord, AnnualReport, CivilDate) throws -> Void
    ) async throws {
        try checkYear(year)
        let now = clock.now()
        let today = CivilDate(instant: now)
        try await database.change(by: .staff(staff), at: now) { db in
            let tree = try await UnitRepository(db).tree()
            guard tree.units[unit] != nil else { throw DomainError(.notFound, field: "unit", "单位 \(unit) 不存在") }
            guard staff.maintains(unit: unit, in: tree) else { throw DomainError(.forbidden, field: "unit", "无权处理 \(unit) 的年度报告") }
            guard today.year > year else { throw DomainError(.conflict, field: "year", "\(year) 年度尚未结束，年度报告不能报送或发布") }
            let report = try await self.assemble(unit: unit, year: year, tree: tree, on: db)
            var record = report.record
            try change(&record, report, today)
            if report.isLive {
                guard report.blockingChecks.isEmpty else {
                    throw DomainError(
                        .conflict, field: "checks", "报告未通过一致性校验：" + report.blockingChecks.map(\.message).joined(separator: "；"))
                }
                record.filedTables = report.tables
                record.filedChecks = report.checks
            }
            record.version += 1
            try await AnnualReportRepository(db).save(record, at: now)
            if record.status == .published { try await ChangeMarker.bump(on: db) }
            var summary = extra
            summary["status"] = record.status.rawValue
            summary["year"] = String(year)
            return ((), AuditEvent(action, target: "report:\(unit):\(year)", summary))
        }
    }
}
