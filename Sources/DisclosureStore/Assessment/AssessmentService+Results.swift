import DisclosureCore
import Foundation
import SQLKit

/// Results (seeds/002 四(三)(四)): final scores, the county ranking, the office's approval, the
/// 通报 on the portal, and 整改 tracked to closure.
extension AssessmentService {
    /// The ranking from every entry's final facts; units with neither a submitted 自评 nor a 抽评
    /// score are listed as missing.
    public func results(_ campaignID: Int) async throws -> CampaignResults {
        try await results(campaign: try await campaign(campaignID), on: database.sql)
    }

    func results(campaign: AssessmentCampaign, on db: any SQLDatabase) async throws -> CampaignResults {
        guard let stored = try await AssessmentRepository(db).scheme(campaign.schemeID) else {
            throw DomainError(.notFound, field: "scheme", "指标体系 \(campaign.schemeID) 不存在")
        }
        let tree = try await UnitRepository(db).tree()
        let entries = try await AssessmentRepository(db).entries(campaign: campaign.id)
        var scores: [(unit: String, score: AssessmentScore)] = []
        var missing: [String] = []
        for entry in entries {
            if let facts = entry.finalFacts {
                scores.append((entry.unitCode, try AssessmentScoring.score(stored.scheme, facts: facts)))
            } else {
                missing.append(entry.unitCode)
            }
        }
        let ranked = AssessmentRanking.rank(scores, scheme: stored.scheme, failedLastYear: try await failedLastYear(before: campaign.year, on: db))
        let names = tree.units.mapValues(\.name)
        let issuer = tree.units.values.first { $0.parentCode == nil }.map { "\($0.name)办公室" } ?? "县政务公开办"
        let circular = campaign.approvedOn.map { approvedOn in
            AssessmentCircular.make(
                year: campaign.year, issuer: issuer, entries: ranked, scheme: stored.scheme, names: names, noticeOn: approvedOn,
                rectificationDue: campaign.rectificationDue!, spotChecked: entries.filter { $0.spotScoredOn != nil }.count,
                unsubmitted: entries.filter(\.defaulted).map(\.unitCode))
        }
        return CampaignResults(
            campaign: campaign, scheme: stored, entries: ranked, drawn: Set(entries.filter(\.drawn).map(\.unitCode)),
            defaulted: Set(entries.filter(\.defaulted).map(\.unitCode)), missing: missing, names: names, circular: circular)
    }

    /// Units graded lowest in the previous year's approved campaign.
    func failedLastYear(before year: Int, on db: any SQLDatabase) async throws -> Set<String> {
        guard let previous = try await AssessmentRepository(db).campaign(year: year - 1), previous.approvedOn != nil,
            let stored = try await AssessmentRepository(db).scheme(previous.schemeID)
        else { return [] }
        let entries = try await AssessmentRepository(db).entries(campaign: previous.id)
        let scores = try entries.compactMap { entry in
            try entry.finalFacts.map { (unit: entry.unitCode, score: try AssessmentScoring.score(stored.scheme, facts: $0)) }
        }
        return Set(
            AssessmentRanking.rank(scores, scheme: stored.scheme, failedLastYear: []).filter { $0.grade == stored.scheme.lowestGrade }.map(\.unitCode)
        )
    }

