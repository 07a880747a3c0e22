import DisclosureCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reads a JSON Lines file in large chunks and hands out batches of (line number, bytes), at most
/// a few ahead of the writer: reading ahead without a bound held a whole 3.4 GB file in memory
/// while the database was written.
enum JSONLines {
    static let batchesAhead = 3

    static func batches(path: String, size: Int) -> AsyncThrowingStream<[(Int, Data)], any Error> {
        AsyncThrowingStream(bufferingPolicy: .bufferingOldest(batchesAhead)) { continuation in
            /// Waits while the buffer is full; false once the reader stopped listening.
            @Sendable func hand(_ batch: [(Int, Data)]) -> Bool {
                while true {
                    switch continuation.yield(batch) {
                    case .enqueued: return true
                    case .terminated: return false
                    case .dropped: usleep(5_000)
                    @unknown default: return false
                    }
                }
            }
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
                    for batch in splitter.feed(chunk) where !hand(batch) { return }
                }
                if let last = splitter.finish(), !hand(last) { return }
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
