import ArgumentParser
import DisclosureCore
import DisclosureStore
import DisclosureWeb
import Foundation

/// `disclosure report annual --unit CODE --year YYYY --format json|html|xlsx|docx|csv [--out F]`.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "生成报告。", subcommands: [AnnualReportCommand.self])
}

struct AnnualReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annual", abstract: "生成单位的政府信息公开工作年度报告（2021 年格式；2019、2020 年度用试行格式）。",
        discussion: """
            A filed or published report prints the tables it was filed with; a draft is computed from the records now.
            Consistency findings (C1–C8) are included in JSON and listed on standard error. Formats json, html and csv
            print to standard output unless --out is given; xlsx and docx need --out.
            """)
    @Option(help: "Unit code, e.g. CZJ.") var unit: String
    @Option(help: "Report year, e.g. 2025.") var year: Int
    @Option(help: "json, html, xlsx, docx or csv.") var format = "json"
    @Option(help: "Write to this file instead of standard output.") var out: String?
    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        try await runReportingErrors {
            guard let format = AnnualReportExport.Format(rawValue: format) else {
                throw DomainError.invalid("format", "--format 应为 \(AnnualReportExport.Format.allCases.map(\.rawValue).joined(separator: "、")) 之一")
            }
            guard out != nil || ![.xlsx, .docx].contains(format) else { throw DomainError.invalid("out", "导出 \(format.rawValue) 须用 --out 指定文件") }
            try await withDatabase(options) { database in
                let reader = StaffIdentity(userID: 0, username: "命令行", role: .auditor, unitCode: "")
                let report = try await AnnualReportService(database: database, clock: SystemWallClock()).report(
                    unit: unit.uppercased(), year: year, visibleTo: reader)
                let bytes: Data
                switch format {
                case .json: bytes = try AnnualReportExport.json(report) + Data("\n".utf8)
                case .csv: bytes = Data(AnnualReportExport.csv(report).utf8)
                case .xlsx: bytes = try AnnualReportExport.xlsx(report)
                case .docx: bytes = try AnnualReportExport.docx(report)
                case .html: bytes = Data(try await AnnualReportHTML.render(report).utf8)
                }
                var notes = report.checks.map { "\($0.rule)\($0.severity == .error ? "（错误，不能报送）" : "（提示）")：\($0.message)" }
                if report.isEmpty { notes.insert("提示：\(report.unit.name)\(year)年度没有可统计的数据，各表均为 0。", at: 0) }
                notes.forEach(printNote)
                if let out {
                    guard FileManager.default.createFile(atPath: out, contents: bytes) else { throw DomainError.invalid("out", "无法写入 \(out)") }
                    say("已生成 \(AnnualReportExport.title(report))（\(report.record.status.rawValue)）：\(out)")
                } else {
                    FileHandle.standardOutput.write(bytes)
                }
            }
        }
    }
}

/// `disclosure import requests FILE --as USER`: cases handled before the platform existed.
struct ImportLegacyRequests: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requests", abstract: "导入平台启用前办理的依申请公开案件（计入年度报告表三）；有任何错误时不导入并逐行列出。",
        discussion: """
            CSV with a heading row (单位编码, 原编号, 申请人类型, 收到申请日期, 答复日期, 办理结果) or JSON Lines with the fields
            unit, reference, applicantKind (自然人|商业企业|科研机构|社会公益组织|法律服务机构|其他), receivedOn and answeredOn
            (YYYY-MM-DD; answeredOn empty while still open), outcome (a table 三 row key such as r3.1, r3.2, r3.3.4, or its label).
            No applicant names or identity numbers are imported. A 原编号 already imported for the unit is refused.
            """)
    @Argument(help: "Path of the .csv or .jsonl file (UTF-8).") var file: String
    @Option(name: .customLong("as"), help: "Staff account the import is made as (its unit scope applies).") var username: String
    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        try await runReportingErrors {
            guard let data = FileManager.default.contents(atPath: file) else { throw DomainError.invalid("FILE", "无法读取文件 \(file)") }
            guard let text = String(data: data, encoding: .utf8) else { throw DomainError.invalid("FILE", "文件应为 UTF-8 编码") }
            try await withDatabase(options) { database in
                guard let account = try await StaffAccountRepository(database.sql).find(username: username), account.active else {
                    throw DomainError.invalid("as", "账号 \(username) 不存在或已停用")
                }
                let result = try await AnnualReportService(database: database, clock: SystemWallClock()).importLegacy(text, by: account.identity)
                for error in result.errors { printError(error.description) }
                guard result.errors.isEmpty else { throw DomainError.invalid("FILE", "文件中有 \(result.errors.count) 处错误，未导入任何数据") }
                say("已导入 \(result.imported) 件历史申请。")
            }
        }
    }
}
