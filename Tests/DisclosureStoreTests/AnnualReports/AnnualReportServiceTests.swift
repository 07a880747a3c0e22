import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Testing

@Suite("Annual reports through the service: edit, file, return, publish, frozen tables, legacy import (SQLite and PostgreSQL)")
struct AnnualReportServiceTests {
    static let legacy = """
        单位编码,原编号,申请人类型,收到申请日期,答复日期,办理结果
        CZJ,L-1,自然人,2025-02-03,2025-02-20,r3.1
        CZJ,L-2,商业企业,2025-03-03,2025-03-25,（二）部分公开（区分处理的，只计这一情形，不计其他情形）
        CZJ,L-3,其他,2025-12-29,,
        """

    @Test("a unit's report from draft to published, with every refusal naming its field", arguments: TestDatabase.kinds)
    func lifecycle(kind: TestDatabase) async throws {
        try await kind.with { database in
            let fixture = try await PublishingFixture(database)
            let service = AnnualReportService(database: database, clock: fixture.clock)
            let imported = try await service.importLegacy(Self.legacy, by: fixture.editor)
            #expect(imported.imported == 3)
            #expect(imported.errors.isEmpty)

            let draft = try await service.report(unit: "CZJ", year: 2025, visibleTo: fixture.editor)
            #expect(draft.record.status == .draft)
            #expect(draft.isLive)
            #expect(draft.checks.isEmpty)
            #expect(draft.tables.requests.row("r1")?.values == [1, 1, 0, 0, 0, 1, 3])
            #expect(draft.tables.requests.row("r3.2")?.values == [0, 1, 0, 0, 0, 0, 1])
            #expect(draft.tables.requests.row("r4")?.values == [0, 0, 0, 0, 0, 1, 1])
            #expect(draft.deadlines.filing == CivilDate(iso: "2026-01-31"))
            #expect(draft.filingDaysLate == 293)

            var narrative = try await service.prefilledNarrative(unit: "CZJ", year: 2025, visibleTo: fixture.editor)
            #expect(narrative[.requests].contains("新收政府信息公开申请3件"))
            narrative[.problems] = String(repeating: "长", count: 5001)
            await #expect(throws: DomainError.invalid("narrative.problems", "「五、存在的主要问题及改进情况」不能超过 5000 字（现 5001 字）")) {
                try await service.saveNarrative(unit: "CZJ", year: 2025, narrative, by: fixture.editor)
            }
            narrative[.problems] = "公开解读不够。"
            try await service.saveNarrative(unit: "CZJ", year: 2025, narrative, by: fixture.editor)
            await #expect(throws: DomainError(.forbidden, field: "unit", "无权编辑 CZJ 的年度报告")) {
                try await service.saveNarrative(unit: "CZJ", year: 2025, narrative, by: fixture.otherEditor)
            }
            await #expect(throws: DomainError.invalid("entered.penalty.0", "表二「行政处罚·本年处理决定数量」应为不小于 0 的整数")) {
                try await service.saveEntered(unit: "CZJ", year: 2025, ["penalty.0": Decimal(string: "2.5")!], by: fixture.editor)
            }
            await #expect(throws: DomainError.invalid("entered.nothing.0", "表二没有「nothing.0」这一格")) {
                try await service.saveEntered(unit: "CZJ", year: 2025, ["nothing.0": 1], by: fixture.editor)
            }
            try await service.saveEntered(unit: "CZJ", year: 2025, ["penalty.0": 4, "fees.0": Decimal(string: "0.35")!], by: fixture.editor)
            let entered = try await service.report(unit: "CZJ", year: 2025, visibleTo: fixture.editor)
            #expect(entered.tables.active.value("penalty.0") == 4)
            #expect(entered.tables.active.enteredKeys == ["penalty.0", "fees.0"])

            await #expect(throws: DomainError(.forbidden, field: "status", "年度报告须由本单位审核人报送")) {
                try await service.file(unit: "CZJ", year: 2025, by: fixture.editor)
            }
            await #expect(throws: DomainError(.conflict, field: "year", "2026 年度尚未结束，年度报告不能报送或发布")) {
                try await service.file(unit: "CZJ", year: 2026, by: fixture.reviewer)
            }
            await #expect(throws: DomainError(.conflict, field: "status", "报告须先由单位报送才能发布（当前为「草稿」）")) {
                try await service.publish(unit: "CZJ", year: 2025, by: fixture.office)
            }
            try await service.file(unit: "CZJ", year: 2025, by: fixture.reviewer)
            await #expect(throws: DomainError(.conflict, field: "status", "报告已「已报送」，不能修改；如需修改请由政务公开办退回")) {
                try await service.saveNarrative(unit: "CZJ", year: 2025, narrative, by: fixture.editor)
            }

            // A record added after filing does not change the filed figures.
            _ = try await service.importLegacy("unit,reference,applicantKind,receivedOn\nCZJ,L-4,自然人,2025-06-01", by: fixture.editor)
            let filed = try await service.report(unit: "CZJ", year: 2025, visibleTo: fixture.office)
            #expect(
                !filed.isLive && filed.tables.requests.row("r1")?.values == [1, 1, 0, 0, 0, 1, 3] && filed.record.filedOn == PublishingFixture.today)

            await #expect(throws: DomainError.invalid("reason", "请写明退回修改的理由（2–500 字）")) {
                try await service.returnForRevision(unit: "CZJ", year: 2025, reason: "", by: fixture.office)
            }
            await #expect(throws: DomainError(.forbidden, field: "status", "只有政务公开办可以退回年度报告")) {
                try await service.returnForRevision(unit: "CZJ", year: 2025, reason: "请补充", by: fixture.reviewer)
            }
            try await service.returnForRevision(unit: "CZJ", year: 2025, reason: "请补充监督保障情况", by: fixture.office)
            let returned = try await service.report(unit: "CZJ", year: 2025, visibleTo: fixture.editor)
            #expect(returned.record.status == .returned)
            #expect(returned.isLive)
            #expect(returned.tables.requests.row("r1")?.values == [2, 1, 0, 0, 0, 1, 4])
            try await service.file(unit: "CZJ", year: 2025, by: fixture.reviewer)
            try await service.publish(unit: "CZJ", year: 2025, by: fixture.office)
            let published = try #require(try await service.publishedReport(unit: "CZJ", year: 2025))
            #expect(published.record.publishedOn == PublishingFixture.today)
            #expect(published.tables.requests.value("r1") == 4)
            #expect(try await service.publishedReport(unit: "JYJ", year: 2025) == nil)

            let actions = try await database.sql.select().column("action").from("audit_log").where("target", .equal, "report:CZJ:2025").all()
                .map { try $0.decode(column: "action", as: String.self) }
            #expect(actions == ["report.narrative", "report.entered", "report.file", "report.return", "report.file", "report.publish"])
        }
    }

    @Test("a legacy file with any bad row imports nothing; scope and repeats are row errors", arguments: TestDatabase.kinds)
    func legacyRefusals(kind: TestDatabase) async throws {
        try await kind.with { database in
            let fixture = try await PublishingFixture(database)
            let service = AnnualReportService(database: database, clock: fixture.clock)
            let bad = Self.legacy + "\nCZJ,L-9,自然人,2025-01-01,2025-01-05,r7\nJYJ,J-1,自然人,2025-01-01,,"
            let refused = try await service.importLegacy(bad, by: fixture.editor)
            #expect(refused.imported == 0)
            #expect(
                refused.errors.map(\.description) == [
                    "第 5 行「办理结果」：「r7」不是年度报告表三的办理结果（如 r3.1、r3.2、r3.3.4）", "第 6 行「单位编码」：无权为 JYJ 导入",
                ])
            let rows = try await database.sql.select().column("id").from("legacy_requests").all()
            #expect(rows.isEmpty)
            _ = try await service.importLegacy(Self.legacy, by: fixture.editor)
            let again = try await service.importLegacy(Self.legacy, by: fixture.office)
            #expect(again.errors.first?.description == "第 2 行「原编号」：L-1 已导入过")
            #expect(again.imported == 0)
        }
    }

    @Test("a unit with no records gets an empty, valid report; the county government publishes its own directly", arguments: TestDatabase.kinds)
    func emptyAndCounty(kind: TestDatabase) async throws {
        try await kind.with { database in
            let fixture = try await PublishingFixture(database)
            let service = AnnualReportService(database: database, clock: fixture.clock)
            let empty = try await service.report(unit: "JYJ", year: 2024, visibleTo: fixture.office)
            #expect(empty.isEmpty)
            #expect(empty.checks.isEmpty)
            #expect(empty.tables.requests.rows.count == 25)
            let trial = try await service.report(unit: "JYJ", year: 2020, visibleTo: fixture.office)
            #expect(trial.format == .trial2019)
            #expect(trial.tables.requests.rows.count == 23)
            #expect(trial.tables.active.blocks.count == 5)
            await #expect(throws: DomainError.invalid("year", "年度应在 2019 至 2026 之间")) {
                _ = try await service.report(unit: "JYJ", year: 2018, visibleTo: fixture.office)
            }
            await #expect(throws: DomainError(.forbidden, field: "unit", "无权查看 JYJ 的年度报告")) {
                _ = try await service.report(unit: "JYJ", year: 2025, visibleTo: fixture.editor)
            }
            _ = try await service.importLegacy(Self.legacy, by: fixture.editor)
            await #expect(throws: DomainError(.forbidden, field: "rollup", "汇总范围由政务公开办确定")) {
                try await service.setRollup(unit: "XZF", year: 2025, units: ["CZJ"], by: fixture.editor)
            }
            await #expect(throws: DomainError.invalid("rollup", "只有县人民政府的年度报告汇总各单位数据")) {
                try await service.setRollup(unit: "CZJ", year: 2025, units: ["JYJ"], by: fixture.office)
            }
            try await service.setRollup(unit: "XZF", year: 2025, units: ["CZJ", "JYJ"], by: fixture.office)
            await #expect(throws: DomainError(.conflict, field: "status", "县人民政府年度报告由政务公开办直接发布，无需报送")) {
                try await service.file(unit: "XZF", year: 2025, by: fixture.office)
            }
            try await service.publish(unit: "XZF", year: 2025, by: fixture.office)
            let county = try #require(try await service.publishedReport(unit: "XZF", year: 2025))
            #expect(county.tables.requests.value("r1") == 3)
            #expect(county.deadlines.publication == CivilDate(iso: "2026-03-31"))
            // 3月31日 to 11月20日: published 234 days late.
            #expect(county.publicationDaysLate == 234)
        }
    }
}
