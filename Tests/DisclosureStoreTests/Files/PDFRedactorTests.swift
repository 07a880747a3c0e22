import DisclosureCore
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
}
