import ArgumentParser
import DisclosureCore
import DisclosureStore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `disclosure import documents FILE` — bulk-load published documents (a legacy archive, the benchmark corpus).
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "批量导入。", subcommands: [Documents.self, Catalog.self])

    struct Documents: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "documents", abstract: "导入已公开的政府信息（JSON Lines 或 CSV），建立检索索引。",
            discussion: """
                JSON Lines (one object per line, as ../shared/bench/gen_corpus.py writes):
                  {"unit": "县财政局", "category": "通知公告", "title": "…", "body": "…", "published_at": "2025-03-01", "doc_no": "示财〔2025〕3号"}
                CSV (UTF-8, header row): unit,category,title,body,published_at,doc_no
                "unit" is a unit code or name; unknown names need --create-units. Documents are imported as
                已发布 主动公开, published on published_at. Each batch is one transaction with one audit entry.
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
                    importer.batchSize = batchSize
                    let start = Date()
                    let summary = try await importer.importBatches(batches, by: .commandLine) { progress in
                        let seconds = Date().timeIntervalSince(start)
                        let rate = seconds > 0 ? Int(Double(progress.imported) / seconds) : 0
                        FileHandle.standardError.write(Data("\r已导入 \(progress.imported) 件（\(rate) 件/秒）".utf8))
                    }
                    FileHandle.standardError.write(Data("\n正在合并检索索引…\n".utf8))
                    try await importer.optimizeIndex()
                    let seconds = String(format: "%.1f", Date().timeIntervalSince(start))
                    say("导入完成：\(summary.imported) 件，用时 \(seconds) 秒；新建单位 \(summary.unitsCreated) 个；文号重复 \(summary.duplicateDocNumbers) 件（已导入，请核对）。")
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
                    let count = try await CatalogAdministration(database: database, clock: SystemWallClock()).importCSV(text, by: .commandLine)
                    say("已导入目录条目 \(count) 条。")
                }
            }
        }
    }
}

/// Reads a JSON Lines file in large chunks and hands out batches of (line number, bytes).
enum JSONLines {
    static func batches(path: String, size: Int) -> AsyncThrowingStream<[(Int, Data)], any Error> {
        AsyncThrowingStream { continuation in
            Thread.detachNewThread {
                guard let handle = FileHandle(forReadingAtPath: path) else {
                    continuation.finish(throwing: DomainError.invalid("FILE", "无法读取文件 \(path)"))
                    return
                }
                defer { try? handle.close() }
                var splitter = LineSplitter(batchSize: size)
                while true {
                    let chunk = handle.readData(ofLength: 8 << 20)
                    if chunk.isEmpty { break }
                    for batch in splitter.feed(chunk) { continuation.yield(batch) }
                }
                if let last = splitter.finish() { continuation.yield(last) }
                continuation.finish()
            }
        }
    }
}

/// Splits bytes into non-blank lines with memchr, carrying a partial line between chunks.
struct LineSplitter {
    let batchSize: Int
    var carry: [UInt8] = []
    var batch: [(Int, Data)] = []
    var lineNumber = 0

    init(batchSize: Int) { self.batchSize = batchSize }

    mutating func feed(_ chunk: Data) -> [[(Int, Data)]] {
        var ready: [[(Int, Data)]] = []
        carry.append(contentsOf: chunk)
        var start = 0
        carry.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            while start < buffer.count, let hit = memchr(base + start, 0x0A, buffer.count - start) {
                let end = base.distance(to: UnsafeRawPointer(hit))
                lineNumber += 1
                if end > start { batch.append((lineNumber, Data(bytes: base + start, count: end - start))) }
                start = end + 1
                if batch.count == batchSize {
                    ready.append(batch)
                    batch = []
                }
            }
        }
        carry.removeFirst(start)
        return ready
    }

    mutating func finish() -> [(Int, Data)]? {
        if carry.contains(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 }) {
            lineNumber += 1
            batch.append((lineNumber, Data(carry)))
        }
        return batch.isEmpty ? nil : batch
    }
}

/// The documented CSV form, turned into the same JSON objects the JSON Lines path reads.
enum CSVDocumentLines {
    static func batches(path: String, size: Int) throws -> AsyncThrowingStream<[(Int, Data)], any Error> {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw DomainError.invalid("FILE", "无法读取文件 \(path)（须为 UTF-8 编码）")
        }
        let rows = try CSVText.parse(text)
        guard let header = rows.first else { throw DomainError.invalid("FILE", "CSV 文件为空") }
        let names = ["unit", "category", "title", "body", "published_at", "doc_no"]
        let positions = try names.map { name in
            guard let index = header.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == name }) else {
                throw DomainError.invalid("FILE", "CSV 缺少列 \(name)")
            }
            return index
        }
        let encoder = JSONEncoder()
        var lines: [(Int, Data)] = []
        for (offset, row) in rows.dropFirst().enumerated() {
            var object: [String: String] = [:]
            for (name, index) in zip(names, positions) { object[name] = index < row.count ? row[index] : "" }
            lines.append((offset + 2, try encoder.encode(object)))
        }
        let chunks = stride(from: 0, to: lines.count, by: size).map { Array(lines[$0..<min($0 + size, lines.count)]) }
        return AsyncThrowingStream { continuation in
            for chunk in chunks { continuation.yield(chunk) }
            continuation.finish()
        }
    }
}
