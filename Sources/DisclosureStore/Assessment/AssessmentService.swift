import DisclosureCore
import Foundation
import SQLKit

/// Assessment campaigns (issue 7 §4): the office imports schemes and opens a year's campaign; each
/// unit assesses itself with evidence by the deadline; assessors draw units and check them by the
/// five methods; the office approves the results, publishes the 通报 and tracks 整改. Scores are
/// never stored: they are `AssessmentScoring` of the frozen facts, so the console, the API, the
/// CLI and the portal always agree.
public struct AssessmentService: Sendable {
    let database: Database
    let clock: any WallClock

    public init(database: Database, clock: any WallClock) {
        self.database = database
        self.clock = clock
    }

    var today: CivilDate { CivilDate(instant: clock.now()) }

    // MARK: schemes

    /// Imports a scheme file (a new version when the name exists). Office only.
    public func importScheme(_ data: Data, by staff: StaffIdentity) async throws -> StoredScheme {
        try Self.requireOffice(staff, "导入指标体系")
        let scheme = try AssessmentScheme.parse(data)
        let now = clock.now()
        return try await database.change(by: .staff(staff), at: now) { db in
            let stored = try await AssessmentRepository(db).insertScheme(scheme, by: staff.username, at: now)
            return (
                stored, AuditEvent("assessment.scheme.import", target: "scheme:\(stored.id)", ["name": scheme.name, "version": "\(stored.version)"])
            )
        }
    }

    public func schemes() async throws -> [StoredScheme] { try await AssessmentRepository(database.sql).schemes() }

    public func scheme(_ id: Int) async throws -> StoredScheme {
        guard let stored = try await AssessmentRepository(database.sql).scheme(id) else {
            throw DomainError(.notFound, field: "scheme", "指标体系 \(id) 不存在")
        }
        return stored
    }

    // MARK: campaigns

    /// Opens a year's campaign with an entry for every active unit of the chosen kinds. Office only.
    public func createCampaign(_ draft: AssessmentCampaign, by staff: StaffIdentity) async throws -> AssessmentCampaign {
        try Self.requireOffice(staff, "建立考核")
        let campaign = try draft.validated()
        _ = try await scheme(campaign.schemeID)
        let now = clock.now()
        return try await database.change(by: .staff(staff), at: now) { db in
            let repository = AssessmentRepository(db)
            let id = try await repository.insertCampaign(campaign, by: staff.username, at: now)
            let units = try await UnitRepository(db).all().filter {
                $0.active && campaign.unitKinds.contains($0.kind) && (campaign.unitCodes.isEmpty || campaign.unitCodes.contains($0.code))
            }
            guard !units.isEmpty else { throw DomainError.invalid("unitKinds", "所选类别（和单位）中没有可考核的单位") }
            if let stray = campaign.unitCodes.first(where: { code in !units.contains { $0.code == code } }) {
                throw DomainError.invalid("unitCodes", "单位 \(stray) 不存在、已停用或不属于所选类别")
            }
            for unit in units { try await repository.insertEntry(campaign: id, unit: unit.code, at: now) }
            let created = try await repository.campaign(id)!
            return (
                created,
                AuditEvent(
                    "assessment.campaign.create", target: "campaign:\(id)",
                    ["year": "\(campaign.year)", "scheme": "\(campaign.schemeID)", "units": "\(units.count)"])
            )
        }
    }

    public func campaigns() async throws -> [AssessmentCampaign] { try await AssessmentRepository(database.sql).campaigns() }

    public func campaign(_ id: Int) async throws -> AssessmentCampaign {
        guard let campaign = try await AssessmentRepository(database.sql).campaign(id) else {
            throw DomainError(.notFound, field: "campaign", "考核 \(id) 不存在")
        }
        return campaign
    }

    /// A campaign's entries the staff member may see, with their units.
    public func entries(_ campaignID: Int, visibleTo staff: StaffIdentity) async throws -> [(unit: OrgUnit, entry: CampaignEntry)] {
        let tree = try await UnitRepository(database.sql).tree()
        return try await AssessmentRepository(database.sql).entries(campaign: campaignID).compactMap { entry in
            guard let unit = tree.units[entry.unitCode], staff.canSee(unit: entry.unitCode, in: tree) else { return nil }
            return (unit, entry)
        }
        .sorted { ($0.unit.kind.rawValue, $0.unit.code) < ($1.unit.kind.rawValue, $1.unit.code) }
    }

