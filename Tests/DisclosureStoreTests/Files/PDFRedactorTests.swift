import DisclosureCore
import DisclosureTestSupport
import Foundation
import Testing

@testable import DisclosureStore

/// Issue 23 §2: redaction burns the regions into page pictures; nothing under them survives.
@Suite("PDF redaction: proposals from the scan, true burning, labels, bad files")
struct PDFRedactorTests {
    static let id = "11010519491231002X"
    static let account = "6222021234567890128"

    static func text(of bytes: [UInt8]) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("redacted-\(UUID().uuidString).pdf")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return String(decoding: PDFTools.run(PDFTools.tool("pdftotext")!, ["-q", file.path, "-"]) ?? Data(), as: UTF8.self)
    }

    @Test(
        "the scan proposes the ID number and the account; redacting them leaves neither in the file's text, no metadata, the rest of the page visible"
    )
    func redactProposals() throws {
        let source = SamplePDF.make(text: "Payee ID \(Self.id) account \(Self.account) amount 1200")
        #expect(try Self.text(of: source).contains(Self.id))
        let inspection = try PDFRedactor.inspect(source)
        #expect(inspection.pageSizes.count == 1 && inspection.pageSizes[0].width == 595)
        #expect(inspection.proposals.map(\.region.what) == ["居民身份证号", "银行卡号"])
        #expect(!inspection.proposals.map(\.masked).contains(Self.id))
        let regions = [
            inspection.proposals[0].region,
            RedactionRegion(
                page: 1, x: inspection.proposals[1].region.x, y: inspection.proposals[1].region.y, width: inspection.proposals[1].region.width,
                height: inspection.proposals[1].region.height, ground: .commercialSecret, what: "企业银行账号"),
        ]
        let redacted = try PDFRedactor.redact(source, regions: regions)
        if let out = ProcessInfo.processInfo.environment["DISCLOSURE_KEEP_REDACTED"] { try Data(redacted).write(to: URL(fileURLWithPath: out)) }
        let text = try Self.text(of: redacted)
        #expect(!text.contains(Self.id) && !text.contains(Self.account))
        #expect(!text.contains("Payee"))  // the page is a picture now: no text of the original at all
        let raw = String(decoding: redacted, as: UTF8.self)
        for marker in ["/Info", "/Metadata", "/EmbeddedFiles", "/AcroForm", "Helvetica"] { #expect(!raw.contains(marker), "\(marker)") }
        // The boxes are there and the rest of the page is not: the preview of page 1 is mostly white.
        let preview = try PDFRedactor.preview(redacted, page: 1, regions: [])
        #expect(preview.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    @Test("not a PDF, a broken or encrypted one, a region off the page: refused in Chinese")
    func badInput() throws {
        #expect(throws: DomainError.self) { try PDFRedactor.inspect(Array("PK\u{3}\u{4}".utf8)) }
        #expect(throws: DomainError.self) { try PDFRedactor.inspect(Array("%PDF-1.4\nbroken".utf8)) }
        let sizes = [(width: 595.0, height: 842.0)]
        let off = RedactionRegion(page: 1, x: 500, y: 800, width: 200, height: 100, ground: .personalPrivacy, what: "")
        #expect(throws: DomainError.self) { try off.validated(pageSizes: sizes, field: "region") }
        let page2 = RedactionRegion(page: 2, x: 0, y: 0, width: 20, height: 20, ground: .personalPrivacy, what: "")
        #expect(throws: DomainError.self) { try page2.validated(pageSizes: sizes, field: "region") }
        #expect(throws: DomainError.self) {
            try RedactionRegion(page: 1, x: .nan, y: 0, width: 20, height: 20, ground: .personalPrivacy, what: "").validated(
                pageSizes: sizes, field: "r")
        }
    }

    @Test("burning paints exactly the region's pixels black, a pixel beyond each edge")
    func burn() throws {
        var ppm = Array("P6\n10 10\n255\n".utf8) + [UInt8](repeating: 255, count: 300)
        var page = try #require(RasterPage(ppm: ppm, pointWidth: 10, pointHeight: 10))
        page.burn(x: 4, y: 4, width: 2, height: 2)
        let black = stride(from: 0, to: page.pixels.count, by: 3).filter { page.pixels[$0] == 0 }.count
        #expect(black == 16)  // 4×4: the 2×2 region and a pixel around it
        ppm[1] = UInt8(ascii: "3")
        #expect(RasterPage(ppm: ppm, pointWidth: 10, pointHeight: 10) == nil)
    }

    @Test("a PNG scan and a JPEG scan become one-page PDFs; a region burnt into the PNG's page is black and the rest is not")
    func pictures() throws {
        // 300 × 200 white with a red square at 100…150 × 50…100 (pixels from the top left).
        var ppm = Array("P6\n300 200\n255\n".utf8) + [UInt8](repeating: 255, count: 300 * 200 * 3)
        let offset = ppm.count - 300 * 200 * 3
        for row in 50..<100 {
            for column in 100..<150 { ppm[offset + (row * 300 + column) * 3 + 1] = 0; ppm[offset + (row * 300 + column) * 3 + 2] = 0 }
        }
        let png = try #require(RasterPage(ppm: ppm, pointWidth: 144, pointHeight: 96)).png()
        let pdf = try ImagePDF.wrap(png, kind: .png)
        let inspection = try PDFRedactor.inspect(pdf)
        #expect(inspection.pageSizes.count == 1 && abs(inspection.pageSizes[0].width - 144) < 0.01 && inspection.proposals.isEmpty)
        // The square in points: x 48…72, y from the bottom 48…72.
        let region = RedactionRegion(page: 1, x: 48, y: 48, width: 24, height: 24, ground: .personalPrivacy, what: "")
        let redacted = try PDFRedactor.redact(pdf, regions: [region])
        let (width, height, channels, pixels) = try ImagePDF.pngPixels(try PDFRedactor.preview(redacted, page: 1, regions: []))
        #expect(channels == 3 && width == 144 && height == 96)
        func pixel(_ x: Int, _ y: Int) -> [UInt8] { Array(pixels[((y * width + x) * 3)..<((y * width + x) * 3 + 3)]) }
        #expect(pixel(50, 26) == [0, 0, 0])  // inside the burnt square (72 dpi preview: 48…72 × 24…48 from the top), above its label
        #expect(pixel(10, 10) == [255, 255, 255])
        // No red survives anywhere.
        #expect(!stride(from: 0, to: pixels.count, by: 3).contains { pixels[$0] > 200 && pixels[$0 + 1] < 80 })

        let jpegFile = FileManager.default.temporaryDirectory.appendingPathComponent("scan-\(UUID().uuidString)")
        let source = FileManager.default.temporaryDirectory.appendingPathComponent("scan-\(UUID().uuidString).pdf")
        try Data(SamplePDF.make(text: "Scanned ledger")).write(to: source)
        _ = PDFTools.run(PDFTools.tool("pdftoppm")!, ["-q", "-r", "50", "-jpeg", "-singlefile", source.path, jpegFile.path])
        let jpeg = try Data(contentsOf: jpegFile.appendingPathExtension("jpg"))
        let wrapped = try ImagePDF.wrap(Array(jpeg), kind: .jpeg)
        #expect(try PDFRedactor.inspect(wrapped).pageSizes.count == 1)
        #expect(throws: DomainError.self) { try ImagePDF.wrap(Array("not a png".utf8), kind: .png) }
        // Damaged pictures are refused or read, never a crash: truncations and flipped bytes.
        var state: UInt64 = 42
        for round in 0..<300 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            var damaged = round % 2 == 0 ? Array(png.prefix(Int(state >> 33) % png.count)) : png
            if round % 2 == 1 { damaged[Int(state >> 33) % damaged.count] ^= UInt8(truncatingIfNeeded: state >> 7) | 1 }
            _ = try? ImagePDF.wrap(damaged, kind: .png)
            _ = try? ImagePDF.wrap(Array(jpeg.prefix(Int(state >> 35) % jpeg.count)), kind: .jpeg)
        }
        #expect(throws: DomainError.self) { try ImagePDF.wrap([0xFF, 0xD8, 0xFF, 0xD9], kind: .jpeg) }
    }
}
