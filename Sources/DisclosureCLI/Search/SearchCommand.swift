import ArgumentParser
import DisclosureCore
import DisclosureStore
import Foundation
import Logging

/// `disclosure search rebuild|verify` — this instance's search index folder (issue 20).
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "检索索引：重建、核对。",
        discussion: """
            The index lives in DISCLOSURE_SEARCH_DIR (default search/ beside the SQLite file, or data/search). The
            database is the truth: every change writes a row to the search change log, which `serve` applies.
            Stop `serve` (or point DISCLOSURE_SEARCH_DIR at its folder's copy) before running these: one process
            holds a folder at a time.
            """, subcommands: [Rebuild.self, Verify.self])

    struct Rebuild: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rebuild", abstract: "从数据库重建本实例的检索索引。")
        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            try await runReportingErrors {
                try await withDatabase(options) { database in
                    let search = try SearchCommand.portalSearch(database, options: options)
                    let start = Date()
                    try await search.rebuild()
                    say("检索索引已重建（\(search.folder.path)），用时 \(String(format: "%.1f", Date().timeIntervalSince(start))) 秒。")
                }
            }
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify", abstract: "用逐件扫描核对检索结果（总数与最新 20 件），有差异时以非零状态退出。",
            discussion: "Without --queries, checks common words and pieces of titles spread over the documents table.")
        @Option(help: "A file of queries, one per line.") var queries: String?
        @Option(help: "How many sampled title pieces to check (without --queries).") var sample = 40
        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            try await runReportingErrors {
                guard (1...1000).contains(sample) else { throw DomainError.invalid("sample", "--sample 须在 1 到 1000 之间") }
                var lines: [String]?
                if let queries {
                    guard let text = try? String(contentsOfFile: queries, encoding: .utf8) else {
                        throw DomainError.invalid("queries", "无法读取查询文件 \(queries)（须为 UTF-8 文本，每行一个查询）")
                    }
                    lines = text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
                }
                try await withDatabase(options) { database in
                    let search = try SearchCommand.portalSearch(database, options: options)
                    try await search.open()
                    var checked = lines ?? []
                    if lines == nil { checked = try await search.sampleQueries(count: sample) }
                    let differences = try await search.verify(checked)
                    for difference in differences { printError(difference.description) }
                    guard differences.isEmpty else {
                        printError("\(differences.count) / \(checked.count) 个查询与逐件扫描不一致；请运行 disclosure search rebuild")
                        throw ExitCode(1)
                    }
                    say("检索核对通过：\(checked.count) 个查询的总数和最新 20 件与逐件扫描一致。")
                }
            }
        }
    }

    static func portalSearch(_ database: Database, options: DatabaseOptions) throws -> PortalSearch {
        var logger = Logger(label: "disclosure.search")
        logger.logLevel = .warning
        return PortalSearch(database: database, clock: SystemWallClock(), folder: options.searchFolder(for: try options.url()), logger: logger)
    }

    /// After an import: opens this instance's folder and applies the log (a rebuild for a large
    /// import). When `serve` holds the folder, says so; the server applies the log itself.
    static func bringUpToDate(_ database: Database, options: DatabaseOptions) async throws -> String {
        let search = try portalSearch(database, options: options)
        do {
            try await search.open()
            return "检索索引已更新。"
        } catch let error as IndexFolderError {
            return "检索索引未在此更新（\(error)）；运行中的服务会自行更新。"
        }
    }
}
