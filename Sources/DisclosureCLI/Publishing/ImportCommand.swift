import ArgumentParser
import DisclosureCore
import DisclosureStore
import Foundation

/// `disclosure import documents FILE` — bulk-load published documents (a legacy archive, the benchmark corpus).
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "批量导入。", subcommands: [Documents.self, Catalog.self, ImportPowers.self, ImportLegacyRequests.self])

    struct Documents: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "documents", abstract: "导入已公开的政府信息（JSON Lines 或 CSV），并更新检索索引。",
            discussion: """
                JSON Lines (one object per line, as ../shared/bench/gen_corpus.py writes):
                  {"unit": "县财政局", "category": "通知公告", "title": "…", "body": "…", "published_at": "2025-03-01", "doc_no": "示财〔2025〕3号"}
                CSV (UTF-8, header row): unit,category,title,body,published_at,doc_no
                "unit" is a unit code or name; unknown names need --create-units. Documents are imported as
                已发布 主动公开, published on published_at. Each batch is one transaction with one audit entry.
                The documents are indexed as they are written, into the search index folder (DISCLOSURE_SEARCH_DIR,
                default search/ beside the SQLite file); while `serve` holds that folder, the server catches up
                from the change log itself.
                Into an empty documents table, the table's secondary indexes are set aside and built once at the
                end (an import killed half-way has them built at the next start of any command).
                """)
        @Argument(help: "Path of the .jsonl or .csv file.") var file: String
        @Option(help: "Documents per transaction.") var batchSize = 1000
        @Flag(help: "Create a unit for each publisher name not in the unit list.") var createUnits = false
        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            try await runReportingErrors {
                guard FileManager.default.isReadableFile(atPath: file) else { throw DomainError.invalid("FILE", "无法读取文件 \(file)") }
                guard (1...10_000).contains(batchSize) else { throw DomainError.invalid("batch-size", "--batch-size 须在 1 到 10000 之间") }
                let batches =
                    file.lowercased().hasSuffix(".csv")
                    ? try CSVDocumentLines.batches(path: file, size: batchSize) : JSONLines.batches(path: file, size: batchSize)
                try await withDatabase(options) { database in
                    var importer = DocumentImporter(database: database, clock: SystemWallClock())
                    importer.createUnits = createUnits
                    // Indexed as it is written, unless a running server holds the index folder
                    // (that server then catches up from the change log by itself).
                    let search = try SearchCommand.portalSearch(database, options: options)
                    do { importer.indexing = try await search.beginImport() } catch is IndexFolderError {}
                    let start = Date()
                    let summary = try await importer.importBatches(batches, by: .commandLine) { progress in
                        let seconds = Date().timeIntervalSince(start)
                        let rate = seconds > 0 ? Int(Double(progress.imported) / seconds) : 0
                        FileHandle.standardError.write(Data("\r已导入 \(progress.imported) 件（\(rate) 件/秒）".utf8))
                    }
                    FileHandle.standardError.write(Data("\n正在更新检索索引…\n".utf8))
                    let indexed: String
                    if let indexing = importer.indexing {
                        try await indexing.finish()
                        try await search.catchUp(force: true)
                        indexed = "检索索引已更新。"
                    } else {
                        indexed = try await SearchCommand.bringUpToDate(database, options: options)
                    }
                    let seconds = String(format: "%.1f", Date().timeIntervalSince(start))
                    say(
                        "导入完成：\(summary.imported) 件，用时 \(seconds) 秒；新建单位 \(summary.unitsCreated) 个；文号重复 \(summary.duplicateDocNumbers) 件（已导入，请核对）。\(indexed)"
                    )
                }
            }
        }
    }

    struct Catalog: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "catalog", abstract: "导入标准目录 CSV（列与 disclosure export catalog 相同），全部成功或全部不导入。")
        @Argument(help: "Path of the CSV file.") var file: String
        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            try await runReportingErrors {
                guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                    throw DomainError.invalid("FILE", "无法读取文件 \(file)（须为 UTF-8 编码的 CSV）")
                }
                try await withDatabase(options) { database in
                    let count = try await CatalogService(database: database, clock: SystemWallClock()).importCSV(text, by: .commandLine)
                    say("已导入目录条目 \(count) 条。")
                }
            }
        }
    }
}
