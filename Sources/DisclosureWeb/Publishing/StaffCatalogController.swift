import DisclosureCore
import DisclosureStore
import Foundation
import Hummingbird

/// The 标准目录 in the console: everyone signed in reads it; the office adds, removes and imports
/// entries (DESIGN §1). CSV export for spreadsheets.
///
/// | method | path | who |
/// |---|---|---|
/// | GET | `/staff/catalog?unit=` | signed in |
/// | GET | `/staff/catalog.csv?unit=` | signed in |
/// | POST | `/staff/catalog` | office — add one entry |
/// | POST | `/staff/catalog/import` | office — CSV pasted or uploaded as text |
/// | POST | `/staff/catalog/{id}/delete` | office |
struct StaffCatalogController {
    let catalog: CatalogService
    let unitQueries: UnitQueries
    let renderer: PageRenderer

    struct CatalogPage: Sendable {
        struct Row: Sendable {
            let id: Int
            let unit: String
            let domain: String
            let items: String
            let content: String
            let timeLimit: String
            let channels: String
            let audience: String
            let mode: String
            let level: String
            let column: String
            let statutory: String
        }
        let rows: [Row]
        let units: [SelectOption]
        let isOffice: Bool
        let exportHref: String
        let anchors: [SelectOption]
        let kinds: [SelectOption]
        let items: [SelectOption]
        let channels: [DocumentForm.Channel]
        let domains: [String]
        let csvHeader: String
    }

    func addRoutes(to router: RouterGroup<StaffRequestContext>) {
        router.get("/staff/catalog", use: index)
        router.get("/staff/catalog.csv", use: export)
        router.post("/staff/catalog", use: create)
        router.post("/staff/catalog/import", use: importCSV)
        router.post("/staff/catalog/{id}/delete", use: delete)
    }

    @Sendable func index(_ request: Request, context: StaffRequestContext) async throws -> Response {
        _ = context.staff
        return try await render(request, context: context, notice: Notice.from(request))
    }

    func render(_ request: Request, context: StaffRequestContext, notice: String? = nil, error: DomainError? = nil) async throws -> Response {
        let staff = context.staff
        let unit = request.uri.queryParameters.get("unit").flatMap { $0.isEmpty ? nil : String($0) }
        let units = try await self.unitQueries.units()
        let names = Dictionary(units.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        let entries = try await self.catalog.entries(unit: unit)
        let page = CatalogPage(
            rows: entries.map { entry in
                CatalogPage.Row(
                    id: entry.id ?? 0, unit: names[entry.unitCode] ?? entry.unitCode, domain: entry.domain,
                    items: "\(entry.primaryItem) / \(entry.secondaryItem)", content: entry.content, timeLimit: entry.timeLimitText,
                    channels: entry.channels.map(\.notation).joined(separator: " "), audience: entry.audience.rawValue, mode: entry.mode.rawValue,
                    level: entry.level.rawValue, column: "\(entry.column)（\(entry.columnKind.rawValue)）", statutory: entry.statutoryItem?.label ?? "")
            },
            units: [SelectOption(value: "", label: "全部单位", selected: unit == nil)]
                + units.map { SelectOption(value: $0.code, label: $0.name, selected: $0.code == unit) },
            isOffice: staff.identity.canAdminister,
            exportHref: "/staff/catalog.csv" + (unit.map { "?unit=\(URLQuery.escape($0))" } ?? ""),
            anchors: PublicationRule.Anchor.allCases.map { SelectOption(value: $0.rawValue, label: $0.rawValue, selected: $0 == .formedOrChanged) },
            kinds: ColumnKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.rawValue, selected: $0 == .other) },
            items: [SelectOption(value: "", label: "（无）", selected: true)]
                + StatutoryItem.allCases.map { SelectOption(value: String($0.rawValue), label: $0.label, selected: false) },
            channels: PublicationChannel.allCases.enumerated().map {
                DocumentForm.Channel(name: $1.rawValue, field: "channel\($0)", checked: $1 == .website)
            },
            domains: StandardDomains.all, csvHeader: CatalogCSV.headers.joined(separator: ","))
        return renderer.render(
            "Publishing/catalog", title: "标准目录", page: page, context: context, status: error?.kind.httpStatus ?? .ok,
            notice: notice, error: error?.message)
    }

    @Sendable func export(_ request: Request, context: StaffRequestContext) async throws -> Response {
        _ = context.staff
        let unit = request.uri.queryParameters.get("unit").flatMap { $0.isEmpty ? nil : String($0) }
        let text = CatalogCSV.export(try await self.catalog.entries(unit: unit))
        return Response(
            status: .ok,
            headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"catalog-\(unit ?? "all").csv\""],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    @Sendable func create(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = try context.requireOffice()
        let form = try await FormData.read(request)
        do {
            guard let anchor = PublicationRule.Anchor(rawValue: form.text("anchor")) else { throw DomainError.invalid("anchor", "请选择时限起算事件") }
            guard let days = Int(form.text("days")) else { throw DomainError.invalid("days", "时限工作日数应为整数") }
            let rule = try PublicationRule(anchor: anchor, workingDays: days)
            let channels = PublicationChannel.allCases.enumerated().compactMap { index, channel -> ChannelChoice? in
                guard form["channel\(index)"] == "1" else { return nil }
                return ChannelChoice(channel, mandatory: form["mandatory\(index)"] != "0")
            }
            let entry = CatalogEntry(
                unitCode: form.text("unitCode"), domain: form.text("domain"), primaryItem: form.text("primaryItem"),
                secondaryItem: form.text("secondaryItem"), content: form.text("content"), basis: form.text("basis"),
                timeLimitText: form.text("timeLimitText").isEmpty ? nil : form.text("timeLimitText"), rule: rule, channels: channels,
                audience: Audience(text: form.text("audience")) ?? .everyone, mode: DisclosureMode(text: form.text("mode")) ?? .proactive,
                level: AdministrativeLevel(text: form.text("level")) ?? .county, column: form.text("column").isEmpty ? nil : form.text("column"),
                columnKind: ColumnKind(rawValue: form.text("columnKind")) ?? .other,
                statutoryItem: Int(form.text("statutoryItem")).flatMap(StatutoryItem.init))
            try await self.catalog.create(entry, by: .staff(staff.identity))
            return redirect(to: "/staff/catalog?unit=\(URLQuery.escape(entry.unitCode))&notice=created")
        } catch let error as DomainError {
            return try await render(request, context: context, error: error)
        }
    }

    @Sendable func importCSV(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = try context.requireOffice()
        let form = try await FormData.read(request, limit: 4 * 1024 * 1024)
        do {
            _ = try await self.catalog.importCSV(form["csv"] ?? "", by: .staff(staff.identity))
            return redirect(to: "/staff/catalog?notice=imported")
        } catch let error as DomainError {
            return try await render(request, context: context, error: error)
        }
    }

    @Sendable func delete(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = try context.requireOffice()
        guard let id = Int(try context.pathParameter("id")) else { throw HTTPError(.notFound) }
        do {
            try await self.catalog.delete(id, by: .staff(staff.identity))
            return redirect(to: "/staff/catalog?notice=saved")
        } catch let error as DomainError {
            return try await render(request, context: context, error: error)
        }
    }
}
