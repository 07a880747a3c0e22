import DisclosureCore
import DisclosureStore
import Foundation
import Hummingbird
import Mustache

/// 政府信息公开工作年度报告 on the portal (issue 8 §5): published reports by unit and year, each as
/// HTML with the official tables, a print-ready A4 page and downloads.
///
/// | method | path | who |
/// |---|---|---|
/// | GET | `/reports` | public (`?unit=&year=`) |
/// | GET | `/reports/{unit}/{year}` | public (published reports only) |
/// | GET | `/reports/{unit}/{year}/print` | public |
/// | GET | `/reports/{unit}/{year}/download` | public (`?format=docx|xlsx|csv|json`) |
struct ReportsController {
    let clock: any WallClock
    let reports: AnnualReportService
    let templates: MustacheLibrary
    let unitQueries: UnitQueries
    let renderer: PageRenderer

    struct ListPage: Sendable {
        struct Item: Sendable {
            let unitCode: String
            let unitName: String
            let year: Int
            let publishedOn: String
        }
        let items: [Item]
        let hasItems: Bool
        let units: [SelectOption]
        let years: [SelectOption]
    }

    struct ReportPage: Sendable { let report: ReportView }

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("/reports", use: list)
        router.get("/reports/{unit}/{year}", use: show)
        router.get("/reports/{unit}/{year}/print", use: printView)
        router.get("/reports/{unit}/{year}/download", use: download)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let units = try await self.unitQueries.units().filter(\.active)
        let names = Dictionary(units.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        let unit = query.get("unit").flatMap { names[$0] == nil ? nil : $0 }
        let year = try query.get("year").flatMap { $0.isEmpty ? nil : try RequestNumber.year($0, fallback: today.year) }
        let records = try await self.reports.published(unit: unit, year: year)
        let items = records.map {
            ListPage.Item(
                unitCode: $0.unitCode, unitName: names[$0.unitCode] ?? $0.unitCode, year: $0.year, publishedOn: $0.publishedOn?.description ?? "")
        }
        let years = Array((ReportFormat.firstYear..<today.year).reversed())
        let page = ListPage(
            items: items, hasItems: !items.isEmpty,
            units: [SelectOption(value: "", label: "全部单位", selected: unit == nil)]
                + units.map { SelectOption(value: $0.code, label: $0.name, selected: $0.code == unit) },
            years: [SelectOption(value: "", label: "全部年度", selected: year == nil)]
                + years.map { SelectOption(value: String($0), label: "\($0)年", selected: $0 == year) })
        return renderer.render("AnnualReports/list", title: "政府信息公开工作年度报告", page: page, context: context)
    }

    func published(_ context: AppRequestContext) async throws -> AnnualReport {
        let unit = try context.pathParameter("unit")
        guard let year = Int(try context.pathParameter("year")), RequestNumber.years.contains(year),
            let report = try await self.reports.publishedReport(unit: unit, year: year)
        else {
            throw DomainError(.notFound, field: "year", "该年度报告尚未发布")
        }
        return report
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let report = try await published(context)
        return renderer.render(
            "AnnualReports/report", title: AnnualReportExport.title(report), page: ReportPage(report: ReportView(report)), context: context)
    }

    @Sendable func printView(_ request: Request, context: AppRequestContext) async throws -> Response {
        let report = try await published(context)
        let html = self.templates.render(ReportView(report), withTemplate: "AnnualReports/document") ?? ""
        return Response(
            status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "public, max-age=300"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    @Sendable func download(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await ReportFileResponse.make(try await published(context), format: request.uri.queryParameters.get("format"), templates: self.templates)
    }
}

/// A report as a downloaded file, for the portal, the console and the API alike.
enum ReportFileResponse {
    static func make(_ report: AnnualReport, format text: String?, templates: MustacheLibrary) async throws -> Response {
        guard let format = AnnualReportExport.Format(rawValue: text ?? "docx") else {
            throw DomainError.invalid("format", "格式应为 \(AnnualReportExport.Format.allCases.map(\.rawValue).joined(separator: "、")) 之一")
        }
        let bytes: [UInt8]
        switch format {
        case .json: bytes = Array(try AnnualReportExport.json(report))
        case .csv: bytes = Array(AnnualReportExport.csv(report).utf8)
        case .xlsx: bytes = Array(try AnnualReportExport.xlsx(report))
        case .docx: bytes = Array(try AnnualReportExport.docx(report))
        case .html: bytes = Array(AnnualReportHTML.standalone(report, templates: templates).utf8)
        }
        return downloadResponse(
            bytes, type: format.mediaType, name: AnnualReportExport.fileName(report, format),
            fallback: "report-\(report.unit.code)-\(report.year).\(format.rawValue)")
    }
}

extension ReportsController: ClockReading {}
