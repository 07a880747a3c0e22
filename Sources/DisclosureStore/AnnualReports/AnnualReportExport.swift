import DisclosureCore
import Foundation

/// The report as files (issue 8 §5): JSON for machines, CSV, XLSX and DOCX for people. The three
/// tabular outputs are drawn from the same ReportGrid, so every figure and merge agrees with the
/// HTML page, and the JSON carries the figures the grids were filled from.
public enum AnnualReportExport {
    public enum Format: String, CaseIterable, Sendable {
        case json, html, xlsx, docx, csv

        public var mediaType: String {
            switch self {
            case .json: "application/json"
            case .html: "text/html; charset=utf-8"
            case .xlsx: XLSXWorkbook.mediaType
            case .docx: DOCXDocument.mediaType
            case .csv: "text/csv; charset=utf-8"
            }
        }
    }

    public static func title(_ report: AnnualReport) -> String { "\(report.unit.name)\(report.year)年政府信息公开工作年度报告" }

    /// 「示范县财政局2025年政府信息公开工作年度报告.docx」: the file says whose report it is.
    public static func fileName(_ report: AnnualReport, _ format: Format) -> String {
        DownloadName.safe(title(report) + "." + format.rawValue)
    }

    struct Document: Encodable {
        struct Tables: Encodable {
            let active: ActiveTable
            let requests: RequestTable
            let appeals: AppealTable
        }
        struct Deadlines: Encodable {
            let filing: CivilDate?
            let publication: CivilDate
        }
        let unit: String
        let unitName: String
        let year: Int
        let format: String
        let status: String
        let empty: Bool
        let live: Bool
        let tables: Tables
        let fees: InformationFeeFigures
        let narrative: ReportNarrative
        let checks: [ReportCheck]
        let deadlines: Deadlines
        let filedOn: CivilDate?
        let publishedOn: CivilDate?
        let rollupUnits: [String]
    }

    public static func json(_ report: AnnualReport) throws -> Data {
        let document = Document(
            unit: report.unit.code, unitName: report.unit.name, year: report.year, format: report.format.rawValue,
            status: report.record.status.rawValue, empty: report.isEmpty, live: report.isLive,
            tables: Document.Tables(active: report.tables.active, requests: report.tables.requests, appeals: report.tables.appeals),
            fees: report.tables.fees, narrative: report.narrative, checks: report.checks,
            deadlines: Document.Deadlines(filing: report.deadlines.filing, publication: report.deadlines.publication),
            filedOn: report.record.filedOn, publishedOn: report.record.publishedOn, rollupUnits: report.rollupUnits.map(\.code))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(document)
    }

    /// A grid as a full rectangle of text: each merged cell's text in its top-left position.
    public static func matrix(_ grid: ReportGrid) -> (rows: [[String]], merges: [(row: Int, column: Int, rows: Int, columns: Int)]) {
        var rows = Array(repeating: Array(repeating: "", count: grid.columnCount), count: grid.rows.count)
        var merges: [(Int, Int, Int, Int)] = []
        for placement in grid.placements {
            rows[placement.row][placement.column] = placement.cell.text
            if placement.cell.rowSpan > 1 || placement.cell.columnSpan > 1 {
                merges.append((placement.row, placement.column, placement.cell.rowSpan, placement.cell.columnSpan))
            }
        }
        return (rows, merges)
    }

    public static func csv(_ report: AnnualReport) -> String {
        var rows: [[String]] = [[title(report)]]
        for grid in report.tables.grids {
            rows.append([])
            rows.append([grid.title])
            rows += matrix(grid).rows
        }
        return CSVText.document(rows)
    }

    /// One sheet per table, a title row on top, merges as in the official layout.
    public static func xlsx(_ report: AnnualReport) throws -> Data {
        let names = ["表二 主动公开", "表三 依申请公开", "表四 复议诉讼"]
        let sheets = zip(names, report.tables.grids).map { name, grid in
            let (rows, merges) = matrix(grid)
            let ranges =
                ["A1:\(XLSXWorkbook.columnName(grid.columnCount - 1))1"]
                + merges.map { merge in
                    "\(XLSXWorkbook.columnName(merge.column))\(merge.row + 2):\(XLSXWorkbook.columnName(merge.column + merge.columns - 1))\(merge.row + merge.rows + 1)"
                }
            let widths: [Double] =
                grid.columnCount == 4
                ? [30, 16, 16, 16] : (grid.columnCount == 10 ? [8, 12, 34] + Array(repeating: 10, count: 7) : Array(repeating: 10, count: 15))
            var titleRow = Array(repeating: "", count: grid.columnCount)
            titleRow[0] = title(report) + " · " + grid.title
            // Tables 三 and 四 are wide: A4 landscape, one page wide (issue 22 §5).
            var sheet = XLSXSheet(
                name: name, rows: [titleRow] + rows, headingRows: 1 + grid.headerRows, columnWidths: widths, merges: ranges, hasTitleRow: true,
                landscape: grid.columnCount > 4)
            // Each official table on one sheet of paper, as it is filed.
            sheet.onePage = true
            return sheet
        }
        return try XLSXWorkbook.write(sheets)
    }

    /// 「本报告依据……编制」: the report's opening paragraph, as the HTML page prints it.
    public static func opening(_ report: AnnualReport) -> String {
        "本报告依据《中华人民共和国政府信息公开条例》第四十九条、第五十条编制，采用\(report.format.title)。"
            + "报告所列数据的统计期限自\(report.year)年1月1日起至\(report.year)年12月31日止。"
    }

    public static func docx(_ report: AnnualReport) throws -> Data {
        // The official format opens with what the report is and what it covers (issue 22 §5).
        var blocks: [DOCXDocument.Block] = [
            .title(title(report)), .paragraph(opening(report)), .heading(ReportSection.overview.rawValue),
        ]
        for part in ReportNarrative.Part.allCases where part.isOverview {
            blocks.append(.paragraph(part.heading))
            if !report.narrative[part].isEmpty { blocks.append(.paragraph(report.narrative[part])) }
        }
        blocks += report.tables.grids.map { .table($0) }
        for part in [ReportNarrative.Part.problems, .other] {
            blocks.append(.heading(part.heading))
            if !report.narrative[part].isEmpty { blocks.append(.paragraph(report.narrative[part])) }
        }
        return try DOCXDocument.write(blocks)
    }
}
