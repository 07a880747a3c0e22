import ArgumentParser
import DisclosureCore
import DisclosureStore
import Foundation

/// `disclosure assessment metrics --unit CODE --year YYYY`: the automatic metrics with the
/// records behind them, as JSON; `--facts` prints them as a facts file for `assessment score`.
struct AssessmentMetricsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics", abstract: "计算单位某年度的自动考核数据（附依据记录），或按指标体系输出为事实文件。",
        discussion: """
            Without --scheme: {"<metric>": {"fact": …, "evidence": […]}}. With --scheme (a file or seed-style /
            county-sample): the facts file of the scheme's metric leaves, ready for `assessment score`.
            """)
    @Option(help: "Unit code, e.g. CZJ.") var unit: String
    @Option(help: "Campaign year, e.g. 2025.") var year: Int
    @Option(help: "Print a facts file for this scheme instead.") var scheme: String?
    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        try await runReportingErrors {
            guard (2000...2100).contains(year) else { throw DomainError.invalid("year", "--year 须在 2000 到 2100 之间") }
            let scheme = try self.scheme.map(AssessmentScoreCommand.loadScheme)
            try await withDatabase(options) { database in
                let code = unit.uppercased()
                guard try await UnitRepository(database.sql).tree().units[code] != nil else { throw DomainError.invalid("unit", "单位 \(code) 不存在") }
                let values = try await AssessmentMetrics(database: database, clock: SystemWallClock()).values(unit: code, year: year)
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                let data: Data
                if let scheme {
                    data = try encoder.encode(AssessmentMetrics.facts(for: scheme, from: values).values)
                } else {
                    data = try encoder.encode(Dictionary(uniqueKeysWithValues: values.map { ($0.key.rawValue, $0.value) }))
                }
                FileHandle.standardOutput.write(data + Data("\n".utf8))
            }
        }
    }
}
