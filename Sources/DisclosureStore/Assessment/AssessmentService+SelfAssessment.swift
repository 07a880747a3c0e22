import DisclosureCore
import Foundation
import SQLKit

/// 自评 (seeds/002 四(一)): the unit enters facts for the indicators the platform cannot measure,
/// attaches evidence and submits its written 自查自评报告 by the deadline; after it only under an
/// exception the office recorded.
extension AssessmentService {
    /// Saves the draft: entered facts (metric leaves are computed, never entered) and the report.
    public func saveSelf(_ campaignID: Int, unit: String, facts: AssessmentFacts, report: String, by staff: StaffIdentity) async throws {
        let (campaign, entry, scheme) = try await selfContext(campaignID, unit: unit, staff: staff)
        guard entry.selfSubmittedOn == nil else { throw DomainError(.conflict, field: "campaign", "自评已提交，不能再修改") }
        let checked = try facts.validated(against: scheme)
        for id in checked.values.keys.sorted() where scheme.indicator(id)?.rule?.metric != nil {
            throw DomainError.invalid("facts.\(id)", "指标 \(id) 由平台根据记录自动计算，不能填写；如数据有误请补录相应记录")
        }
        let text = try FieldText.text(report, field: "report", label: "自查自评报告", limit: 20000, required: false)
        let now = clock.now()
        try await database.change(by: .staff(staff), at: now) { db in
            var updated = entry
            updated.selfFacts = checked
            updated.selfReport = text
            try await AssessmentRepository(db).updateEntry(updated, at: now)
            return ((), AuditEvent("assessment.self.save", target: "campaign:\(campaign.id)", ["unit": unit, "facts": "\(checked.values.count)"]))
        }
    }

    /// Submits the 自评: the written report is required; the platform's metrics are frozen with it.
    public func submitSelf(_ campaignID: Int, unit: String, by staff: StaffIdentity) async throws {
        let (campaign, entry, scheme) = try await selfContext(campaignID, unit: unit, staff: staff)
        guard entry.selfSubmittedOn == nil else { throw DomainError(.conflict, field: "campaign", "自评已于 \(entry.selfSubmittedOn!) 提交") }
        guard entry.selfReport.trimmingCharacters(in: .whitespacesAndNewlines).count >= 20 else {
            throw DomainError.invalid("report", "请先填写自查自评报告（不少于 20 字）再提交")
        }
        let metrics = try await AssessmentMetrics(database: database, clock: clock).values(unit: unit, year: campaign.year)
        let frozen = Self.merge(entry.selfFacts, metrics: metrics, scheme: scheme)
        let score = try AssessmentScoring.score(scheme, facts: frozen)
        // Issue 18 §10: a manual or rate leaf the unit must score is never submitted blank (it
        // would count full marks). Leaves the platform measures are the assessors' to settle.
        let blank = score.unscoredLeaves.filter { scheme.indicator($0.id)?.rule?.metric == nil }
        if let first = blank.first {
            throw DomainError.invalid(
                "facts.\(first.id)", "以下指标尚未评分：" + blank.map { "\($0.id)「\($0.name)」" }.joined(separator: "、") + "。请填写得分，或填「不适用」后再提交")
        }
        let now = clock.now()
        let day = today
        try await database.change(by: .staff(staff), at: now) { db in
            var updated = entry
            updated.selfFacts = frozen
            updated.selfSubmittedOn = day
            updated.selfSubmittedBy = staff.username
            try await AssessmentRepository(db).updateEntry(updated, at: now)
            return (
                (),
                AuditEvent(
                    "assessment.self.submit", target: "campaign:\(campaign.id)", ["unit": unit, "total": "\(score.total)", "grade": score.grade])
            )
        }
    }