    /// Everything about one unit in a campaign: live metrics, the 自评 and 抽评 scores, evidence,
    /// method records, the deadline exception and rectification tasks.
    public func unitView(_ campaignID: Int, unit: String, visibleTo staff: StaffIdentity) async throws -> CampaignUnitView {
        let campaign = try await campaign(campaignID)
        let tree = try await UnitRepository(database.sql).tree()
        guard let orgUnit = tree.units[unit], staff.canSee(unit: unit, in: tree),
            let entry = try await AssessmentRepository(database.sql).entry(campaign: campaignID, unit: unit)
        else { throw DomainError(.notFound, field: "unit", "单位 \(unit) 不在本次考核范围内") }
        let stored = try await scheme(campaign.schemeID)
        let metrics = try await AssessmentMetrics(database: database, clock: clock).values(unit: unit, year: campaign.year)
        let records = AssessmentRecordRepository(database.sql)
        let selfFacts = Self.isSelfFrozen(entry) ? entry.selfFacts : Self.merge(entry.selfFacts, metrics: metrics, scheme: stored.scheme)
        return CampaignUnitView(
            campaign: campaign, scheme: stored, unit: orgUnit, entry: entry, metrics: metrics, selfFacts: selfFacts,
            selfScore: try AssessmentScoring.score(stored.scheme, facts: selfFacts), spotScore: try Self.spotScore(entry, scheme: stored.scheme),
            evidence: try await records.evidence(campaign: campaignID, unit: unit),
            checks: try await records.checks(campaign: campaignID, unit: unit),
            exception: try await records.exception(campaign: campaignID, unit: unit),
            tasks: try await records.tasks(campaign: campaignID, units: [unit]), today: today)
    }

    /// The scores the campaign overview lists for one entry. The 自评 is provisional while it is a
    /// draft: only then are the unit's metrics computed (submitted and defaulted facts are frozen).
    public func scores(_ entry: CampaignEntry, campaign: AssessmentCampaign, scheme: AssessmentScheme) async throws -> (
        selfScore: AssessmentScore, provisional: Bool, spotScore: AssessmentScore?
    ) {
        var facts = entry.selfFacts
        if !Self.isSelfFrozen(entry) {
            let metrics = try await AssessmentMetrics(database: database, clock: clock).values(unit: entry.unitCode, year: campaign.year)
            facts = Self.merge(entry.selfFacts, metrics: metrics, scheme: scheme)
        }
        return (try AssessmentScoring.score(scheme, facts: facts), !Self.isSelfFrozen(entry), try Self.spotScore(entry, scheme: scheme))
    }

    static func isSelfFrozen(_ entry: CampaignEntry) -> Bool { entry.selfSubmittedOn != nil || entry.defaulted }

    static func spotScore(_ entry: CampaignEntry, scheme: AssessmentScheme) throws -> AssessmentScore? {
        guard entry.spotScoredOn != nil, let facts = entry.spotFacts else { return nil }
        return try AssessmentScoring.score(scheme, facts: facts)
    }

    /// Entered facts with the platform's metric facts laid over them (metric leaves are never entered).
    static func merge(_ entered: AssessmentFacts, metrics: [AssessmentMetric: MetricValue], scheme: AssessmentScheme) -> AssessmentFacts {
        var facts = entered
        for (id, fact) in AssessmentMetrics.facts(for: scheme, from: metrics).values { facts[id] = fact }
        return facts
    }

    static func requireOffice(_ staff: StaffIdentity, _ action: String) throws {
        guard staff.role == .office else { throw DomainError(.forbidden, field: "role", "只有政务公开办可以\(action)") }
    }

    static func requireAssessor(_ staff: StaffIdentity, _ action: String) throws {
        guard staff.role == .assessor || staff.role == .office else { throw DomainError(.forbidden, field: "role", "只有考核组（评分人或政务公开办）可以\(action)") }
    }
}

/// One unit's page in a campaign.
public struct CampaignUnitView: Sendable {
    public let campaign: AssessmentCampaign
    public let scheme: StoredScheme
    public let unit: OrgUnit
    public let entry: CampaignEntry
    public let metrics: [AssessmentMetric: MetricValue]
    /// Submitted facts, or while drafting the entered facts with live metrics.
    public let selfFacts: AssessmentFacts
    public let selfScore: AssessmentScore
    public let spotScore: AssessmentScore?
    public let evidence: [AssessmentEvidence]
    public let checks: [SpotCheckEntry]
    public let exception: DeadlineException?
    public let tasks: [RectificationTask]
    public let today: CivilDate

    /// Leaves whose 抽评 score differs from the 自评 score.
    public var differences: Set<String> { spotScore.map(selfScore.differingLeaves) ?? [] }
}
