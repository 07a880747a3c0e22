/// Variable-byte integers: seven bits a byte, the high bit set on every byte but the last.
/// Postings store gaps (document ordinal deltas, position deltas), which are mostly small.
enum VarInt {
    static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Writes `value` at `output` (room for `maxBytes`); returns how many bytes it took.
    @inline(__always)
    static func write(_ value: UInt32, to output: UnsafeMutablePointer<UInt8>) -> Int {
        var rest = value
        var count = 0
        while rest >= 0x80 {
            output[count] = UInt8(truncatingIfNeeded: rest) | 0x80
            rest >>= 7
            count += 1
        }
        output[count] = UInt8(rest)
        return count + 1
    }

    /// The most bytes one value takes.
    static let maxBytes = 5

    /// Reads one value at `offset` and moves it past.
    @inline(__always)
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: inout Int) -> UInt32 {
        var value: UInt32 = 0
        var shift: UInt32 = 0
        while true {
            let byte = bytes[offset]
            offset += 1
            value |= UInt32(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    /// Where the value `count` values after `offset` starts: each value ends on a byte below
    /// 0x80, so skipping counts those, eight bytes at a time while more than eight values are
    /// left (a word holds at most eight ends, and one that ends mid-value leaves that value among
    /// the ones still to skip). Verifying a phrase skips the positions of every document between
    /// two candidates.
    static func skip(_ count: UInt32, in bytes: UnsafeBufferPointer<UInt8>, from offset: Int) -> Int {
        var remaining = Int(count)
        var at = offset
        let raw = UnsafeRawBufferPointer(bytes)
        while remaining > 8 && at + 8 <= bytes.count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))
            remaining -= (~word & 0x8080_8080_8080_8080).nonzeroBitCount
            at += 8
        }
        while remaining > 0 {
            if bytes[at] < 0x80 { remaining -= 1 }
            at += 1
        }
        return at
    }
}
