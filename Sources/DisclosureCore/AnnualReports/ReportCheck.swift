import Foundation

/// One finding of the consistency rules C1–C8 (statutes §2.6). Errors block filing; warnings
/// (C6, C8) are shown and filed with the report. Each message names the cell.
public struct ReportCheck: Equatable, Sendable, Codable {
    public enum Severity: String, Sendable, Codable {
        case error
        case warning
    }

    public let rule: String
    public let severity: Severity
    /// The cell or column the finding is about, e.g. `表三 r1「自然人」`.
    public let cell: String
    public let message: String

    public init(rule: String, severity: Severity, cell: String, message: String) {
        self.rule = rule
        self.severity = severity
        self.cell = cell
        self.message = message
    }

    /// Runs every rule. `previous` is last year's report (filed tables if filed) for C6 and C8.
    public static func run(_ tables: AnnualReportTables, previous: AnnualReportTables?) -> [ReportCheck] {
        var found: [ReportCheck] = []
        let requests = tables.requests
        let columns = requests.columns
        // C7: every cell a non-negative integer, except money cells (non-negative, at most 4 decimals).
        for key in tables.active.cellKeys {
            let value = tables.active.value(key) ?? 0
            if !tables.active.isValid(value, at: key) {
                found.append(
                    ReportCheck(
                        rule: "C7", severity: .error, cell: "表二 \(tables.active.label(of: key))",
                        message: "表二「\(tables.active.label(of: key))」应为\(tables.active.expectation(at: key))，现为 \(value)"))
            }
        }
        for row in requests.rows {
            for (index, value) in row.values.enumerated() where value < 0 {
                found.append(
                    ReportCheck(
                        rule: "C7", severity: .error, cell: "表三 \(row.key)「\(columns[index])」",
                        message: "表三「\(row.label)」「\(columns[index])」不能为负数（\(value)）"))
            }
        }
        for (group, item) in tables.appeals.groups.enumerated() {
            for (index, value) in item.values.enumerated() where value < 0 {
                found.append(
                    ReportCheck(
                        rule: "C7", severity: .error, cell: "表四 \(item.label)「\(AppealTable.columns[index])」",
                        message: "表四「\(tables.appeals.groups[group].label)」「\(AppealTable.columns[index])」不能为负数（\(value)）"))
            }
        }
        // C1: for every applicant column, r1 + r2 == r3.7 + r4 (printed in the table's corner cell).
        for column in columns.indices {
            let r1 = requests.value("r1", column: column)
            let r2 = requests.value("r2", column: column)
            let r37 = requests.value("r3.7", column: column)
            let r4 = requests.value("r4", column: column)
            if r1 + r2 != r37 + r4 {
                found.append(
                    ReportCheck(
                        rule: "C1", severity: .error, cell: "表三「\(columns[column])」列",
                        message: "表三「\(columns[column])」列：第一项 \(r1) + 第二项 \(r2) = \(r1 + r2)，不等于第三项总计 \(r37) + 第四项 \(r4) = \(r37 + r4)"))
            }
        }
        // C2: 总计 is the sum of the six applicant columns, in every row.
        for row in requests.rows {
            let sum = row.values[0..<6].reduce(0, +)
            if row.values[6] != sum {
                found.append(
                    ReportCheck(
                        rule: "C2", severity: .error, cell: "表三 \(row.key)「总计」",
                        message: "表三「\(row.label)」的总计 \(row.values[6]) 不等于六类申请人之和 \(sum)"))
            }
        }
        // C3: r3.7 is the sum of the outcome rows, in every column.
        let resultRows = requests.rows.filter { $0.key.hasPrefix("r3.") && $0.key != "r3.7" }
        for column in columns.indices {
            let sum = resultRows.map { $0.values[column] }.reduce(0, +)
            let total = requests.value("r3.7", column: column)
            if sum != total {
                found.append(
                    ReportCheck(
                        rule: "C3", severity: .error, cell: "表三 r3.7「\(columns[column])」",
                        message: "表三「（七）总计」「\(columns[column])」为 \(total)，不等于（一）至（六）各项之和 \(sum)"))
            }
        }
        // C4: in each group of table 四, 总计 is the sum of the four results.
        for item in tables.appeals.groups {
            let sum = item.values[0..<4].reduce(0, +)
            if item.values[4] != sum {
                found.append(
                    ReportCheck(
                        rule: "C4", severity: .error, cell: "表四 \(item.label)「总计」",
                        message: "表四「\(item.label)」总计 \(item.values[4]) 不等于结果维持、结果纠正、其他结果、尚未审结之和 \(sum)"))
            }
        }
        // C5: a 区分处理 case is counted only in r3.2, so the results total equals the cases answered.
        if let answered = tables.answeredCases, answered != requests.value("r3.7") {
            found.append(
                ReportCheck(
                    rule: "C5", severity: .error, cell: "表三 r3.7「总计」",
                    message: "表三「（七）总计」\(requests.value("r3.7")) 件，与本年办结的申请 \(answered) 件不符：每件申请只能计入一种办理结果（部分公开只计入（二））"))
        }
        if let previous {
            // C6: last year's 结转下年度 should be this year's 上年结转.
            for column in columns.indices {
                let carried = previous.requests.value("r4", column: column)
                let brought = requests.value("r2", column: column)
                if carried != brought {
                    found.append(
                        ReportCheck(
                            rule: "C6", severity: .warning, cell: "表三 r2「\(columns[column])」",
                            message: "表三「二、上年结转」「\(columns[column])」为 \(brought)，上年报告「四、结转下年度继续办理」为 \(carried)"))
                }
            }
            // C8: 现行有效 ≈ last year's + 本年制发 − 本年废止 (2021 format; amendments may break it).
            if tables.format == .revised2021, previous.format == .revised2021 {
                for row in ["regulations", "normative"] {
                    let before = previous.active.value("\(row).2") ?? 0
                    let expected = before + (tables.active.value("\(row).0") ?? 0) - (tables.active.value("\(row).1") ?? 0)
                    let actual = tables.active.value("\(row).2") ?? 0
                    if expected != actual {
                        let name = tables.active.label(of: "\(row).2")
                        found.append(
                            ReportCheck(
                                rule: "C8", severity: .warning, cell: "表二 \(name)",
                                message: "表二「\(name)」为 \(actual)，按上年 \(before) + 本年制发 − 本年废止 应为 \(expected)（如有修订可不一致，请核实）"))
                    }
                }
            }
        }
        return found
    }
}

extension Array where Element == ReportCheck {
    public var blocking: [ReportCheck] { filter { $0.severity == .error } }
}
