import DisclosureCore
import DisclosureStore
import Foundation
import Hummingbird

/// The power list as a downloaded file for the console and the API: CSV (UTF-8 with BOM, as Excel
/// and WPS expect) or XLSX, with the import's columns and optionally one year's figures.
enum PowerExportFile {
    static func response(_ request: Request, staff: StaffAccount, powers: PowerService, unitQueries: UnitQueries, today: CivilDate) async throws
        -> Response
    {
        let query = request.uri.queryParameters
        let unit = query.get("unit").flatMap { $0.isEmpty ? nil : $0 }
        var year: Int?
        if let text = query.get("year"), !text.isEmpty {
            guard let value = Int(text), (2000...today.year).contains(value) else { throw DomainError.invalid("year", "统计年度应为四位年份") }
            year = value
        }
        let table = try await powers.exportTable(visibleTo: staff.identity, unit: unit, year: year)
        // Named by the unit, not its code (issue 22 §5).
        let unitName = try await unit.asyncMap { try await unitQueries.unit($0)?.name ?? $0 } ?? "全县"
        let name = "\(unitName)权责清单-\(today)"
        switch query.get("format") ?? "csv" {
        case "xlsx":
            // A title row over the headings, A4 landscape one page wide, headings repeated.
            let columns = table.first?.count ?? 1
            var title = Array(repeating: "", count: columns)
            title[0] = "\(unitName)权责清单\(year.map { "（\($0)年度运行情况）" } ?? "")　导出日期：\(today)"
            let data = try XLSXWorkbook.write([
                XLSXSheet(
                    name: "权责清单", rows: [title] + table, headingRows: 2,
                    columnWidths: [14, 30, 12, 22, 14, 40, 40, 40, 10, 10, 30, 16, 8, 10, 12, 14],
                    merges: ["A1:\(XLSXWorkbook.columnName(columns - 1))1"], hasTitleRow: true, landscape: true)
            ])
            return downloadResponse(Array(data), type: XLSXWorkbook.mediaType, name: name + ".xlsx", fallback: "powers.xlsx")
        case "csv":
            let text = CSVText.document(table)
            return downloadResponse(Array(text.utf8), type: "text/csv; charset=utf-8", name: name + ".csv", fallback: "powers.csv")
        default:
            throw DomainError.invalid("format", "导出格式应为 csv 或 xlsx")
        }
    }
}
