import Foundation
import ZIPFoundation

/// zlib streams (RFC 1950) for what we write ourselves — a PDF's FlateDecode image, a PNG's IDAT —
/// from ZIPFoundation's raw deflate plus the two-byte header and the Adler-32 trailer.
enum Zlib {
    static func compress(_ bytes: [UInt8]) throws -> [UInt8] {
        let input = Data(bytes)
        var deflated = Data()
        _ = try Data.compress(
            size: Int64(input.count), bufferSize: 64 * 1024,
            provider: { position, size in
                let start = min(Int(position), input.count)
                return input.subdata(in: start..<min(start + size, input.count))
            },
            consumer: { deflated.append($0) })
        var output: [UInt8] = [0x78, 0x9C]
        output += deflated
        let adler = adler32(bytes)
        output += [UInt8(adler >> 24), UInt8(adler >> 16 & 0xFF), UInt8(adler >> 8 & 0xFF), UInt8(adler & 0xFF)]
        return output
    }

    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        var index = 0
        while index < bytes.count {
            // 5,552 bytes keep the sums below 2^32 before the modulo (zlib's NMAX).
            let end = min(index + 5_552, bytes.count)
            for byte in bytes[index..<end] {
                a += UInt32(byte)
                b += a
            }
            a %= 65_521
            b %= 65_521
            index = end
        }
        return b << 16 | a
    }
}
