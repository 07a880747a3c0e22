import ArgumentParser
import DisclosureCore
import DisclosureStore
import Foundation

/// `disclosure export catalog [--unit CODE] [--out F]` — the 标准目录 as CSV for spreadsheets; `export powers` is in Powers/.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "导出。", subcommands: [Catalog.self, ExportPowers.self])

    struct Catalog: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "catalog", abstract: "导出标准目录 CSV（UTF-8 带 BOM，可用 Excel 打开）。")
        @Option(help: "Only this unit's entries.") var unit: String?
        @Option(help: "Write to this file instead of standard output.") var out: String?
        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            try await runReportingErrors {
                try await withDatabase(options) { database in
                    let entries = try await CatalogService(database: database, clock: SystemWallClock()).entries(unit: unit)
                    let text = CatalogCSV.export(entries)
                    if let out {
                        guard FileManager.default.createFile(atPath: out, contents: Data(text.utf8)) else {
                            throw DomainError.invalid("out", "无法写入 \(out)")
                        }
                        say("已导出 \(entries.count) 条到 \(out)。")
                    } else {
                        FileHandle.standardOutput.write(Data(text.utf8))
                    }
                }
            }
        }
    }
}
