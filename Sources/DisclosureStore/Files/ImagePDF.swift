import DisclosureCore
import Foundation
import ZIPFoundation

/// A picture (a scanned page as JPEG or PNG) as a one-page PDF, so it is redacted like any PDF
/// page (issue 23 §2: "for PDFs and images"). A JPEG is embedded as it is (DCTDecode); a PNG is
/// decoded (8-bit grey or colour, with or without alpha, not interlaced) and its pixels embedded.
/// The page is sized as if scanned at 150 dpi.
enum ImagePDF {
    static func wrap(_ bytes: [UInt8], kind: AttachmentKind) throws -> [UInt8] {
        switch kind {
        case .jpeg:
            guard let (width, height, components) = jpegSize(bytes), components == 1 || components == 3 else {
                throw DomainError.invalid("file", "该 JPEG 图片无法读取（或为 CMYK 图片），请另存为普通 JPEG 或 PDF 后再遮盖")
            }
            return page(width: width, height: height, colorSpace: components == 1 ? "/DeviceGray" : "/DeviceRGB", filter: "/DCTDecode", data: bytes)
        case .png:
            let (width, height, channels, pixels) = try pngPixels(bytes)
            return page(
                width: width, height: height, colorSpace: channels == 1 ? "/DeviceGray" : "/DeviceRGB", filter: "/FlateDecode",
                data: try Zlib.compress(pixels))
        default:
            throw DomainError.invalid("file", "只有 PDF、DOCX、JPEG 和 PNG 文件可以在此遮盖")
        }
    }

    static func page(width: Int, height: Int, colorSpace: String, filter: String, data: [UInt8]) -> [UInt8] {
        let (pointWidth, pointHeight) = (Double(width) * 72 / 150, Double(height) * 72 / 150)
        let size = String(format: "%.2f 0 0 %.2f 0 0", pointWidth, pointHeight)
        let content = Array("q \(size) cm /Im0 Do Q".utf8)
        let objects: [[UInt8]] = [
            Array("<< /Type /Catalog /Pages 2 0 R >>".utf8),
            Array("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".utf8),
            Array(
                String(
                    format: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>",
                    pointWidth, pointHeight
                )
                .utf8),
            PDFFile.stream(
                "/Type /XObject /Subtype /Image /Width \(width) /Height \(height) /ColorSpace \(colorSpace) /BitsPerComponent 8 /Filter \(filter)",
                data),
            PDFFile.stream("", content),
        ]
        return PDFFile.assemble(objects)
    }

    /// Width, height and components from a JPEG's start-of-frame marker.
    static func jpegSize(_ bytes: [UInt8]) -> (Int, Int, Int)? {
        var index = 2
        while index + 9 < bytes.count {
            guard bytes[index] == 0xFF else { return nil }
            let marker = bytes[index + 1]
            let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            if (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker) {
                let height = Int(bytes[index + 5]) << 8 | Int(bytes[index + 6])
                let width = Int(bytes[index + 7]) << 8 | Int(bytes[index + 8])
                return width > 0 && height > 0 && width * height <= 100_000_000 ? (width, height, Int(bytes[index + 9])) : nil
            }
            guard length >= 2 else { return nil }
            index += 2 + length
        }
        return nil
    }

    /// A PNG's pixels without alpha (grey or RGB, 8 bits), undoing the row filters.
    static func pngPixels(_ bytes: [UInt8]) throws -> (Int, Int, Int, [UInt8]) {
        let refused = DomainError.invalid("file", "该 PNG 图片无法读取（仅支持 8 位灰度或彩色、非隔行扫描的 PNG），请另存为 JPEG 或 PDF 后再遮盖")
        guard bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { throw refused }
        var index = 8
        var header: [UInt8] = []
        var compressed: [UInt8] = []
        while index + 8 <= bytes.count {
            let length = Int(bytes[index]) << 24 | Int(bytes[index + 1]) << 16 | Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            let type = String(decoding: bytes[(index + 4)..<(index + 8)], as: UTF8.self)
            guard length >= 0, index + 12 + length <= bytes.count else { throw refused }
            let data = Array(bytes[(index + 8)..<(index + 8 + length)])
            if type == "IHDR" { header = data }
            if type == "IDAT" { compressed += data }
            if type == "IEND" { break }
            index += 12 + length
        }
        guard header.count == 13 else { throw refused }
        let width = Int(header[0]) << 24 | Int(header[1]) << 16 | Int(header[2]) << 8 | Int(header[3])
        let height = Int(header[4]) << 24 | Int(header[5]) << 16 | Int(header[6]) << 8 | Int(header[7])
        let (depth, colorType, interlace) = (header[8], header[9], header[12])
        let channelsByType: [UInt8: Int] = [0: 1, 2: 3, 4: 2, 6: 4]
        guard depth == 8, interlace == 0, let channels = channelsByType[colorType], width > 0, height > 0, width * height <= 100_000_000,
            compressed.count > 6
        else { throw refused }
        // zlib stream: a two-byte header, raw deflate, an Adler-32 trailer. The decoder asks for
        // input until the stream ends, so a truncated stream must stop it (an empty answer would
        // make it ask forever), and output beyond the picture's size stops it too (a zip bomb).
        let stride = width * channels
        let expected = (stride + 1) * height
        var raw = Data()
        let deflated = Data(compressed[2..<(compressed.count - 4)])
        _ = try? Data.decompress(
            size: Int64(deflated.count), bufferSize: 64 * 1024, skipCRC32: true,
            provider: { position, size in
                let start = Int(position)
                guard start < deflated.count else { throw refused }
                return deflated.subdata(in: start..<min(start + size, deflated.count))
            },
            consumer: { chunk in
                guard raw.count + chunk.count <= expected + 64 * 1024 else { throw refused }
                raw.append(chunk)
            })
        guard raw.count >= expected else { throw refused }
        let input = [UInt8](raw)
        var rows = [UInt8](repeating: 0, count: stride * height)
        for row in 0..<height {
            let filter = input[row * (stride + 1)]
            let source = row * (stride + 1) + 1
            let target = row * stride
            for column in 0..<stride {
                let x = Int(input[source + column])
                let left = column >= channels ? Int(rows[target + column - channels]) : 0
                let up = row > 0 ? Int(rows[target - stride + column]) : 0
                let upLeft = row > 0 && column >= channels ? Int(rows[target - stride + column - channels]) : 0
                let predicted: Int
                switch filter {
                case 0: predicted = 0
                case 1: predicted = left
                case 2: predicted = up
                case 3: predicted = (left + up) / 2
                case 4:
                    let p = left + up - upLeft
                    let (pa, pb, pc) = (abs(p - left), abs(p - up), abs(p - upLeft))
                    predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft
                default: throw refused
                }
                rows[target + column] = UInt8((x + predicted) & 0xFF)
            }
        }
        // Drop alpha: the colour channels only (a transparent scan is drawn on white anyway).
        let colour = channels == 1 || channels == 2 ? 1 : 3
        guard colour != channels else { return (width, height, colour, rows) }
        var pixels = [UInt8]()
        pixels.reserveCapacity(width * height * colour)
        for pixel in 0..<(width * height) { pixels += rows[(pixel * channels)..<(pixel * channels + colour)] }
        return (width, height, colour, pixels)
    }
}
