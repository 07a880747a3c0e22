/// The little-endian pieces segment files are made of: a writer that appends them and a reader
/// that checks every length against what is left, so a damaged file is an error, never a crash.
extension SegmentFile {
    struct Writer {
        var output: [UInt8] = []

        mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { output.append(contentsOf: $0) } }

        mutating func patch(u64 value: UInt64, at offset: Int) {
            withUnsafeBytes(of: value.littleEndian) { for (index, byte) in $0.enumerated() { output[offset + index] = byte } }
        }

        mutating func bytes(_ bytes: [UInt8]) {
            varint(UInt32(bytes.count))
            output.append(contentsOf: bytes)
        }

        mutating func varint(_ value: UInt32) { VarInt.append(value, to: &output) }

        /// A count, then the values (each the gap from the one before when `gaps`, which must ascend).
        mutating func varints(_ values: [UInt32], gaps: Bool) {
            varint(UInt32(values.count))
            self.values(values, gaps: gaps)
        }

        /// Values whose count the reader knows (each the gap from the one before when `gaps`).
        mutating func values(_ values: [UInt32], gaps: Bool) {
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

    /// Reads a part of a segment's bytes, checking every length against what is left.
    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var offset: Int

        var atEnd: Bool { offset == bytes.count }

        mutating func skip(_ count: Int, size: Int) throws(SegmentFileError) {
            guard count >= 0, (bytes.count - offset) / size >= count else { throw .truncated }
            offset += count * size
        }

        mutating func u32() throws(SegmentFileError) -> UInt32 {
            guard bytes.count - offset >= 4 else { throw .truncated }
            let value = UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
            offset += 4
            return value
        }

        mutating func varint() throws(SegmentFileError) -> UInt32 {
            var value: UInt32 = 0
            var shift: UInt32 = 0
            while true {
                guard offset < bytes.count else { throw .truncated }
                guard shift <= 28 else { throw .inconsistent }
                let byte = bytes[offset]
                offset += 1
                value |= UInt32(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
        }

        mutating func varints(gaps: Bool) throws(SegmentFileError) -> [UInt32] {
            try values(Int(try varint()), gaps: gaps)
        }

        /// `count` values written by `Writer.values`.
        mutating func values(_ count: Int, gaps: Bool) throws(SegmentFileError) -> [UInt32] {
            // Every value takes at least a byte, so a count beyond what is left is corruption.
            guard count <= bytes.count - offset else { throw .truncated }
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

        mutating func string() throws(SegmentFileError) -> String {
            let count = Int(try varint())
            guard bytes.count - offset >= count else { throw .truncated }
            defer { offset += count }
            guard let text = String(validating: UnsafeBufferPointer(rebasing: bytes[offset..<(offset + count)]), as: UTF8.self) else {
                throw .inconsistent
            }
            return text
        }

        /// One side of the neighbours (`NeighbourTable`), its rows read and checked: terms
        /// ascending and in the dictionary, neighbours in it, misses starting inside their bytes.
        mutating func neighbourSide(terms: Int) throws(SegmentFileError) -> NeighbourTable.Side {
            let count = Int(try u32())
            guard count <= terms, (bytes.count - offset) / NeighbourTable.rowSize >= count else { throw .truncated }
            var side = NeighbourTable.Side()
            side.terms.reserveCapacity(count)
            side.neighbours.reserveCapacity(count)
            side.starts.reserveCapacity(count)
            for _ in 0..<count {
                side.terms.append(try u32())
                side.neighbours.append(try u32())
                side.starts.append(try u32())
            }
            side.missesLength = Int(try u32())
            side.misses = offset
            try skip(side.missesLength, size: 1)
            guard zip(side.terms, side.terms.dropFirst()).allSatisfy({ $0 < $1 }), side.terms.allSatisfy({ Int($0) < terms }),
                side.neighbours.allSatisfy({ Int($0) < terms }), side.starts.allSatisfy({ Int($0) < side.missesLength })
            else { throw .inconsistent }
            return side
        }

        mutating func ints() throws(SegmentFileError) -> [UInt32] {
            let count = Int(try u32())
            guard (bytes.count - offset) / 4 >= count else { throw .truncated }
            var values: [UInt32] = []
            values.reserveCapacity(count)
            for _ in 0..<count { values.append(try u32()) }
            return values
        }
    }
}
