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

    public init(name: String, rows: [[String]], headingRows: Int = 1, columnWidths: [Double] = [], merges: [String] = []) {
        self.name = name
        self.rows = rows
        self.headingRows = headingRows
        self.columnWidths = columnWidths
        self.merges = merges
    }
}

/// Writes a minimal, valid SpreadsheetML package (ECMA-376) that Excel and WPS open: inline
/// strings, one bold style for headings, wrapped text. No formulas, so figures are what we computed.
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
            sheetList += "<sheet name=\"\(escaped(String(sheets[index].name.prefix(31))))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
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
        try add("xl/workbook.xml", header + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><sheets>\(sheetList)</sheets></workbook>")
        try add(
            "xl/_rels/workbook.xml.rels",
            header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" + workbookRelations
                + "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(relationships)/styles\" Target=\"styles.xml\"/></Relationships>")
        try add("xl/styles.xml", header + styles(main))
        for (index, sheet) in sheets.enumerated() { try add("xl/worksheets/sheet\(index + 1).xml", header + worksheet(sheet, main)) }
        guard let data = archive.data else { throw DomainError(.conflict, "无法生成 XLSX 文件") }
        return data
    }

    /// Style 0: plain, wrapped, top-aligned; style 1: bold heading, centred, wrapped. Both bordered.
    static func styles(_ main: String) -> String {
        "<styleSheet xmlns=\"\(main)\">"
            + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"宋体\"/></font><font><b/><sz val=\"11\"/><name val=\"宋体\"/></font></fonts>"
            + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
            + "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
            + "<border><left style=\"thin\"/><right style=\"thin\"/><top style=\"thin\"/><bottom style=\"thin\"/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"2\">"
            + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyBorder=\"1\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>"
            + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyBorder=\"1\" applyAlignment=\"1\">"
            + "<alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf></cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
    }

    static func worksheet(_ sheet: XLSXSheet, _ main: String) -> String {
        var xml = "<worksheet xmlns=\"\(main)\">"
        if sheet.headingRows > 0 {
            xml += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"\(sheet.headingRows)\" topLeftCell=\"A\(sheet.headingRows + 1)\" "
            xml += "activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
        }
        if !sheet.columnWidths.isEmpty {
            xml += "<cols>"
            for (index, width) in sheet.columnWidths.enumerated() {
                xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        for (rowIndex, row) in sheet.rows.enumerated() {
            let style = rowIndex < sheet.headingRows ? " s=\"1\"" : ""
            xml += "<row r=\"\(rowIndex + 1)\">"
            for (columnIndex, value) in row.enumerated() {
                let reference = columnName(columnIndex) + String(rowIndex + 1)
                xml += "<c r=\"\(reference)\" t=\"inlineStr\"\(style)><is><t xml:space=\"preserve\">\(escaped(value))</t></is></c>"
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        if !sheet.merges.isEmpty {
            xml += "<mergeCells count=\"\(sheet.merges.count)\">" + sheet.merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>"
        }
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

    /// Character data safe for XML 1.0: markup escaped, characters XML forbids dropped.
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }
}
