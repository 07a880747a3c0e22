import Foundation

/// A segment as bytes, for the index folder: a magic number and version, then every part as
/// length-prefixed little-endian arrays, then a checksum of all that. Reading checks the checksum
/// and every length against what is left, so a truncated or corrupt file is a
/// `SegmentFileError`, never a crash or a wrong answer; the caller rebuilds.
public enum SegmentFile {
    static let magic: UInt32 = 0x4453_4731  // "DSG1"
    static let version: UInt32 = 6

    public static func encode(_ segment: SearchSegment) -> [UInt8] {
        var writer = Writer()
        writer.u32(magic)
        writer.u32(version)
        writer.u32(UInt32(segment.terms.count))
        for term in segment.terms { writer.string(term) }
        // Most of the 400,000-odd terms of 100,000 documents are rare: one block, a few entries.
        // Their block tables as variable-byte integers (offsets and last ordinals as gaps) keep
        // the file smaller than FTS5's index of the same text.
        for list in segment.postings {
            writer.varint(UInt32(list.count))
            writer.varints(list.blockOffsets.map(UInt32.init), gaps: true)
            writer.varints(list.blockCounts.map(UInt32.init), gaps: false)
            writer.varints(list.blockLast, gaps: true)
            // Weighted frequencies are whole numbers (4 × title + body occurrences).
            writer.varints(list.blockMaxFrequency.map { UInt32($0) }, gaps: false)
            writer.varints(list.blockMinLength, gaps: false)
            writer.bytes(list.bytes)
        }
        writer.ints(segment.ids.map { UInt32(truncatingIfNeeded: $0) })
        writer.ints(segment.ids.map { UInt32(truncatingIfNeeded: $0 >> 32) })
        writer.ints(segment.dateKeys.map { UInt32(truncatingIfNeeded: $0) })
        writer.ints(segment.dateKeys.map { UInt32(truncatingIfNeeded: $0 >> 32) })
        writer.ints(segment.lengths)
        writer.ints(segment.titleLengths)
        writer.u32(UInt32(segment.facets.count))
        for (field, values) in segment.facets.sorted(by: { $0.key < $1.key }) {
            writer.string(field)
            writer.u32(UInt32(values.count))
            for (value, bitmap) in values.sorted(by: { $0.key < $1.key }) {
                writer.string(value)
                writer.ints(bitmap.ordinals)
            }
        }
        let sum = checksum(writer.output[...])
        writer.u32(UInt32(truncatingIfNeeded: sum))
        writer.u32(UInt32(truncatingIfNeeded: sum >> 32))
        return writer.output
    }

    /// FNV-1a over the payload: enough to catch a torn write or a flipped byte.
    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    public static func decode(_ file: [UInt8]) throws(SegmentFileError) -> SearchSegment {
        var head = Reader(bytes: Array(file.prefix(4)))
        guard try head.u32() == magic else { throw .notASegment }
        guard file.count >= 16 else { throw .truncated }
        let bytes = Array(file.dropLast(8))
        var trailer = Reader(bytes: Array(file.suffix(8)))
        let stored = UInt64(try trailer.u32()) | UInt64(try trailer.u32()) << 32
        guard stored == checksum(bytes[...]) else { throw .checksumMismatch }
        var reader = Reader(bytes: bytes)
        guard try reader.u32() == magic else { throw .notASegment }
        guard try reader.u32() == version else { throw .unsupportedVersion }
        let termCount = Int(try reader.u32())
        guard termCount <= bytes.count else { throw .truncated }
        var terms: [String] = []
        terms.reserveCapacity(termCount)
        for _ in 0..<termCount { terms.append(try reader.string()) }
        var postings: [PostingList] = []
        postings.reserveCapacity(termCount)
        for _ in 0..<termCount {
            var list = PostingList.Parts()
            list.count = Int(try reader.varint())
            list.blockOffsets = try reader.varints(gaps: true).map(Int.init)
            let counts = try reader.varints(gaps: false)
            guard counts.allSatisfy({ $0 >= 1 && $0 <= UInt32(PostingList.blockSize) }) else { throw .inconsistent }
            list.blockCounts = counts.map { UInt16($0) }
            list.blockLast = try reader.varints(gaps: true)
            list.blockMaxFrequency = try reader.varints(gaps: false).map { Float($0) }
            list.blockMinLength = try reader.varints(gaps: false)
            list.bytes = try reader.bytes()
            guard list.blockOffsets.count == list.blockLast.count, list.blockLast.count == list.blockMaxFrequency.count,
                list.blockLast.count == list.blockMinLength.count,
                list.blockCounts.count == list.blockOffsets.count, list.blockCounts.reduce(0, { $0 + Int($1) }) == list.count,
                list.blockOffsets.allSatisfy({ $0 < max(list.bytes.count, 1) })
            else { throw .inconsistent }
            postings.append(PostingList(list))
        }
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
        guard reader.atEnd else { throw .inconsistent }
        var termBitmaps: [Int: DocumentBitmap] = [:]
        for (index, list) in postings.enumerated() where list.count >= SearchSegment.bitmapThreshold {
            termBitmaps[index] = SearchSegment.ordinals(of: list)
        }
        return SearchSegment(
            terms: terms, postings: postings, termBitmaps: termBitmaps, ids: ids, dateKeys: dateKeys, lengths: lengths,
            titleLengths: titleLengths, lengthSum: lengths.reduce(0) { $0 + Int($1) }, facets: facets,
            facetColumns: FacetColumn.columns(facets, count: ids.count))
    }

