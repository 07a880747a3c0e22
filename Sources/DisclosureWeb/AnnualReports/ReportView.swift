import DisclosureCore
import DisclosureStore
import Foundation
import Mustache

/// A report laid out for HTML: the narrative as paragraphs under the official headings and each
/// table as rows of cells with their spans, drawn from the same ReportGrid as XLSX and DOCX.
struct ReportView: Sendable {
    struct Cell: Sendable {
        let text: String
        let rowspan: String?
        let colspan: String?
        let isLabel: Bool
        let isLong: Bool
    }
    struct Row: Sendable { let cells: [Cell] }
    struct Table: Sendable {
        let title: String
        let rows: [Row]
        let isWide: Bool
    }
    struct Part: Sendable {
        let heading: String
        let paragraphs: [String]
        let isBlank: Bool
    }

    let title: String
    let unitCode: String
    let unitName: String
    let year: Int
    let formatTitle: String
    let status: String
    let isPublished: Bool
    let publishedOn: String?
    let filedOn: String?
    let isLive: Bool
    let isEmpty: Bool
    let overview: [Part]
    let tables: [Table]
    let closing: [Part]
    /// The print stylesheet inlined, for a file that must stand alone; nil when served (the CSP
    /// allows only the site's own stylesheets).
    var css: String?

    init(_ report: AnnualReport) {
        title = AnnualReportExport.title(report)
        unitCode = report.unit.code
        unitName = report.unit.name
        year = report.year
        formatTitle = report.format.title
        status = report.record.status.rawValue
        isPublished = report.record.status == .published
        publishedOn = report.record.publishedOn?.chineseText
        filedOn = report.record.filedOn?.chineseText
        isLive = report.isLive
        isEmpty = report.isEmpty
        func part(_ part: ReportNarrative.Part) -> Part {
            let paragraphs = report.narrative[part].split(separator: "\n").map { String($0).trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty
            }
            return Part(heading: part.heading, paragraphs: paragraphs, isBlank: paragraphs.isEmpty)
        }
        overview = ReportNarrative.Part.allCases.filter(\.isOverview).map(part)
        closing = [part(.problems), part(.other)]
        tables = report.tables.grids.map(Self.table)
    }

    static func table(_ grid: ReportGrid) -> Table {
        Table(
            title: grid.title,
            rows: grid.rows.map { row in
                Row(
                    cells: row.map { cell in
                        Cell(
                            text: cell.text, rowspan: cell.rowSpan > 1 ? String(cell.rowSpan) : nil,
                            colspan: cell.columnSpan > 1 ? String(cell.columnSpan) : nil,
                            isLabel: cell.isLabel, isLong: cell.text.count > 12)
                    })
            }, isWide: grid.columnCount > 4)
    }
}

/// The standalone report page (A4, no site frame) for printing and for `disclosure report annual
/// --format html`; rendered from the same templates as the portal page.
public enum AnnualReportHTML {
    public static func render(_ report: AnnualReport) async throws -> String {
        standalone(report, templates: try await Templates.load())
    }

    static func standalone(_ report: AnnualReport, templates: MustacheLibrary) -> String {
        var view = ReportView(report)
        view.css = Bundle.module.url(forResource: "report-print", withExtension: "css", subdirectory: "static").flatMap {
            try? String(contentsOf: $0, encoding: .utf8)
        }
        return templates.render(view, withTemplate: "AnnualReports/document") ?? ""
    }
}
