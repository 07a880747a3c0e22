import DisclosureCore
import DisclosureStore
import Foundation
import Hummingbird

/// Assessment results on the portal (issue 7 §4): each published campaign's 通报 and the county
/// ranking with grades. Nothing is shown before the office publishes.
///
/// | method | path | who |
/// |---|---|---|
/// | GET | `/assessments` | public |
/// | GET | `/assessments/{year}` | public (published campaigns only) |
struct AssessmentsController {
    let assessments: AssessmentService
    let renderer: PageRenderer

    struct ListPage: Sendable {
        struct Item: Sendable {
            let year: Int
            let title: String
            let publishedOn: String
        }
        let items: [Item]
    }

    struct ResultPage: Sendable {
        struct Row: Sendable {
            let rank: Int
            let name: String
            let total: String
            let grade: String
        }
        let year: Int
        let title: String
        let circularTitle: String
        let paragraphs: [String]
        let rows: [Row]
        let grades: String
        let publishedOn: String
    }

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("/assessments", use: list)
        router.get("/assessments/{year}", use: show)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let items = try await self.assessments.published().map {
            ListPage.Item(year: $0.year, title: $0.title, publishedOn: $0.publishedOn?.chineseText ?? "")
        }
        return renderer.render("Assessment/portal-list", title: "政务公开考核结果", page: ListPage(items: items), context: context)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let year = Int(try context.pathParameter("year")), RequestNumber.years.contains(year),
            let campaign = try await self.assessments.published().first(where: { $0.year == year })
        else { throw HTTPError(.notFound) }
        let results = try await self.assessments.results(campaign.id)
        guard let circular = results.circular else { throw HTTPError(.notFound) }
        let page = ResultPage(
            year: year, title: campaign.title, circularTitle: circular.title, paragraphs: circular.paragraphs,
            rows: results.entries.map {
                ResultPage.Row(rank: $0.rank, name: results.names[$0.unitCode] ?? $0.unitCode, total: "\($0.score.total)", grade: $0.grade)
            }, grades: StaffAssessmentsController.gradeText(results.scheme.scheme), publishedOn: campaign.publishedOn?.chineseText ?? "")
        return renderer.render("Assessment/portal-result", title: circular.title, page: page, context: context)
    }
}