    /// The office approves the results: every unit must have a final score. The approval date is
    /// the 通报 date; each lowest-graded unit gets one 整改 task per deduction, due 1 month later.
    public func approve(_ campaignID: Int, by staff: StaffIdentity) async throws -> CampaignResults {
        try Self.requireOffice(staff, "审定考核结果")
        var campaign = try await campaign(campaignID)
        guard campaign.approvedOn == nil else { throw DomainError(.conflict, field: "campaign", "考核结果已于 \(campaign.approvedOn!) 审定") }
        guard today > campaign.selfDue else { throw DomainError(.conflict, field: "campaign", "自评截止（\(campaign.selfDue.chineseText)）之前不能审定结果") }
        // Units with neither a 自评 nor a 抽评 score are scored by the rule for missing 自评, frozen now.
        let scheme = try await scheme(campaign.schemeID).scheme
        var defaulted: [CampaignEntry] = []
        for var entry in try await AssessmentRepository(database.sql).entries(campaign: campaignID) where entry.finalFacts == nil {
            let metrics = try await AssessmentMetrics(database: database, clock: clock).values(unit: entry.unitCode, year: campaign.year)
            entry.selfFacts = CampaignEntry.unsubmittedFacts(scheme: scheme, metricFacts: AssessmentMetrics.facts(for: scheme, from: metrics))
            entry.defaulted = true
            defaulted.append(entry)
        }
        try await requireScored(scheme: scheme, entries: AssessmentRepository(database.sql).entries(campaign: campaignID), defaulted: defaulted)
        campaign.approvedOn = today
        campaign.approvedBy = staff.username
        let due = campaign.rectificationDue!
        let lowest = scheme.lowestGrade
        let now = clock.now()
        let approved = campaign
        let frozen = defaulted
        try await database.change(by: .staff(staff), at: now) { db in
            try await AssessmentRepository(db).updateCampaign(approved, at: now)
            for entry in frozen { try await AssessmentRepository(db).updateEntry(entry, at: now) }
            let records = AssessmentRecordRepository(db)
            var tasks = 0
            let pending = try await results(campaign: approved, on: db)
            for entry in pending.entries where entry.grade == lowest {
                for problem in entry.score.problemsByArea {
                    _ = try await records.insertTask(campaign: campaignID, unit: entry.unitCode, problem: problem, due: due, at: now)
                    tasks += 1
                }
            }
            return (
                (),
                AuditEvent(
                    "assessment.approve", target: "campaign:\(campaignID)",
                    ["units": "\(pending.entries.count)", "defaulted": "\(frozen.count)", "tasks": "\(tasks)"])
            )
        }
        return try await results(campaignID)
    }

    /// Issue 18 §10: no unit's result may rest on a manual or rate leaf nobody scored (it would
    /// count full marks silently). The assessor designates the unit for 抽评 and scores the leaf or
    /// marks it 不适用 there.
    func requireScored(scheme: AssessmentScheme, entries: [CampaignEntry], defaulted: [CampaignEntry]) throws {
        let frozen = Dictionary(defaulted.map { ($0.unitCode, $0) }, uniquingKeysWith: { first, _ in first })
        var problems: [String] = []
        for entry in entries {
            guard let facts = (frozen[entry.unitCode] ?? entry).finalFacts else { continue }
            let score = try AssessmentScoring.score(scheme, facts: facts)
            if !score.unscoredLeaves.isEmpty { problems.append("\(entry.unitCode)：\(score.unscoredText)") }
        }
        guard problems.isEmpty else {
            throw DomainError(
                .conflict, field: "campaign",
                "以下单位有指标尚未评分，不能审定：" + problems.prefix(5).joined(separator: "；") + (problems.count > 5 ? "等 \(problems.count) 个单位" : "")
                    + "。请在抽评中指定这些单位，评分或标记不适用")
        }
    }

    /// Publishes the approved results and the 通报 on the portal `/assessments`.
    public func publish(_ campaignID: Int, by staff: StaffIdentity) async throws {
        try Self.requireOffice(staff, "发布考核通报")
        var campaign = try await campaign(campaignID)
        guard campaign.approvedOn != nil else { throw DomainError(.conflict, field: "campaign", "考核结果尚未审定，不能发布通报") }
        guard campaign.publishedOn == nil else { throw DomainError(.conflict, field: "campaign", "通报已于 \(campaign.publishedOn!) 发布") }
        campaign.publishedOn = today
        campaign.publishedBy = staff.username
        let now = clock.now()
        let published = campaign
        try await database.change(by: .staff(staff), at: now) { db in
            try await AssessmentRepository(db).updateCampaign(published, at: now)
            try await ChangeMarker.bump(on: db)
            return ((), AuditEvent("assessment.publish", target: "campaign:\(campaignID)", ["year": "\(published.year)"]))
        }
    }

    /// Published campaigns for the portal.
    public func published() async throws -> [AssessmentCampaign] { try await AssessmentRepository(database.sql).campaigns(publishedOnly: true) }

    // MARK: 整改

