import Foundation

/// A segment as bytes, for the index folder: a magic number and version, then every part as
/// length-prefixed little-endian arrays, then a checksum of all that. Reading checks the checksum
/// and every length against what is left, so a truncated or corrupt file is a
/// `SegmentFileError`, never a crash or a wrong answer; the caller rebuilds.
public enum SegmentFile {
    static let magic: UInt32 = 0x4453_4731  // "DSG1"
    static let version: UInt32 = 4

    public static func encode(_ segment: SearchSegment) -> [UInt8] {
        var writer = Writer()
        writer.u32(magic)
        writer.u32(version)
        writer.u32(UInt32(segment.terms.count))
        for term in segment.terms { writer.string(term) }
        for list in segment.postings {
            writer.u32(UInt32(list.count))
            writer.ints(list.blockOffsets.map(UInt32.init))
            writer.ints(list.blockCounts.map(UInt32.init))
            writer.ints(list.blockLast)
            writer.ints(list.blockMaxFrequency.map(\.bitPattern))
            writer.ints(list.blockMinLength)
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
            var list = PostingList()
            list.count = Int(try reader.u32())
            list.blockOffsets = try reader.ints().map(Int.init)
            let counts = try reader.ints()
            guard counts.allSatisfy({ $0 >= 1 && $0 <= UInt32(PostingList.blockSize) }) else { throw .inconsistent }
            list.blockCounts = counts.map { UInt16($0) }
            list.blockLast = try reader.ints()
            list.blockMaxFrequency = try reader.ints().map(Float.init(bitPattern:))
            list.blockMinLength = try reader.ints()
            list.bytes = try reader.bytes()
            guard list.blockOffsets.count == list.blockLast.count, list.blockLast.count == list.blockMaxFrequency.count,
                list.blockLast.count == list.blockMinLength.count,
                list.blockCounts.count == list.blockOffsets.count, list.blockCounts.reduce(0, { $0 + Int($1) }) == list.count,
                list.blockOffsets.allSatisfy({ $0 < max(list.bytes.count, 1) })
            else { throw .inconsistent }
            postings.append(list)
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
            titleLengths: titleLengths, lengthSum: lengths.reduce(0) { $0 + Int($1) }, facets: facets)
    }

    struct Writer {
        var output: [UInt8] = []

        mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { output.append(contentsOf: $0) } }

        mutating func bytes(_ bytes: [UInt8]) {
            u32(UInt32(bytes.count))
            output.append(contentsOf: bytes)
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

        mutating func bytes() throws(SegmentFileError) -> [UInt8] {
            let count = Int(try u32())
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
