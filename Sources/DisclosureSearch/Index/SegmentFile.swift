/// A segment as bytes: what the index folder holds and what a segment reads in place (memory-mapped
/// by Store, or a copy in memory). Little-endian, in this order:
///
/// - magic and version;
/// - the term dictionary: the term count, the text length, `count + 1` offsets into the text
///   (`u32`), then the terms' UTF-8 bytes in ascending byte order (`TermDictionary`);
/// - `count + 1` absolute offsets of each term's posting record (`u64`), then the records: entry
///   count, the block table as variable-byte integers (offsets and last ordinals as gaps, each
///   block's frontier of (weighted frequency, length) pairs, and where each block after the first
///   starts in the positions), the entries' bytes, then the positions to the record's end
///   (`PostingList`);
/// - the documents by ordinal: ids, date keys, lengths, title lengths; then the facet bitmaps;
/// - the neighbours (`Neighbours`, read in place by `NeighbourTable`): before, then after, each a
///   count, a row per term in ascending order (its id, its neighbour's id, where its misses start),
///   then the misses' length and the misses (per term a count, then the ordinals as gaps);
/// - a checksum of everything before it.
///
/// Opening checks the checksum and the layout against the file's size and decodes only the
/// per-document columns and facets; a term's record is read when a query first asks for it, so
/// an index larger than memory is searchable. A truncated or corrupt file is a
/// `SegmentFileError`, never a crash or a wrong answer; the caller rebuilds.
public enum SegmentFile {
    static let magic: UInt32 = 0x4453_4731  // "DSG1"
    static let version: UInt32 = 10

    /// The columns and facets of the documents, by ordinal.
    struct Documents {
        var ids: [Int]
        var dateKeys: [Int64]
        var lengths: [UInt32]
        var titleLengths: [UInt32]
        var facets: [String: [String: DocumentBitmap]]
        var neighbours = Neighbours()
    }

    /// The file of a segment made of `terms` (ascending byte order) with `postings` (one per term).
    static func image(terms: [[UInt8]], postings: [PostingList.Parts], documents: Documents) -> [UInt8] {
        var writer = Writer()
        writer.u32(magic)
        writer.u32(version)
        writer.u32(UInt32(terms.count))
        let textLength = terms.reduce(0) { $0 + $1.count }
        writer.u32(UInt32(textLength))
        var offset: UInt32 = 0
        writer.u32(0)
        for term in terms {
            offset += UInt32(term.count)
            writer.u32(offset)
        }
        for term in terms { writer.output.append(contentsOf: term) }
        // Each record is written after the table, and the table patched with where it landed.
        let table = writer.output.count
        writer.output.append(contentsOf: [UInt8](repeating: 0, count: (terms.count + 1) * 8))
        for (index, list) in postings.enumerated() {
            writer.patch(u64: UInt64(writer.output.count), at: table + index * 8)
            // Most of the 400,000-odd terms of 100,000 documents are rare: one block, a few entries.
            // Their block tables as variable-byte integers keep the file smaller than FTS5's index.
            writer.varint(UInt32(list.count))
            writer.varints(list.blockOffsets.map(UInt32.init), gaps: true)
            writer.varints(list.blockCounts.map(UInt32.init), gaps: false)
            writer.varints(list.blockLast, gaps: true)
            // Each block's frontier: its size, then the pairs. Weighted frequencies are whole
            // numbers (4 × title + body occurrences).
            let frontiers = list.frontiers
            for block in 0..<frontiers.blockCount {
                let pairs = frontiers.starts[block]..<frontiers.starts[block + 1]
                writer.varint(UInt32(pairs.count))
                for pair in pairs {
                    writer.varint(UInt32(frontiers.frequency[pair]))
                    writer.varint(frontiers.length[pair])
                }
            }
            // The first block's positions start at 0; the count is the block count's.
            writer.values(list.blockPositionOffsets.dropFirst().map(UInt32.init), gaps: true)
            writer.bytes(list.bytes)
            writer.output.append(contentsOf: list.positions)
        }
        writer.patch(u64: UInt64(writer.output.count), at: table + postings.count * 8)
        writer.ints(documents.ids.map { UInt32(truncatingIfNeeded: $0) })
        writer.ints(documents.ids.map { UInt32(truncatingIfNeeded: $0 >> 32) })
        writer.ints(documents.dateKeys.map { UInt32(truncatingIfNeeded: $0) })
        writer.ints(documents.dateKeys.map { UInt32(truncatingIfNeeded: $0 >> 32) })
        writer.ints(documents.lengths)
        writer.ints(documents.titleLengths)
        writer.u32(UInt32(documents.facets.count))
        for (field, values) in documents.facets.sorted(by: { $0.key < $1.key }) {
            writer.string(field)
            writer.u32(UInt32(values.count))
            for (value, bitmap) in values.sorted(by: { $0.key < $1.key }) {
                writer.string(value)
                writer.ints(bitmap.ordinals)
            }
        }
        for side in [documents.neighbours.before, documents.neighbours.after] {
            var misses = Writer()
            writer.u32(UInt32(side.count))
            for (term, link) in side.sorted(by: { $0.key < $1.key }) {
                writer.u32(UInt32(term))
                writer.u32(UInt32(link.term))
                writer.u32(UInt32(misses.output.count))
                misses.varints(link.misses.ordinals, gaps: true)
            }
            writer.u32(UInt32(misses.output.count))
            writer.output.append(contentsOf: misses.output)
        }
        var sum = Checksum()
        writer.output.withUnsafeBufferPointer { sum.add($0) }
        writer.u32(UInt32(truncatingIfNeeded: sum.value))
        writer.u32(UInt32(truncatingIfNeeded: sum.value >> 32))
        return writer.output
    }

