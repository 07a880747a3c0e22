import DisclosureCore
import Foundation
import SQLKit

/// 抽评 (seeds/002 四(二)): assessors draw units at random with a recorded seed (or choose them),
/// record each method used, and settle each drawn unit's facts.
extension AssessmentService {
    /// Draws `count` units at random. The seed is recorded on the campaign so the draw can be
    /// re-run by anyone; one random draw per campaign.
    public func draw(_ campaignID: Int, count: Int, seed: UInt64?, by staff: StaffIdentity) async throws -> [String] {
        try Self.requireAssessor(staff, "抽取被抽评单位")
        var campaign = try await campaign(campaignID)
        try campaign.requireOpen()
        guard campaign.drawSeed == nil else { throw DomainError(.conflict, field: "seed", "本次考核已随机抽取过（种子 \(campaign.drawSeed!)），不能重抽") }
        let entries = try await AssessmentRepository(database.sql).entries(campaign: campaignID)
        guard (1...entries.count).contains(count) else { throw DomainError.invalid("count", "抽取数量须在 1 到 \(entries.count) 之间") }
        let usedSeed = seed ?? UInt64.random(in: 1...9_999_999_999)
        let drawn = SpotCheckDraw.draw(from: entries.map(\.unitCode), count: count, seed: usedSeed)
        campaign.drawSeed = usedSeed
        let now = clock.now()
        let final = campaign
        try await database.change(by: .staff(staff), at: now) { db in
            let repository = AssessmentRepository(db)
            try await repository.updateCampaign(final, at: now)
            for var entry in entries where drawn.contains(entry.unitCode) && !entry.drawn {
                entry.drawn = true
                entry.drawReason = "随机抽取（种子 \(usedSeed)）"
                try await repository.updateEntry(entry, at: now)
            }
            return (
                (),
                AuditEvent(
                    "assessment.draw", target: "campaign:\(campaignID)",
                    ["seed": "\(usedSeed)", "count": "\(count)", "units": drawn.joined(separator: ",")])
            )
        }
        return drawn
    }

    /// Adds a unit to the 抽评 by choice, with the reason.
    public func choose(_ campaignID: Int, unit: String, reason: String, by staff: StaffIdentity) async throws {
        try Self.requireAssessor(staff, "指定被抽评单位")
        let campaign = try await campaign(campaignID)
        try campaign.requireOpen()
        var entry = try await entryInScope(campaignID, unit: unit, staff: staff)
        guard !entry.drawn else { throw DomainError(.conflict, field: "unit", "\(unit) 已在抽评名单中") }
        let text = try FieldText.line(reason, field: "reason", label: "指定理由", limit: 200)
        entry.drawn = true
        entry.drawReason = "指定抽评：\(text)"
        let now = clock.now()
        let updated = entry
        try await database.change(by: .staff(staff), at: now) { db in
            try await AssessmentRepository(db).updateEntry(updated, at: now)
            return ((), AuditEvent("assessment.choose", target: "campaign:\(campaignID)", ["unit": unit, "reason": text]))
        }
    }

    /// Records one method used on a drawn unit; a 座谈会's size is checked against the unit's kind.
    public func recordCheck(
        _ campaignID: Int, unit: String, record: SpotCheckRecord, file: (name: String, bytes: [UInt8])?, store: (any FileStore)?,
        by staff: StaffIdentity
    ) async throws -> Int {
        try Self.requireAssessor(staff, "记录抽评")
        let campaign = try await campaign(campaignID)
        try campaign.requireOpen()
        let entry = try await entryInScope(campaignID, unit: unit, staff: staff)
        guard entry.drawn else { throw DomainError(.conflict, field: "unit", "\(unit) 不在抽评名单中，请先抽取或指定") }
        let kind = try await UnitRepository(database.sql).tree().units[unit]?.kind ?? .other
        let checked = try record.validated(unitKind: kind, today: today)
        let storedFile = try file.flatMap { file in try store?.keep(name: file.name, bytes: file.bytes) }
        let now = clock.now()
        return try await database.change(by: .staff(staff), at: now) { db in
            let id = try await AssessmentRecordRepository(db).insertCheck(
                campaign: campaignID, unit: unit, record: checked, file: storedFile, by: staff.username, at: now)
            return (
                id,
                AuditEvent(
                    "assessment.check.record", target: "campaign:\(campaignID)",
                    ["unit": unit, "method": checked.method.rawValue, "participants": checked.participants.map(String.init) ?? ""])
            )
        }
    }

    /// Settles a drawn unit's 抽评 facts: the 自评 (or the live metrics) overlaid with what the
    /// assessors found. Needs at least one recorded method.
    public func scoreSpot(_ campaignID: Int, unit: String, facts: AssessmentFacts, notes: String, by staff: StaffIdentity) async throws
        -> AssessmentScore
    {
        try Self.requireAssessor(staff, "抽评打分")
        let campaign = try await campaign(campaignID)
        try campaign.requireOpen()
        var entry = try await entryInScope(campaignID, unit: unit, staff: staff)
        guard entry.drawn else { throw DomainError(.conflict, field: "unit", "\(unit) 不在抽评名单中，请先抽取或指定") }
        guard !(try await AssessmentRecordRepository(database.sql).checks(campaign: campaignID, unit: unit)).isEmpty else {
            throw DomainError(.conflict, field: "checks", "请先记录至少一种抽评方式（汇报会、实地查看、座谈会、个别访谈或查阅资料）")
        }
        let scheme = try await scheme(campaign.schemeID).scheme
        _ = try facts.validated(against: scheme)
        var base = entry.selfFacts
        if entry.selfSubmittedOn == nil {
            let metrics = try await AssessmentMetrics(database: database, clock: clock).values(unit: unit, year: campaign.year)
            base = Self.merge(entry.selfFacts, metrics: metrics, scheme: scheme)
        }
        for (id, fact) in facts.values { base[id] = fact }
        let score = try AssessmentScoring.score(scheme, facts: base)
        if let first = score.unscoredLeaves.first {
            throw DomainError.invalid("facts.\(first.id)", "以下指标尚未评分：\(score.unscoredText)。请评分或填「不适用」")
        }
        entry.spotFacts = base
        entry.spotNotes = try FieldText.text(notes, field: "notes", label: "抽评意见", limit: 5000, required: false)
        entry.spotScoredOn = today
        entry.spotScoredBy = staff.username
        let now = clock.now()
        let updated = entry
        try await database.change(by: .staff(staff), at: now) { db in
            try await AssessmentRepository(db).updateEntry(updated, at: now)
            return (
                (),
                AuditEvent(
                    "assessment.spot.score", target: "campaign:\(campaignID)", ["unit": unit, "total": "\(score.total)", "grade": score.grade])
            )
        }
        return score
    }
}
