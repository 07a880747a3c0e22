import DisclosureCore
import Foundation
import SQLKit

/// What an import did, or would do: rows read, powers created or updated, and each bad cell.
public struct PowerImportReport: Sendable {
    public var rows = 0
    public var created = 0
    public var updated = 0
    public var unchanged = 0
    public var errors: [PowerSheet.RowError] = []
    /// False when errors stopped the import and nothing was changed.
    public var committed = false

    public init() {}
}

/// Spreadsheet import and export of the power list (issue 6 §5). A file with errors imports
/// nothing unless the clerk chooses to import the valid rows; then the bad rows are skipped and
/// named. An existing code updates that power (a new version with the row as its reason).
extension PowerService {
    public func importSheet(_ table: [[String]], validOnly: Bool, by staff: StaffIdentity) async throws -> PowerImportReport {
        let tree = try await UnitRepository(database.sql).tree()
        var units: [String: String] = [:]
        for unit in tree.units.values {
            units[unit.code] = unit.code
            units[unit.name] = unit.code
        }
        var parsed = try PowerSheet.parse(table, units: units)
        var report = PowerImportReport()
        report.rows = parsed.rows.count + parsed.badLines.count
        let repository = PowerRepository(database.sql)
        var accepted: [PowerSheet.Row] = []
        for row in parsed.rows {
            func refuse(_ column: String, _ message: String) {
                parsed.errors.append(PowerSheet.RowError(line: row.line, column: column, message: message))
            }
            guard staff.maintains(unit: row.draft.unitCode, in: tree) else {
                refuse("实施主体", "无权导入单位「\(tree.units[row.draft.unitCode]?.name ?? row.draft.unitCode)」的权力事项")
                continue
            }
            if let existing = try await repository.find(code: row.draft.code) {
                guard staff.maintains(unit: existing.draft.unitCode, in: tree) else {
                    refuse("编码", "编码 \(row.draft.code) 已属于其他单位的权力事项")
                    continue
                }
                if existing.status == .cancelled && row.status != .cancelled {
                    refuse("状态", "编码 \(row.draft.code) 的权力已取消，不能恢复：如需重新设立，请使用新编码")
                    continue
                }
            }
            if let figures = row.figures, figures.year > today.year {
                refuse("统计年度", "统计年度 \(figures.year) 尚未到来")
                continue
            }
            accepted.append(row)
        }
        report.errors = parsed.errors.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        if !report.errors.isEmpty && !validOnly { return report }
        guard !accepted.isEmpty else { return report }

        let rows = accepted
        let skipped = report.errors.count
        let now = clock.now()
        let today = self.today
        let dialect = database.dialect
        let outcome = try await database.change(by: .staff(staff), at: now) { db -> ((Int, Int, Int), AuditEvent) in
            let repository = PowerRepository(db)
            var created = 0
            var updated = 0
            var unchanged = 0
            for row in rows {
                let reason = "导入（文件第 \(row.line) 行）"
                var powerID: Int
                if var power = try await repository.find(code: row.draft.code) {
                    powerID = power.id
                    let before = power
                    power.draft = row.draft
                    if power.status != row.status {
                        power.status = row.status
                        power.statusSince = today
                        if row.status == .cancelled { power.guidePublishedOn = nil }
                    }
                    if power.hasPublishedGuide && !power.missingGuideElements.isEmpty { power.guidePublishedOn = nil }
                    if power != before {
                        power.version += 1
                        try await repository.update(power, at: now)
                        try await repository.addVersion(
                            power.id,
                            PowerVersion(
                                version: power.version, change: .imported, reason: reason, status: power.status, effectiveOn: today,
                                changedBy: staff.username), snapshot: power, at: now)
                        try await SearchChangeLog.record(.powers, [power.id], at: now, on: db)
                        try await AuditLog.append(
                            AuditEvent("power.update", target: "power:\(power.id)", ["code": power.draft.code, "reason": reason]), by: .staff(staff),
                            at: now, on: db, dialect: dialect)
                        updated += 1
                    } else {
                        unchanged += 1
                    }
                } else {
                    let power = try await Self.insert(
                        row.draft, status: row.status, by: staff.username, reason: reason, change: .created, today: today, now: now, on: db)
                    powerID = power.id
                    try await SearchChangeLog.record(.powers, [power.id], at: now, on: db)
                    try await AuditLog.append(
                        AuditEvent("power.create", target: "power:\(power.id)", ["code": power.draft.code, "unit": power.draft.unitCode]),
                        by: .staff(staff), at: now, on: db, dialect: dialect)
                    created += 1
                }
                if let figures = row.figures {
                    try await repository.setCount(
                        PowerYearCount(powerID: powerID, year: figures.year, decisions: figures.decisions, feeFen: figures.feeFen),
                        by: staff.username,
                        at: now)
                }
            }
            return (
                (created, updated, unchanged),
                AuditEvent(
                    "power.import", target: "powers",
                    ["created": String(created), "updated": String(updated), "unchanged": String(unchanged), "skipped": String(skipped)])
            )
        }
        report.created = outcome.0
        report.updated = outcome.1
        report.unchanged = outcome.2
        report.committed = true
        return report
    }

    /// The list in the staff member's scope as spreadsheet rows, with a year's figures when asked.
    public func exportTable(visibleTo staff: StaffIdentity, unit: String? = nil, year: Int? = nil) async throws -> [[String]] {
        let powers = try await powers(visibleTo: staff, unit: unit)
        let names = try await UnitRepository(database.sql).tree().units.mapValues(\.name)
        let counts = year == nil ? [:] : try await counts(of: powers, year: year!)
        return PowerSheet.table(powers, unitNames: names, year: year, counts: counts)
    }
}