    /// The segment's file (a copy of its bytes).
    public static func encode(_ segment: SearchSegment) -> [UInt8] { segment.storage.array }

    /// A segment from a copy of its file's bytes.
    public static func decode(_ file: [UInt8]) throws(SegmentFileError) -> SearchSegment {
        try open(SegmentBytes(copying: file), checksumVerified: false)
    }

    /// FNV-1a over the payload: enough to catch a torn write or a flipped byte, and fed in pieces so Store can check a file with `read` before mapping it (checking
    /// through the mapping would touch, and keep resident, every page).
    public struct Checksum: Sendable {
        public private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

        public init() {}

        public mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
            for byte in bytes {
                value ^= UInt64(byte)
                value &*= 0x0000_0100_0000_01B3
            }
        }
    }

    /// The checksum stored in a file's last eight bytes.
    public static func storedChecksum(_ trailer: [UInt8]) -> UInt64? {
        guard trailer.count == 8 else { return nil }
        return trailer.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
    }

    /// A segment over `storage`. Unless the caller already compared the checksum with the bytes
    /// before the trailer (`checksumVerified`), it is computed here.
    public static func open(_ storage: SegmentBytes, checksumVerified: Bool) throws(SegmentFileError) -> SearchSegment {
        let bytes = storage.buffer
        guard bytes.count >= 4, storage.u32(at: 0) == magic else { throw .notASegment }
        guard bytes.count >= 16 else { throw .truncated }
        let payload = bytes.count - 8
        if !checksumVerified {
            var sum = Checksum()
            sum.add(UnsafeBufferPointer(rebasing: bytes[0..<payload]))
            guard sum.value == storedChecksum(Array(bytes[payload...])) else { throw .checksumMismatch }
        }
        var reader = Reader(bytes: UnsafeBufferPointer(rebasing: bytes[0..<payload]), offset: 4)
        guard try reader.u32() == version else { throw .unsupportedVersion }
        let termCount = Int(try reader.u32())
        let textLength = Int(try reader.u32())
        let tableStart = reader.offset
        try reader.skip(termCount + 1, size: 4)
        let textStart = reader.offset
        try reader.skip(textLength, size: 1)
        guard storage.u32(at: tableStart) == 0, Int(storage.u32(at: tableStart + termCount * 4)) == textLength else { throw .inconsistent }
        let recordTable = reader.offset
        try reader.skip(termCount + 1, size: 8)
        let recordsEnd = Int(storage.u64(at: recordTable + termCount * 8))
        guard Int(storage.u64(at: recordTable)) == reader.offset, recordsEnd >= reader.offset, recordsEnd <= payload else {
            throw .inconsistent
        }
        reader.offset = recordsEnd
        let low = try reader.ints()
        let high = try reader.ints()
        let dateLow = try reader.ints()
        let dateHigh = try reader.ints()
        let lengths = try reader.ints()
        let titleLengths = try reader.ints()
        guard low.count == high.count, low.count == lengths.count, low.count == titleLengths.count, low.count == dateLow.count,
            low.count == dateHigh.count
        else { throw .inconsistent }
        let ids = zip(low, high).map { Int(Int64($1) << 32 | Int64($0)) }
        let dateKeys = zip(dateLow, dateHigh).map { Int64($1) << 32 | Int64($0) }
        var facets: [String: [String: DocumentBitmap]] = [:]
        let fieldCount = Int(try reader.u32())
        for _ in 0..<fieldCount {
            let field = try reader.string()
            let valueCount = Int(try reader.u32())
            var values: [String: DocumentBitmap] = [:]
            for _ in 0..<valueCount {
                let value = try reader.string()
                let ordinals = try reader.ints()
                guard ordinals.allSatisfy({ Int($0) < ids.count }) else { throw .inconsistent }
                values[value] = DocumentBitmap(sorted: ordinals)
            }
            facets[field] = values
        }
        let before = try reader.neighbourSide(terms: termCount)
        let after = try reader.neighbourSide(terms: termCount)
        guard reader.atEnd else { throw .inconsistent }
        return SearchSegment(
            storage: storage, dictionary: TermDictionary(storage: storage, tableStart: tableStart, textStart: textStart, count: termCount),
            recordTable: recordTable,
            documents: Documents(ids: ids, dateKeys: dateKeys, lengths: lengths, titleLengths: titleLengths, facets: facets),
            neighbours: NeighbourTable(storage: storage, before: before, after: after, documents: ids.count))
    }

    /// Term `id`'s posting list, read from its record. Records are checked when read; one that
    /// does not add up (which the checksum makes a bug, not damage) reads as an empty list.
    static func postingList(_ id: Int, in storage: SegmentBytes, recordTable: Int) -> PostingList {
        let start = Int(storage.u64(at: recordTable + id * 8))
        let end = Int(storage.u64(at: recordTable + (id + 1) * 8))
        guard start <= end, end <= storage.count else { return PostingList.empty }
        var reader = Reader(bytes: UnsafeBufferPointer(rebasing: storage.buffer[start..<end]), offset: 0)
        do {
            var list = PostingList.Parts()
            list.count = Int(try reader.varint())
            list.blockOffsets = try reader.varints(gaps: true).map(Int.init)
            let counts = try reader.varints(gaps: false)
            guard counts.allSatisfy({ $0 >= 1 && $0 <= UInt32(PostingList.blockSize) }) else { throw SegmentFileError.inconsistent }
            list.blockCounts = counts.map { UInt16($0) }
            list.blockLast = try reader.varints(gaps: true)
            let blocks = list.blockOffsets.count
            for _ in 0..<blocks {
                let pairs = Int(try reader.varint())
                guard pairs >= 1, pairs <= PostingList.blockSize else { throw SegmentFileError.inconsistent }
                for _ in 0..<pairs {
                    list.frontiers.frequency.append(Float(try reader.varint()))
                    list.frontiers.length.append(try reader.varint())
                }
                list.frontiers.starts.append(list.frontiers.frequency.count)
            }
            list.blockPositionOffsets = blocks == 0 ? [] : [0] + (try reader.values(blocks - 1, gaps: true)).map(Int.init)
            let length = Int(try reader.varint())
            let entriesStart = start + reader.offset
            try reader.skip(length, size: 1)
            let positionsLength = end - start - reader.offset
            guard list.blockOffsets.count == list.blockLast.count,
                list.blockCounts.count == list.blockOffsets.count, list.blockCounts.reduce(0, { $0 + Int($1) }) == list.count,
                list.blockOffsets.allSatisfy({ $0 < max(length, 1) }), list.blockPositionOffsets.allSatisfy({ $0 <= positionsLength })
            else { return PostingList.empty }
            return PostingList(
                list, bytes: UnsafeBufferPointer(rebasing: storage.buffer[entriesStart..<(entriesStart + length)]),
                positions: UnsafeBufferPointer(rebasing: storage.buffer[(end - positionsLength)..<end]), storage: storage)
        } catch {
            return PostingList.empty
        }
    }

    /// How many documents hold term `id` (the record's first number), without reading the rest.
    static func documentCount(_ id: Int, in storage: SegmentBytes, recordTable: Int) -> Int {
        let start = Int(storage.u64(at: recordTable + id * 8))
        let end = Int(storage.u64(at: recordTable + (id + 1) * 8))
        guard start < end, end <= storage.count else { return 0 }
        var reader = Reader(bytes: UnsafeBufferPointer(rebasing: storage.buffer[start..<end]), offset: 0)
        return (try? reader.varint()).map(Int.init) ?? 0
    }
}

/// Why a segment file could not be read; the index folder is rebuilt from the database.
public enum SegmentFileError: Error, Equatable, CustomStringConvertible {
    case notASegment
    case unsupportedVersion
    case truncated
    case inconsistent
    case checksumMismatch

    public var description: String {
        switch self {
        case .notASegment: "不是检索索引文件"
        case .unsupportedVersion: "检索索引文件的版本不受支持"
        case .truncated: "检索索引文件不完整"
        case .inconsistent: "检索索引文件内容不一致"
        case .checksumMismatch: "检索索引文件校验失败（文件损坏）"
        }
    }
}