    /// Adds evidence for a leaf: by the unit during 自评 (after the deadline only under an
    /// exception, and marked so), or by an assessor during 抽评.
    public func addEvidence(
        _ campaignID: Int, unit: String, indicator: String, note: String, file: (name: String, bytes: [UInt8])?, store: (any FileStore)?,
        by staff: StaffIdentity
    ) async throws -> Int {
        let campaign = try await campaign(campaignID)
        let scheme = try await scheme(campaign.schemeID).scheme
        guard scheme.indicator(indicator)?.isLeaf == true else {
            throw DomainError.invalid("indicator", "指标 \(indicator) 不是本次考核指标体系的末级指标")
        }
        let stage: String
        var underException = false
        if staff.role == .assessor || staff.role == .office {
            try campaign.requireOpen()
            _ = try await entryInScope(campaignID, unit: unit, staff: staff)
            stage = "抽评"
        } else {
            _ = try await selfContext(campaignID, unit: unit, staff: staff)
            underException = today > campaign.selfDue
            stage = "自评"
        }
        let text = try FieldText.text(note, field: "note", label: "佐证说明", limit: 2000, required: file == nil || file?.bytes.isEmpty == true)
        let storedFile = try file.flatMap { file in try store?.keep(name: file.name, bytes: file.bytes) }
        let now = clock.now()
        let day = today
        let late = underException
        return try await database.change(by: .staff(staff), at: now) { db in
            let id = try await AssessmentRecordRepository(db).insertEvidence(
                campaign: campaignID, unit: unit, indicator: indicator, stage: stage, note: text, file: storedFile, underException: late,
                by: staff.username, on: day, at: now)
            return (
                id,
                AuditEvent(
                    "assessment.evidence.add", target: "campaign:\(campaignID)",
                    ["unit": unit, "indicator": indicator, "stage": stage, "underException": late ? "是" : "否"])
            )
        }
    }

    /// The office's recorded exception: the unit may add to its 自评 until `until`.
    public func grantException(_ campaignID: Int, unit: String, until: CivilDate, reason: String, by staff: StaffIdentity) async throws {
        try Self.requireOffice(staff, "登记延期例外")
        let campaign = try await campaign(campaignID)
        try campaign.requireOpen()
        _ = try await entryInScope(campaignID, unit: unit, staff: staff)
        guard until >= today, until <= campaign.spotTo else {
            throw DomainError.invalid("until", "例外截止日期应在今天到抽评结束（\(campaign.spotTo.chineseText)）之间")
        }
        let text = try FieldText.line(reason, field: "reason", label: "例外理由", limit: 200)
        let now = clock.now()
        try await database.change(by: .staff(staff), at: now) { db in
            try await AssessmentRecordRepository(db).insertException(
                campaign: campaignID, unit: unit, until: until, reason: text, by: staff.username, at: now)
            return (
                (),
                AuditEvent(
                    "assessment.exception.grant", target: "campaign:\(campaignID)", ["unit": unit, "until": until.description, "reason": text])
            )
        }
    }

    /// The unit's editors and reviewers, inside the 自评 window (or an exception).
    func selfContext(_ campaignID: Int, unit: String, staff: StaffIdentity) async throws -> (
        AssessmentCampaign, CampaignEntry, AssessmentScheme
    ) {
        let campaign = try await campaign(campaignID)
        let tree = try await UnitRepository(database.sql).tree()
        guard staff.canHandle(unit: unit, in: tree) else {
            throw DomainError(.forbidden, field: "unit", "自评由被考核单位自己填写和提交")
        }
        let entry = try await entryInScope(campaignID, unit: unit, staff: staff)
        let exception = try await AssessmentRecordRepository(database.sql).exception(campaign: campaignID, unit: unit)
        try campaign.checkSelfWindow(today: today, exceptionUntil: exception?.until)
        return (campaign, entry, try await scheme(campaign.schemeID).scheme)
    }

    func entryInScope(_ campaignID: Int, unit: String, staff: StaffIdentity) async throws -> CampaignEntry {
        let tree = try await UnitRepository(database.sql).tree()
        guard staff.canSee(unit: unit, in: tree), let entry = try await AssessmentRepository(database.sql).entry(campaign: campaignID, unit: unit)
        else {
            throw DomainError(.notFound, field: "unit", "单位 \(unit) 不在本次考核范围内")
        }
        return entry
    }
}
