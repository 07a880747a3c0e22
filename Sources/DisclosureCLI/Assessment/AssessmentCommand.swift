import ArgumentParser
import DisclosureCore
import Foundation

/// `disclosure assessment score|schemes`: the scoring engine on files, without a database, so a
/// county can check a scheme and a unit's facts before (or without) running a campaign.
struct AssessmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assessment", abstract: "政务公开考核：按指标体系计分，导出内置指标体系，计算自动考核数据。",
        subcommands: [AssessmentScoreCommand.self, AssessmentSchemesCommand.self, AssessmentMetricsCommand.self])
}

struct AssessmentScoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score", abstract: "按指标体系和事实文件计分，输出 JSON（总分、等次、各指标得分和扣分理由）。",
        discussion: """
            --scheme is a scheme file in the exchange format, or the name of a shipped scheme (seed-style, county-sample).
            Facts are {"<indicator id>": {"met": bool} | {"count": n} | {"incidents": n} | {"rate": 0…1} | {"score": x} |
            {"bonus": x} | {"bonus": [{"name": "…", "points": x, "evidence": "…"}]} | {"veto": bool} | {"na": true}}.
            A deduction rule without a fact deducts nothing; a manual or rate leaf without one counts full marks here
            and is marked "unscored" (the console refuses to submit, settle or approve such a result); {"na": true}
            marks a manual or rate leaf 不适用. Bonus items are summed and capped by the leaf's and the scheme's cap.
            """)
    @Option(help: "Scheme JSON file, or seed-style / county-sample.") var scheme: String
    @Option(help: "Facts JSON file.") var facts: String

    func run() async throws {
        try await runReportingErrors {
            let scheme = try Self.loadScheme(scheme)
            guard let data = FileManager.default.contents(atPath: facts) else { throw DomainError.invalid("facts", "无法读取事实文件 \(facts)") }
            let score = try AssessmentScoring.score(scheme, facts: try AssessmentFacts.parse(data))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            FileHandle.standardOutput.write(try encoder.encode(score) + Data("\n".utf8))
        }
    }

    static func loadScheme(_ name: String) throws -> AssessmentScheme {
        if let data = FileManager.default.contents(atPath: name) { return try AssessmentScheme.parse(data) }
        if let shipped = ShippedSchemes.scheme(name) { return shipped }
        throw DomainError.invalid("scheme", "无法读取指标体系文件 \(name)（内置指标体系：\(ShippedSchemes.all.map(\.key).joined(separator: "、"))）")
    }
}

struct AssessmentSchemesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schemes", abstract: "列出内置指标体系；--out DIR 把它们导出为 JSON 文件。")
    @Option(help: "Write each shipped scheme to DIR/<name>.json.") var out: String?

    func run() async throws {
        try await runReportingErrors {
            for (key, json) in ShippedSchemes.all {
                guard let scheme = ShippedSchemes.scheme(key) else { continue }
                if let out {
                    let path = URL(fileURLWithPath: out).appendingPathComponent("\(key).json").path
                    guard FileManager.default.createFile(atPath: path, contents: Data((json + "\n").utf8)) else {
                        throw DomainError.invalid("out", "无法写入 \(path)")
                    }
                    say("\(key)\t\(scheme.name)\t\(path)")
                } else {
                    say("\(key)\t\(scheme.name)\t\(scheme.leaves.count) 项末级指标")
                }
            }
        }
    }
}