    /// The office adds a task for any unit with a listed problem, due 1 month after the 通报.
    public func addTask(_ campaignID: Int, unit: String, problem: String, by staff: StaffIdentity) async throws -> Int {
        try Self.requireOffice(staff, "布置整改任务")
        let campaign = try await campaign(campaignID)
        guard let due = campaign.rectificationDue else { throw DomainError(.conflict, field: "campaign", "考核结果审定后才能布置整改任务") }
        _ = try await entryInScope(campaignID, unit: unit, staff: staff)
        let text = try FieldText.text(problem, field: "problem", label: "存在问题", limit: 1000)
        let now = clock.now()
        return try await database.change(by: .staff(staff), at: now) { db in
            let id = try await AssessmentRecordRepository(db).insertTask(campaign: campaignID, unit: unit, problem: text, due: due, at: now)
            return (id, AuditEvent("rectification.create", target: "rectification:\(id)", ["unit": unit, "due": due.description]))
        }
    }

    public func tasks(visibleTo staff: StaffIdentity, campaign: Int? = nil) async throws -> [RectificationTask] {
        let tree = try await UnitRepository(database.sql).tree()
        return try await AssessmentRecordRepository(database.sql).tasks(campaign: campaign, units: staff.unitsInScope(of: tree))
    }

    /// The unit reports what it fixed, with evidence.
    public func submitTask(_ id: Int, report: String, file: (name: String, bytes: [UInt8])?, store: (any FileStore)?, by staff: StaffIdentity)
        async throws
    {
        var task = try await taskInScope(id, staff: staff)
        let tree = try await UnitRepository(database.sql).tree()
        guard staff.canHandle(unit: task.unitCode, in: tree) else {
            throw DomainError(.forbidden, field: "unit", "整改情况由被考核单位报送")
        }
        guard task.state != .closed else { throw DomainError(.conflict, field: "state", "整改任务已销号") }
        task.report = try FieldText.text(report, field: "report", label: "整改情况", limit: 5000)
        if let file, let kept = try store?.keep(name: file.name, bytes: file.bytes) { task.file = kept }
        task.state = .submitted
        task.submittedOn = today
        let now = clock.now()
        let updated = task
        try await database.change(by: .staff(staff), at: now) { db in
            try await AssessmentRecordRepository(db).updateTask(updated, at: now)
            return ((), AuditEvent("rectification.submit", target: "rectification:\(id)", ["unit": updated.unitCode]))
        }
    }

    /// The office accepts the reported rectification (销号) or sends it back.
    public func reviewTask(_ id: Int, accept: Bool, by staff: StaffIdentity) async throws {
        try Self.requireOffice(staff, "验收整改")
        var task = try await taskInScope(id, staff: staff)
        guard task.state == .submitted else { throw DomainError(.conflict, field: "state", "单位尚未报送整改情况") }
        if accept {
            task.state = .closed
            task.closedOn = today
            task.closedBy = staff.username
        } else {
            task.state = .open
        }
        let now = clock.now()
        let updated = task
        try await database.change(by: .staff(staff), at: now) { db in
            try await AssessmentRecordRepository(db).updateTask(updated, at: now)
            return (
                (), AuditEvent(accept ? "rectification.close" : "rectification.return", target: "rectification:\(id)", ["unit": updated.unitCode])
            )
        }
    }

    func taskInScope(_ id: Int, staff: StaffIdentity) async throws -> RectificationTask {
        let tree = try await UnitRepository(database.sql).tree()
        guard let task = try await AssessmentRecordRepository(database.sql).task(id), staff.canSee(unit: task.unitCode, in: tree) else {
            throw DomainError(.notFound, field: "id", "整改任务 \(id) 不存在")
        }
        return task
    }
}

/// A campaign's ranking, with the 通报 once approved.
public struct CampaignResults: Sendable {
    public let campaign: AssessmentCampaign
    public let scheme: StoredScheme
    public let entries: [AssessmentRanking.Entry]
    public let drawn: Set<String>
    /// Scored by the rule for a missing 自评.
    public let defaulted: Set<String>
    /// Not yet scored (before approval).
    public let missing: [String]
    public let names: [String: String]
    public let circular: AssessmentCircular?
}
