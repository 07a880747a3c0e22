import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Testing

@Suite("The demo county's 2025 assessment from 自评 to 通报 and 整改 (SQLite and PostgreSQL)")
struct AssessmentDemoTests {
    static let office = StaffIdentity(userID: 0, username: "office", role: .office, unitCode: "ZFB")

    @Test("metrics with their records, 自评 against 抽评, ranking, the 通报 and a closed 整改", arguments: TestDatabase.kinds)
    func campaign(kind: TestDatabase) async throws {
        try await kind.with { database in
            _ = try await DemoCounty.load(into: database, clock: FixedClock(), hasher: PasswordHasher(cost: 4), fixedPassword: "Demo2026password")
            let service = AssessmentService(database: database, clock: FixedClock())
            let campaign = try #require(try await service.campaigns().first { $0.year == 2025 })
            #expect(campaign.phase(today: CivilDate(iso: "2026-11-20")!) == .published)
            #expect(campaign.drawSeed == 20_251_211)
            #expect(campaign.approvedOn == CivilDate(iso: "2025-12-28"))
            #expect(campaign.rectificationDue == CivilDate(iso: "2026-01-28"))

            let czj = try await service.unitView(campaign.id, unit: "CZJ", visibleTo: Self.office)
            #expect(czj.metrics[.leadershipMeetings]?.fact == .count(2))
            #expect(czj.metrics[.leadershipMeetings]?.evidence.count == 2)
            #expect(czj.metrics[.halfYearSummary]?.evidence == ["2025-07-20 报送「2025年上半年政务公开工作总结」（规定 2025-07-15 前，逾期）"])
            #expect(czj.metrics[.annualReportFiledOnTime]?.evidence == ["2024年度报告应于 2025-01-31 前报送，尚未报送，逾期 334 天"])
            // 自评: −4 meetings, −2 half-year summary, −3 −3 for the 2024 report the platform has no record of, +1 bonus.
            #expect(czj.selfScore.total == 89)
            #expect(czj.entry.selfSubmittedOn == CivilDate(iso: "2025-12-08"))
            // 抽评: the report was filed on paper on time (2.5, 2.6), the notice board is behind (2.2 −1).
            #expect(czj.spotScore?.total == 94)
            #expect(czj.spotScore?.grade == "优秀")
            #expect(czj.differences == ["2.2", "2.5", "2.6"])
            #expect(czj.checks.map(\.record.method) == [.documents, .forum])
            #expect(czj.checks[1].record.participants == 8)
            #expect(czj.evidence.map(\.indicatorID) == ["1.6", "4.1"])
            #expect(czj.entry.drawReason.hasPrefix("指定抽评"))

            let results = try await service.results(campaign.id)
            #expect(results.entries.map(\.unitCode) == ["CZJ", "JYJ", "FGJ", "MZJ"])
            #expect(results.entries.map(\.score.total) == [94, 94, 56, 36])
            #expect(results.entries.map(\.rank) == [1, 1, 3, 4])
            #expect(results.entries.map(\.grade) == ["优秀", "优秀", "不合格", "不合格"])
            #expect(results.drawn == ["CZJ", "JYJ", "FGJ"])
            #expect(results.defaulted == ["MZJ"])
            let circular = try #require(results.circular).paragraphs.joined(separator: "\n")
            #expect(circular.contains("一、优秀等次（2 个）：示范县财政局（94 分）、示范县教育局（94 分）。"))
            #expect(circular.contains("二、不合格等次（2 个）：示范县发展和改革局（56 分）、示范县民政局（36 分）。"))
            #expect(circular.contains("示范县民政局未按要求提交自查自评报告"))
            #expect(circular.contains("1 个月内（2026年1月28日前）完成整改"))

            let tasks = try await service.tasks(visibleTo: Self.office, campaign: campaign.id)
            #expect(tasks.filter { $0.unitCode == "FGJ" }.count == 3)
            #expect(tasks.filter { $0.unitCode == "MZJ" }.count == 3)
            let closed = try #require(tasks.first { $0.unitCode == "CZJ" })
            #expect(closed.state == .closed)
            #expect(closed.closedOn == CivilDate(iso: "2026-01-20"))
            #expect(closed.submittedOn == CivilDate(iso: "2026-01-15"))
            #expect(
                tasks.filter { $0.isOverdue(today: CivilDate(iso: "2026-11-20")!) }.map(\.unitCode) == ["FGJ", "FGJ", "FGJ", "MZJ", "MZJ", "MZJ"])
            #expect(try await service.published().map(\.year) == [2025])

            let current = try #require(try await service.campaigns().first { $0.year == 2026 })
            #expect(current.phase(today: CivilDate(iso: "2026-11-20")!) == .selfAssessment)
            let audit = try await database.sql.select().column("action").from("audit_log").where("action", .like, "assessment.%").all()
                .map { try $0.decode(column: "action", as: String.self) }
            #expect(audit.contains("assessment.self.submit"))
            #expect(audit.contains("assessment.draw"))
            #expect(audit.contains("assessment.publish"))
        }
    }
}
