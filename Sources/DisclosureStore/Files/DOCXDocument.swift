import DisclosureCore
import Foundation
import ZIPFoundation

/// Writes a minimal WordprocessingML package (ECMA-376) that Word and WPS open: an A4 page with
/// official-document margins, a centred title, headings, paragraphs with a two-character first-
/// line indent, and tables drawn from a ReportGrid with gridSpan and vMerge for the merged cells.
public enum DOCXDocument {
    public static let mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    public enum Block: Sendable {
        case title(String)
        case heading(String)
        case paragraph(String)
        case table(ReportGrid)
        /// A line of body text centred (a letter's 文号).
        case centred(String)
        /// A line of body text without the first-line indent (a letter's addressee).
        case unindented(String)
        /// A line of body text against the right margin (a letter's 落款 and date), with room
        /// above the first for the seal.
        case signature([String])
    }

    public static func write(_ blocks: [Block]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: Date(timeIntervalSince1970: 1_767_225_600),
                compressionMethod: .deflate,
                provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
        let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        try add(
            "[Content_Types].xml",
            header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                + "</Types>")
        try add(
            "_rels/.rels",
            header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                + "</Relationships>")
        var body = ""
        for block in blocks {
            switch block {
            case .title(let text): body += paragraph(text, size: 44, bold: true, centred: true, font: "方正小标宋简体")
            case .heading(let text): body += paragraph(text, size: 32, bold: false, centred: false, font: "黑体")
            case .paragraph(let text):
                for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
                    body += paragraph(String(line), size: 32, bold: false, centred: false, font: "仿宋_GB2312", indent: true)
                }
            case .table(let grid): body += paragraph(grid.title, size: 32, bold: false, centred: false, font: "黑体") + table(grid)
            case .centred(let text): body += paragraph(text, size: 32, bold: false, centred: true, font: "仿宋_GB2312")
            case .unindented(let text): body += paragraph(text, size: 32, bold: false, centred: false, font: "仿宋_GB2312")
            case .signature(let lines):
                // Three empty lines above the 落款 leave the place for the seal (GB/T 9704 7.3.5).
                for _ in 0..<3 { body += "<w:p/>" }
                for line in lines { body += paragraph(line, size: 32, bold: false, centred: false, font: "仿宋_GB2312", right: true) }
            }
        }
        // A4 (11906 × 16838 twips) with the margins of GB/T 9704 (about 37 mm top, 28 mm sides).
        let section =
            "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1588\" "
            + "w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr>"
        try add(
            "word/document.xml",
            header + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + body + section
                + "</w:body></w:document>")
        guard let data = archive.data else { throw DomainError(.conflict, "无法生成 DOCX 文件") }
        return data
    }

    static func run(_ text: String, size: Int, bold: Bool, font: String) -> String {
        "<w:r><w:rPr><w:rFonts w:ascii=\"\(font)\" w:eastAsia=\"\(font)\" w:hAnsi=\"\(font)\"/>\(bold ? "<w:b/>" : "")"
            + "<w:sz w:val=\"\(size)\"/></w:rPr><w:t xml:space=\"preserve\">\(XMLText.escaped(text))</w:t></w:r>"
    }

    static func paragraph(_ text: String, size: Int, bold: Bool, centred: Bool, font: String, indent: Bool = false, right: Bool = false) -> String {
        var properties = ""
        if centred { properties += "<w:jc w:val=\"center\"/>" }
        // Four characters from the right margin, as a 落款 stands (GB/T 9704 7.3.5.1).
        if right { properties += "<w:ind w:right=\"1280\" w:rightChars=\"400\"/><w:jc w:val=\"right\"/>" }
        // Two characters, in twips as well (16 pt = 320 twips a character) for readers that ignore
        // firstLineChars.
        if indent { properties += "<w:ind w:firstLine=\"640\" w:firstLineChars=\"200\"/>" }
        return "<w:p><w:pPr>\(properties)</w:pPr>\(run(text, size: size, bold: bold, font: font))</w:p>"
    }

    /// Column widths in twips summing to `total`, each by the widest text standing in it alone, so
    /// label columns get room for their labels and figure columns stay narrow: equal widths wrapped
    /// 「（三）不予公开」 two characters a line (issue 22 §5). A figure column needs three characters
    /// (「自然人」, 「总计」); a label that spans rows may wrap down them, so it asks for four; the
    /// widest label column takes what is left when the page is too narrow for everything.
    static func columnWidths(_ grid: ReportGrid, total: Int) -> [Int] {
        let character = 180  // a 9-point CJK character, in twips
        let padding = 2 * cellMargin + 20
        var characters = Array(repeating: 3, count: grid.columnCount)
        // A column of figures: its heading may take two lines (「社会公益/组织」).
        let figureColumns = Set(grid.placements.filter { !$0.cell.isLabel }.map(\.column))
        for placement in grid.placements where placement.cell.columnSpan == 1 {
            let width = placement.cell.text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
            let wanted = (width + 1) / 2
            let cap = figureColumns.contains(placement.column) || placement.cell.rowSpan > 1 ? 4 : 16
            characters[placement.column] = max(characters[placement.column], min(wanted, cap))
        }
        var widths = characters.map { $0 * character + padding }
        let needed = widths.reduce(0, +)
        if needed > total, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }) {
            widths[widest] = max(4 * character + padding, widths[widest] - (needed - total))
        } else if needed < total {
            widths = widths.map { $0 * total / needed }
        }
        if let last = widths.indices.last { widths[last] += total - widths.reduce(0, +) }
        return widths
    }

    /// Left and right cell margins in twips: narrow, so a ten-column table fits a portrait page.
    static let cellMargin = 45

    /// Each grid row becomes a table row. A cell that starts a vertical span is `vMerge restart`;
    /// the positions it covers below get an empty `vMerge` continuation of the same width.
    static func table(_ grid: ReportGrid) -> String {
        let placements = grid.placements
        var owner: [[Int]: Int] = [:]
        for (index, placement) in placements.enumerated() {
            for r in placement.row..<(placement.row + placement.cell.rowSpan) { owner[[r, placement.column]] = index }
        }
        let widths = columnWidths(grid, total: 8800)
        var xml = "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:jc w:val=\"center\"/><w:tblBorders>"
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            xml += "<w:\(side) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        }
        xml += "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"\(cellMargin)\" w:type=\"dxa\"/>"
        xml += "<w:right w:w=\"\(cellMargin)\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>"
        xml += widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        for row in grid.rows.indices {
            // No row splits across pages; the heading rows repeat on each page (issue 22 §5).
            xml += "<w:tr><w:trPr>\(row < grid.headerRows ? "<w:tblHeader/>" : "")<w:cantSplit/></w:trPr>"
            var column = 0
            while column < grid.columnCount {
                guard let index = owner[[row, column]] else {
                    column += 1
                    continue
                }
                let placement = placements[index]
                let span = placement.cell.columnSpan
                var properties = "<w:tcW w:w=\"\(widths[column..<min(widths.count, column + span)].reduce(0, +))\" w:type=\"dxa\"/>"
                if span > 1 { properties += "<w:gridSpan w:val=\"\(span)\"/>" }
                if placement.cell.rowSpan > 1 { properties += placement.row == row ? "<w:vMerge w:val=\"restart\"/>" : "<w:vMerge/>" }
                properties += "<w:vAlign w:val=\"center\"/>"
                let text = placement.row == row ? placement.cell.text : ""
                let alignment = placement.cell.isLabel && placement.cell.text.count > 8 ? "" : "<w:jc w:val=\"center\"/>"
                xml += "<w:tc><w:tcPr>\(properties)</w:tcPr><w:p><w:pPr>\(alignment)</w:pPr>"
                xml += text.isEmpty ? "" : run(text, size: 18, bold: false, font: "宋体")
                xml += "</w:p></w:tc>"
                column += span
            }
            xml += "</w:tr>"
        }
        return xml + "</w:tbl><w:p/>"
    }
}