    struct Writer {
        var output: [UInt8] = []

        mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { output.append(contentsOf: $0) } }

        mutating func bytes(_ bytes: [UInt8]) {
            varint(UInt32(bytes.count))
            output.append(contentsOf: bytes)
        }

        mutating func varint(_ value: UInt32) { VarInt.append(value, to: &output) }

        /// A count, then the values (each the gap from the one before when `gaps`, which must ascend).
        mutating func varints(_ values: [UInt32], gaps: Bool) {
            varint(UInt32(values.count))
            var previous: UInt32 = 0
            for value in values {
                varint(gaps ? value &- previous : value)
                previous = value
            }
        }

        mutating func string(_ text: String) { bytes(Array(text.utf8)) }

        mutating func ints(_ values: [UInt32]) {
            u32(UInt32(values.count))
            output.reserveCapacity(output.count + values.count * 4)
            for value in values { u32(value) }
        }
    }

    struct Reader {
        let input: [UInt8]
        var offset = 0

        init(bytes: [UInt8]) { input = bytes }

        var atEnd: Bool { offset == input.count }

        mutating func u32() throws(SegmentFileError) -> UInt32 {
            guard input.count - offset >= 4 else { throw .truncated }
            let value = UInt32(input[offset]) | UInt32(input[offset + 1]) << 8 | UInt32(input[offset + 2]) << 16 | UInt32(input[offset + 3]) << 24
            offset += 4
            return value
        }

        mutating func varint() throws(SegmentFileError) -> UInt32 {
            var value: UInt32 = 0
            var shift: UInt32 = 0
            while true {
                guard offset < input.count else { throw .truncated }
                guard shift <= 28 else { throw .inconsistent }
                let byte = input[offset]
                offset += 1
                value |= UInt32(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
        }

        mutating func varints(gaps: Bool) throws(SegmentFileError) -> [UInt32] {
            let count = Int(try varint())
            // Every value takes at least a byte, so a count beyond what is left is corruption.
            guard count <= input.count - offset else { throw .truncated }
            var values: [UInt32] = []
            values.reserveCapacity(count)
            var previous: UInt32 = 0
            for _ in 0..<count {
                var value = try varint()
                if gaps {
                    let (sum, overflow) = previous.addingReportingOverflow(value)
                    guard !overflow else { throw .inconsistent }
                    value = sum
                }
                values.append(value)
                previous = value
            }
            return values
        }

        mutating func bytes() throws(SegmentFileError) -> [UInt8] {
            let count = Int(try varint())
            guard input.count - offset >= count else { throw .truncated }
            defer { offset += count }
            return Array(input[offset..<(offset + count)])
        }

        mutating func string() throws(SegmentFileError) -> String {
            let raw = try bytes()
            guard let text = String(validating: raw, as: UTF8.self) else { throw .inconsistent }
            return text
        }

        mutating func ints() throws(SegmentFileError) -> [UInt32] {
            let count = Int(try u32())
            guard (input.count - offset) / 4 >= count else { throw .truncated }
            var values: [UInt32] = []
            values.reserveCapacity(count)
            for _ in 0..<count { values.append(try u32()) }
            return values
        }
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
