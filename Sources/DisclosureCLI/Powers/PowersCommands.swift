import ArgumentParser
import DisclosureCore
import DisclosureStore
import Foundation

/// `disclosure import powers FILE --as USER [--valid-only]` — a unit's 权责清单 from CSV or XLSX,
/// imported as a staff account (its unit scope applies and the audit log names it).
struct ImportPowers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "powers", abstract: "导入权责清单（CSV 或 XLSX，列与 disclosure export powers 相同）；有错误的行逐行列出。",
        discussion: """
            Columns (row 1): 编码, 权力名称, 权力类别, 实施主体, 承办机构, 设定依据, 责任事项, 追责情形, 法定时限（工作日）,
            承诺时限（工作日）, 收费, 监督电话, 状态; optional 统计年度, 处理决定数量, 收费金额（元）. An existing code updates that
            power (its history records the file row). With any bad row nothing is imported unless --valid-only is given.
            """)
    @Argument(help: "Path of the .csv or .xlsx file.") var file: String
    @Option(name: .customLong("as"), help: "Staff account the import is made as (its unit scope applies).") var username: String
    @Flag(help: "Import the valid rows and skip (and list) the bad ones.") var validOnly = false
    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        try await runReportingErrors {
            guard let data = FileManager.default.contents(atPath: file) else { throw DomainError.invalid("FILE", "无法读取文件 \(file)") }
            let table = try SpreadsheetFile.rows(Array(data))
            try await withDatabase(options) { database in
                guard let account = try await StaffAccountRepository(database.sql).find(username: username), account.active else {
                    throw DomainError.invalid("as", "账号 \(username) 不存在或已停用")
                }
                let report = try await PowerService(database: database, clock: SystemWallClock()).importSheet(
                    table, validOnly: validOnly, by: account.identity)
                for error in report.errors { FileHandle.standardError.write(Data((error.description + "\n").utf8)) }
                guard report.committed || report.errors.isEmpty else {
                    throw DomainError.invalid("FILE", "文件中有 \(report.errors.count) 处错误，未导入任何数据（可加 --valid-only 仅导入无错误的行）")
                }
                say("导入完成：\(report.rows) 行，新增 \(report.created) 项，更新 \(report.updated) 项，未变化 \(report.unchanged) 项，跳过 \(report.errors.count) 处错误。")
            }
        }
    }
}

/// `disclosure export powers [--unit CODE] [--year YYYY] [--format csv|xlsx] [--out F]`.
struct ExportPowers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "powers", abstract: "导出权责清单（CSV 或 XLSX；给出 --year 时附该年处理决定数量和收费金额）。")
    @Option(help: "Only this unit's powers.") var unit: String?
    @Option(help: "Add this year's decisions and fees.") var year: Int?
    @Option(help: "csv or xlsx.") var format = "csv"
    @Option(help: "Write to this file instead of standard output (required for xlsx).") var out: String?
    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        try await runReportingErrors {
            guard format == "csv" || format == "xlsx" else { throw DomainError.invalid("format", "--format 应为 csv 或 xlsx") }
            guard format == "csv" || out != nil else { throw DomainError.invalid("out", "导出 XLSX 须用 --out 指定文件") }
            try await withDatabase(options) { database in
                let reader = StaffIdentity(userID: 0, username: "命令行", role: .auditor, unitCode: "")
                let table = try await PowerService(database: database, clock: SystemWallClock()).exportTable(
                    visibleTo: reader, unit: unit, year: year)
                let bytes =
                    format == "xlsx"
                    ? try XLSXWorkbook.write([XLSXSheet(name: "权责清单", rows: table)]) : Data(CSVText.document(table).utf8)
                if let out {
                    guard FileManager.default.createFile(atPath: out, contents: bytes) else { throw DomainError.invalid("out", "无法写入 \(out)") }
                    say("已导出 \(table.count - 1) 项到 \(out)。")
                } else {
                    FileHandle.standardOutput.write(bytes)
                }
            }
        }
    }
}
