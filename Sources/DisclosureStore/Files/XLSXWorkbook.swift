import DisclosureCore
import Foundation
import ZIPFoundation

/// One worksheet of an .xlsx file: rows of text cells, bold heading rows, column widths and merged
/// ranges (the annual report's tables need merges; the power list needs a frozen heading).
public struct XLSXSheet: Sendable {
    public var name: String
    public var rows: [[String]]
    /// How many leading rows are headings (bold, frozen).
    public var headingRows: Int
    /// Column widths in characters; missing columns get the default.
    public var columnWidths: [Double]
    /// Merged ranges such as "A1:C1".
    public var merges: [String]
    /// The first row is the sheet's title (large, bold, no border) above the headings.
    public var hasTitleRow: Bool
    /// Printed on A4 landscape (wide tables) rather than portrait; always one page wide.
    public var landscape: Bool
    /// Printed on one page, shrunk to fit (an official table that should not break).
    public var onePage: Bool = false

    public init(
        name: String, rows: [[String]], headingRows: Int = 1, columnWidths: [Double] = [], merges: [String] = [], hasTitleRow: Bool = false,
        landscape: Bool = false
    ) {
        self.name = name
        self.rows = rows
        self.headingRows = headingRows
        self.columnWidths = columnWidths
        self.merges = merges
        self.hasTitleRow = hasTitleRow
        self.landscape = landscape
    }
}

/// Writes a minimal, valid SpreadsheetML package (ECMA-376) that Excel, WPS and LibreOffice open
/// and print like the official forms (issue 22 §5): figures as numbers (so SUM works; 万元 with four
/// decimals), a title row, borders on every table cell, wrapped text with row heights that show
/// it, frozen headings, and A4 page setup one page wide with the headings repeated on each page.
/// No formulas, so figures are what we computed.
public enum XLSXWorkbook {
    public static let mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    public static func write(_ sheets: [XLSXSheet]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: Date(timeIntervalSince1970: 1_767_225_600),
                compressionMethod: .deflate,
                provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
        let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var overrides = ""
        var sheetList = ""
        var workbookRelations = ""
        for index in sheets.indices {
            overrides +=
                "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            sheetList +=
                "<sheet name=\"\(XMLText.escaped(String(sheets[index].name.prefix(31))))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
            workbookRelations +=
                "<Relationship Id=\"rId\(index + 1)\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }
        try add(
            "[Content_Types].xml",
            header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                + overrides + "</Types>")
        try add(
            "_rels/.rels",
            header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"\(relationships)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>")
        // 打印标题: the heading rows repeat on every printed page.
        var printTitles = ""
        for (index, sheet) in sheets.enumerated() where sheet.headingRows > 0 {
            let quoted = XMLText.escaped(String(sheet.name.prefix(31))).replacingOccurrences(of: "'", with: "''")
            printTitles += "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(index)\">'\(quoted)'!$1:$\(sheet.headingRows)</definedName>"
        }
        let definedNames = printTitles.isEmpty ? "" : "<definedNames>\(printTitles)</definedNames>"
        try add(
            "xl/workbook.xml",
            header + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><sheets>\(sheetList)</sheets>\(definedNames)</workbook>")
        try add(
            "xl/_rels/workbook.xml.rels",
            header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" + workbookRelations
                + "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(relationships)/styles\" Target=\"styles.xml\"/></Relationships>")
        try add("xl/styles.xml", header + styles(main))
        for (index, sheet) in sheets.enumerated() { try add("xl/worksheets/sheet\(index + 1).xml", header + worksheet(sheet, main)) }
        guard let data = archive.data else { throw DomainError(.conflict, "无法生成 XLSX 文件") }
        return data
    }

    /// Cell styles, by index: 0 text (bordered, wrapped, top), 1 heading (bold, centred, bordered,
    /// wrapped), 2 integer (bordered, centred), 3 four decimals (万元), 4 title (bold, large,
    /// centred, no border).
    enum Style: Int {
        case text = 0, heading, integer, decimal, title
    }

    static func styles(_ main: String) -> String {
        let border = "borderId=\"1\" applyBorder=\"1\""
        return "<styleSheet xmlns=\"\(main)\">"
            + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"0.0000\"/></numFmts>"
            + "<fonts count=\"3\"><font><sz val=\"11\"/><name val=\"宋体\"/></font><font><b/><sz val=\"11\"/><name val=\"宋体\"/></font>"
            + "<font><b/><sz val=\"16\"/><name val=\"宋体\"/></font></fonts>"
            + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
            + "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
            + "<border><left style=\"thin\"/><right style=\"thin\"/><top style=\"thin\"/><bottom style=\"thin\"/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"5\">"
            + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" \(border) xfId=\"0\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>"
            + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" \(border) xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\">"
            + "<alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf>"
            + "<xf numFmtId=\"1\" fontId=\"0\" fillId=\"0\" \(border) xfId=\"0\" applyNumberFormat=\"1\" applyAlignment=\"1\">"
            + "<alignment horizontal=\"center\" vertical=\"center\"/></xf>"
            + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" \(border) xfId=\"0\" applyNumberFormat=\"1\" applyAlignment=\"1\">"
            + "<alignment horizontal=\"center\" vertical=\"center\"/></xf>"
            + "<xf numFmtId=\"0\" fontId=\"2\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\">"
            + "<alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf>"
            + "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
    }

    /// A body cell's value as a number when it is one: an integer without a leading zero (so codes
    /// like 0012 stay text) of at most 15 digits, or a decimal such as 12.5000.
    static func number(_ text: String) -> (value: String, style: Style)? {
        let body = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty, whole.count <= 15,
            whole.allSatisfy({ $0.isASCII && $0.isNumber }), whole == "0" || whole.first != "0"
        else { return nil }
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].count <= 6, parts[1].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return (text, .decimal)
        }
        return (text, .integer)
    }

