import DisclosureCore
import DisclosureStore
import Foundation
import Hummingbird

/// JSON API for assessment (documented in `openapi.json`), with the same roles as the console.
///
/// | method | path | who |
/// |---|---|---|
/// | POST | `/api/v1/assessments/score` | staff token: scheme + facts → score (the CLI's engine) |
/// | GET, POST | `/api/v1/assessment-schemes` | staff token; importing is for the office |
/// | GET | `/api/v1/assessments` | staff token: campaigns with their phase |
/// | GET | `/api/v1/assessments/{id}/results` | office, assessor, auditor: ranking and 通报 |
/// | GET | `/api/v1/assessments/{id}/units/{unit}` | unit scope: metrics with records, 自评 and 抽评 scores |
/// | PUT | `/api/v1/assessments/{id}/units/{unit}/self` | the unit's editor or reviewer: `{facts, report}` |
/// | POST | `/api/v1/assessments/{id}/units/{unit}/self/submit` | the unit's editor or reviewer |
/// | POST | `/api/v1/assessments/{id}/units/{unit}/spot` | assessor, office: `{facts, notes}` |
struct AssessmentsAPIController {
    let assessments: AssessmentService
    let clock: any WallClock

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("assessments/score", use: score)
        group.get("assessment-schemes", use: schemes)
        group.post("assessment-schemes", use: importScheme)
        group.get("assessments", use: campaigns)
        group.get("assessments/{id}/results", use: results)
        group.get("assessments/{id}/units/{unit}", use: unit)
        group.put("assessments/{id}/units/{unit}/self", use: saveSelf)
        group.post("assessments/{id}/units/{unit}/self/submit", use: submitSelf)
        group.post("assessments/{id}/units/{unit}/spot", use: spot)
    }

    struct ScoreBody: Decodable {
        let scheme: AssessmentScheme
        let facts: [String: IndicatorFact]
    }
    struct SelfBody: Decodable {
        let facts: [String: IndicatorFact]
        let report: String
    }
    struct SpotBody: Decodable {
        let facts: [String: IndicatorFact]
        let notes: String?
    }
    struct SchemeItem: Encodable {
        let id: Int
        let name: String
        let version: Int
        let scheme: AssessmentScheme
    }
    struct CampaignItem: Encodable {
        let id: Int
        let year: Int
        let title: String
        let phase: String
        let schemeID: Int
        let unitKinds: [UnitKind]
        let selfDue: CivilDate
        let spotFrom: CivilDate
        let spotTo: CivilDate
        let approvedOn: CivilDate?
        let publishedOn: CivilDate?
        let drawSeed: String?
    }
    struct ResultItem: Encodable {
        let unit: String
        let unitName: String
        let rank: Int
        let total: Decimal
        let grade: String
        let drawn: Bool
        let unsubmitted: Bool
        let failedTwoYearsRunning: Bool
        let score: AssessmentScore
    }
    struct ResultsBody: Encodable {
        let campaign: CampaignItem
        let results: [ResultItem]
        let circular: [String]?
    }
    struct UnitBody: Encodable {
        let unit: String
        let selfSubmittedOn: CivilDate?
        let drawn: Bool
        let metrics: [String: MetricValue]
        let selfFacts: [String: IndicatorFact]
        let selfScore: AssessmentScore
        let spotScore: AssessmentScore?
        let differences: [String]
    }

    static func item(_ campaign: AssessmentCampaign, today: CivilDate) -> CampaignItem {
        CampaignItem(
            id: campaign.id, year: campaign.year, title: campaign.title, phase: campaign.phase(today: today).rawValue, schemeID: campaign.schemeID,
            unitKinds: campaign.unitKinds, selfDue: campaign.selfDue, spotFrom: campaign.spotFrom, spotTo: campaign.spotTo,
            approvedOn: campaign.approvedOn, publishedOn: campaign.publishedOn, drawSeed: campaign.drawSeed.map(String.init))
    }

    func campaignID(_ context: AppRequestContext) throws -> Int {
        guard let id = Int(try context.pathParameter("id")) else { throw DomainError(.notFound, field: "id", "考核不存在") }
        return id
    }

    @Sendable func score(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requireStaff()
        let body = try await decodeJSON(ScoreBody.self, from: request, limit: 512 * 1024)
        return try jsonResponse(try AssessmentScoring.score(try body.scheme.validated(), facts: AssessmentFacts(body.facts)))
    }

    @Sendable func schemes(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requireStaff()
        return try jsonResponse(
            try await self.assessments.schemes().map { SchemeItem(id: $0.id, name: $0.scheme.name, version: $0.version, scheme: $0.scheme) })
    }

    @Sendable func importScheme(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let buffer = try await request.readBody(upTo: 512 * 1024)
        let stored = try await self.assessments.importScheme(Data(buffer.readableBytesView), by: staff.identity)
        return try jsonResponse(SchemeItem(id: stored.id, name: stored.scheme.name, version: stored.version, scheme: stored.scheme), status: .created)
    }

    @Sendable func campaigns(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requireStaff()
        return try jsonResponse(try await self.assessments.campaigns().map { Self.item($0, today: today) })
    }

    @Sendable func results(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        guard [.office, .assessor, .auditor].contains(staff.role) else { throw DomainError(.forbidden, field: "role", "考核排名由政务公开办、考核组和审计人员查看") }
        let results = try await self.assessments.results(try campaignID(context))
        return try jsonResponse(
            ResultsBody(
                campaign: Self.item(results.campaign, today: today),
                results: results.entries.map {
                    ResultItem(
                        unit: $0.unitCode, unitName: results.names[$0.unitCode] ?? $0.unitCode, rank: $0.rank, total: $0.score.total, grade: $0.grade,
                        drawn: results.drawn.contains($0.unitCode), unsubmitted: results.defaulted.contains($0.unitCode),
                        failedTwoYearsRunning: $0.failedTwoYearsRunning, score: $0.score)
                }, circular: results.circular.map { [$0.title] + $0.paragraphs }))
    }

    @Sendable func unit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let view = try await self.assessments.unitView(
            try campaignID(context), unit: try context.pathParameter("unit"), visibleTo: staff.identity)
        return try jsonResponse(
            UnitBody(
                unit: view.unit.code, selfSubmittedOn: view.entry.selfSubmittedOn, drawn: view.entry.drawn,
                metrics: Dictionary(uniqueKeysWithValues: view.metrics.map { ($0.key.rawValue, $0.value) }), selfFacts: view.selfFacts.values,
                selfScore: view.selfScore, spotScore: view.spotScore, differences: view.differences.sorted()))
    }

    @Sendable func saveSelf(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let body = try await decodeJSON(SelfBody.self, from: request, limit: 256 * 1024)
        try await self.assessments.saveSelf(
            try campaignID(context), unit: try context.pathParameter("unit"), facts: AssessmentFacts(body.facts), report: body.report,
            by: staff.identity)
        return try await unit(request, context: context)
    }

    @Sendable func submitSelf(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        try await self.assessments.submitSelf(try campaignID(context), unit: try context.pathParameter("unit"), by: staff.identity)
        return try await unit(request, context: context)
    }

    @Sendable func spot(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let body = try await decodeJSON(SpotBody.self, from: request, limit: 256 * 1024)
        _ = try await self.assessments.scoreSpot(
            try campaignID(context), unit: try context.pathParameter("unit"), facts: AssessmentFacts(body.facts), notes: body.notes ?? "",
            by: staff.identity)
        return try await unit(request, context: context)
    }
}

extension AssessmentsAPIController: ClockReading {}
