import Foundation

/// A page as RGB pixels (what `pdftoppm -r DPI` renders), with the page's size in PDF points, so
/// regions given in points can be burnt into the pixels: after that nothing under a box exists
/// in the file any more (issue 23 §2: true redaction).
struct RasterPage: Sendable {
    let width: Int
    let height: Int
    var pixels: [UInt8]
    let pointWidth: Double
    let pointHeight: Double

    /// A binary PPM (P6, maxval 255) as pdftoppm writes it.
    init?(ppm: [UInt8], pointWidth: Double, pointHeight: Double) {
        var fields: [Int] = []
        var index = 2
        guard ppm.count > 2, ppm[0] == UInt8(ascii: "P"), ppm[1] == UInt8(ascii: "6") else { return nil }
        while fields.count < 3 && index < ppm.count {
            while index < ppm.count, [9, 10, 13, 32].contains(ppm[index]) { index += 1 }
            if index < ppm.count, ppm[index] == UInt8(ascii: "#") {
                while index < ppm.count, ppm[index] != 10 { index += 1 }
                continue
            }
            var value = 0
            while index < ppm.count, (48...57).contains(ppm[index]), value < 1_000_000 {
                value = value * 10 + Int(ppm[index] - 48)
                index += 1
            }
            fields.append(value)
        }
        index += 1
        guard fields.count == 3, fields[2] == 255, fields[0] > 0, fields[1] > 0, fields[0] * fields[1] <= 40_000_000,
            ppm.count - index >= fields[0] * fields[1] * 3
        else { return nil }
        width = fields[0]
        height = fields[1]
        pixels = Array(ppm[index..<(index + width * height * 3)])
        self.pointWidth = pointWidth
        self.pointHeight = pointHeight
    }

    /// Paints the region (PDF points, origin lower left) solid black, a pixel beyond each edge.
    mutating func burn(x: Double, y: Double, width regionWidth: Double, height regionHeight: Double) {
        let scaleX = Double(width) / pointWidth
        let scaleY = Double(height) / pointHeight
        let left = max(0, Int((x * scaleX).rounded(.down)) - 1)
        let right = min(width, Int(((x + regionWidth) * scaleX).rounded(.up)) + 1)
        let top = max(0, Int(((pointHeight - y - regionHeight) * scaleY).rounded(.down)) - 1)
        let bottom = min(height, Int(((pointHeight - y) * scaleY).rounded(.up)) + 1)
        guard left < right, top < bottom else { return }
        for row in top..<bottom {
            let start = (row * width + left) * 3
            let end = (row * width + right) * 3
            pixels.replaceSubrange(start..<end, with: repeatElement(0, count: end - start))
        }
    }

    /// A PNG of the page (for the staff's preview).
    func png() throws -> [UInt8] {
        var raw: [UInt8] = []
        raw.reserveCapacity((width * 3 + 1) * height)
        for row in 0..<height {
            raw.append(0)
            raw += pixels[(row * width * 3)..<((row + 1) * width * 3)]
        }
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let typed = Array(type.utf8) + data
            let crc = Data(typed).crc32(checksum: 0)
            return bigEndian(UInt32(data.count)) + typed + bigEndian(crc)
        }
        let header = bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, 2, 0, 0, 0]
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header) + chunk("IDAT", try Zlib.compress(raw)) + chunk("IEND", [])
    }

    private func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}
