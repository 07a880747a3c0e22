import Foundation

/// Writes a PDF whose pages are the burnt page images, each box labelled with its ground in
/// white text (STSong-Light, one of the standard CJK fonts readers carry, so nothing is embedded).
/// The file holds no text of the original, no metadata, no attachments, no forms: only pictures
/// of the pages and the labels (issue 23 §2).
enum RedactedPDF {
    struct Label {
        let x: Double
        let y: Double
        let width: Double
        let height: Double
        let text: String
    }

    static func write(_ pages: [(page: RasterPage, labels: [Label])]) throws -> [UInt8] {
        var objects: [[UInt8]] = []
        func add(_ text: String) -> Int {
            objects.append(Array(text.utf8))
            return objects.count
        }
        func addStream(_ dictionary: String, _ data: [UInt8]) -> Int {
            objects.append(PDFFile.stream(dictionary, data))
            return objects.count
        }
        let catalog = add("")
        let pagesID = add("")
        let descriptor = add(
            "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>"
        )
        let cidFont = add(
            "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor \(descriptor) 0 R /DW 1000 >>"
        )
        let font = add("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [\(cidFont) 0 R] >>")
        var kids: [Int] = []
        for (page, labels) in pages {
            let image = addStream(
                "/Type /XObject /Subtype /Image /Width \(page.width) /Height \(page.height) /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode",
                try Zlib.compress(page.pixels))
            var content = "q \(number(page.pointWidth)) 0 0 \(number(page.pointHeight)) 0 0 cm /Im0 Do Q\n"
            for label in labels {
                let characters = label.text.utf16.count
                let size = min(10, label.height * 0.8, (label.width - 2) / Double(max(characters, 1)))
                guard size >= 3 else { continue }
                let hex = label.text.utf16.map { String(format: "%04X", $0) }.joined()
                content +=
                    "BT /F1 \(number(size)) Tf 1 1 1 rg \(number(label.x + 1)) \(number(label.y + (label.height - size) / 2 + size * 0.12)) Td <\(hex)> Tj ET\n"
            }
            let contents = addStream("", Array(content.utf8))
            let pageID = add(
                "<< /Type /Page /Parent \(pagesID) 0 R /MediaBox [0 0 \(number(page.pointWidth)) \(number(page.pointHeight))] "
                    + "/Resources << /XObject << /Im0 \(image) 0 R >> /Font << /F1 \(font) 0 R >> >> /Contents \(contents) 0 R >>")
            kids.append(pageID)
        }
        objects[catalog - 1] = Array("<< /Type /Catalog /Pages \(pagesID) 0 R >>".utf8)
        objects[pagesID - 1] = Array("<< /Type /Pages /Kids [\(kids.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(kids.count) >>".utf8)
        return PDFFile.assemble(objects, root: catalog)
    }

    static func number(_ value: Double) -> String { String(format: "%.2f", value) }
}