    /// Display width in character units: CJK and fullwidth characters count two.
    static func displayWidth(_ text: Substring) -> Double {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
    }

    /// Cells covered by a merge (their text is laid over several cells, so they set no row height).
    static func mergedCells(_ merges: [String]) -> Set<[Int]> {
        var covered = Set<[Int]>()
        for range in merges {
            let ends = range.split(separator: ":").map { reference(String($0)) }
            guard ends.count == 2, let from = ends[0], let to = ends[1] else { continue }
            for row in from.row...max(from.row, to.row) { for column in from.column...max(from.column, to.column) { covered.insert([row, column]) } }
        }
        return covered
    }

    /// "B12" → row 11, column 1 (zero-based).
    static func reference(_ text: String) -> (row: Int, column: Int)? {
        let letters = text.prefix { $0.isLetter }
        guard let row = Int(text.dropFirst(letters.count)), row > 0, !letters.isEmpty else { return nil }
        let column = letters.uppercased().unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
        return (row - 1, column)
    }

    static func worksheet(_ sheet: XLSXSheet, _ main: String) -> String {
        var xml = "<worksheet xmlns=\"\(main)\"><sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
        if sheet.headingRows > 0 {
            xml += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"\(sheet.headingRows)\" topLeftCell=\"A\(sheet.headingRows + 1)\" "
            xml += "activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
        }
        let columnCount = sheet.rows.map(\.count).max() ?? 0
        let widths = (0..<columnCount).map { $0 < sheet.columnWidths.count ? sheet.columnWidths[$0] : 10 }
        if !sheet.columnWidths.isEmpty {
            xml += "<cols>"
            for (index, width) in sheet.columnWidths.enumerated() {
                xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        let merged = mergedCells(sheet.merges)
        xml += "<sheetData>"
        for (rowIndex, row) in sheet.rows.enumerated() {
            let isTitle = sheet.hasTitleRow && rowIndex == 0
            let isHeading = !isTitle && rowIndex < sheet.headingRows
            // Enough height for the longest wrapped cell (about 15 points a line at 11 pt).
            var lines = 1.0
            for (columnIndex, value) in row.enumerated() where !merged.contains([rowIndex, columnIndex]) && !value.isEmpty {
                let usable = max(2, widths[columnIndex] - 1)
                let needed = value.split(separator: "\n", omittingEmptySubsequences: false).reduce(0.0) {
                    $0 + max(1, (displayWidth($1) / usable).rounded(.up))
                }
                lines = max(lines, needed)
            }
            let height = isTitle ? 30 : max(18, lines * 15)
            xml += "<row r=\"\(rowIndex + 1)\" ht=\"\(height)\" customHeight=\"1\">"
            for (columnIndex, value) in row.enumerated() {
                let reference = columnName(columnIndex) + String(rowIndex + 1)
                if isTitle {
                    xml +=
                        "<c r=\"\(reference)\" t=\"inlineStr\" s=\"\(Style.title.rawValue)\"><is><t xml:space=\"preserve\">\(XMLText.escaped(value))</t></is></c>"
                } else if !isHeading, let number = number(value) {
                    xml += "<c r=\"\(reference)\" s=\"\(number.style.rawValue)\"><v>\(number.value)</v></c>"
                } else {
                    let style = isHeading ? Style.heading : Style.text
                    xml +=
                        "<c r=\"\(reference)\" t=\"inlineStr\" s=\"\(style.rawValue)\"><is><t xml:space=\"preserve\">\(XMLText.escaped(value))</t></is></c>"
                }
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        if !sheet.merges.isEmpty {
            xml += "<mergeCells count=\"\(sheet.merges.count)\">" + sheet.merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>"
        }
        // A4 (paperSize 9), one page wide and as many pages tall as needed, with narrow margins.
        xml += "<pageMargins left=\"0.4\" right=\"0.4\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>"
        xml +=
            "<pageSetup paperSize=\"9\" orientation=\"\(sheet.landscape ? "landscape" : "portrait")\" fitToWidth=\"1\" fitToHeight=\"\(sheet.onePage ? 1 : 0)\"/>"
        return xml + "</worksheet>"
    }

    /// 0 → "A", 25 → "Z", 26 → "AA".
    public static func columnName(_ index: Int) -> String {
        var name = ""
        var value = index + 1
        while value > 0 {
            let remainder = (value - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            value = (value - 1) / 26
        }
        return name
    }

}
