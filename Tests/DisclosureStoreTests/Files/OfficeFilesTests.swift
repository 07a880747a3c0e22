import DisclosureCore
import Foundation
import Testing
import ZIPFoundation

@testable import DisclosureStore

/// Issue 22 §5: exports that print like the official forms. The files are also opened in
/// LibreOffice and looked at by `scripts/export-check`; these tests pin what the XML says.
@Suite("Office files: figures as numbers, page setup, repeated headings, rows that do not split")
struct OfficeFilesTests {
    static func part(_ data: Data, _ path: String) throws -> String {
        let archive = try Archive(data: data, accessMode: .read)
        guard let entry = archive[path] else { return "" }
        var bytes = Data()
        _ = try archive.extract(entry) { bytes.append($0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("body figures are numbers (integers, and 万元 with four decimals); codes with a leading zero and words stay text")
    func numbers() {
        let table: [(String, XLSXWorkbook.Style?)] = [
            ("0", .integer), ("12", .integer), ("-3", .integer), ("12.5000", .decimal), ("0.0000", .decimal), ("0012", nil), ("12号", nil),
            ("1234567890123456", nil), ("", nil), ("1.2.3", nil), ("CZJ-01", nil), (".5", nil),
        ]
        for (text, style) in table { #expect(XLSXWorkbook.number(text)?.style == style, "\(text)") }
    }

    @Test("a sheet: title row, headings bold and repeated on each printed page, numbers as values, A4 landscape one page wide")
    func workbook() throws {
        let sheet = XLSXSheet(
            name: "表三", rows: [["标题", "", ""], ["类别", "件数", "金额（万元）"], ["自然人", "5", "1.2500"], ["说明\n第二行", "0012", "x"]],
            headingRows: 2, columnWidths: [10, 8, 12], merges: ["A1:C1"], hasTitleRow: true, landscape: true)
        let data = try XLSXWorkbook.write([sheet])
        let xml = try Self.part(data, "xl/worksheets/sheet1.xml")
        #expect(xml.contains(#"<c r="B3" s="2"><v>5</v></c>"#))
        #expect(xml.contains(#"<c r="C3" s="3"><v>1.2500</v></c>"#))
        #expect(xml.contains(#"<c r="B4" t="inlineStr" s="0"><is><t xml:space="preserve">0012</t></is></c>"#))
        #expect(xml.contains(#"<c r="A1" t="inlineStr" s="4">"#))
        #expect(xml.contains(#"<row r="4" ht="30.0" customHeight="1">"#))
        #expect(xml.contains(#"orientation="landscape" fitToWidth="1" fitToHeight="0""#))
        #expect(xml.contains(#"<pageSetUpPr fitToPage="1"/>"#))
        let workbook = try Self.part(data, "xl/workbook.xml")
        #expect(workbook.contains(#"<definedName name="_xlnm.Print_Titles" localSheetId="0">'表三'!$1:$2</definedName>"#))
    }

    @Test("a DOCX table: heading rows repeat, no row splits, label columns wider than figure columns, all within the page")
    func docxTable() throws {
        let grid = ReportGrid(
            title: "表", columnCount: 3, headerRows: 1,
            rows: [
                [.init("项目"), .init("自然人"), .init("总计")],
                [.init("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"), .figure("1"), .figure("1")],
            ])
        let widths = DOCXDocument.columnWidths(grid, total: 8800)
        #expect(widths.reduce(0, +) == 8800)
        #expect(widths[0] > 2 * widths[1])
        #expect(widths[1] >= 3 * 180)
        let xml = try Self.part(try DOCXDocument.write([.paragraph("正文"), .table(grid)]), "word/document.xml")
        #expect(xml.contains("<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>"))
        #expect(xml.contains("<w:tr><w:trPr><w:cantSplit/></w:trPr>"))
        #expect(xml.contains(#"<w:ind w:firstLine="640" w:firstLineChars="200"/>"#))
    }
}
