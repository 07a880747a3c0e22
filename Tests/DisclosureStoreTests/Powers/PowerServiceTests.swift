import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Testing

@Suite("The power list through the service (SQLite and PostgreSQL)")
struct PowerServiceTests {
    static let draft = PowerDraft(
        code: "CZJ-XK-001", name: "代理记账机构设立审批", category: .license, unitCode: "CZJ", handlingOffice: "行政审批股",
        bases: [LegalBasis(law: "《中华人民共和国会计法》", article: "第三十六条")], statutoryDays: 20, promisedDays: 10, supervisionPhone: "0000-1234567")

    static let guide = ServiceGuide(
        conditions: "依法设立的机构", materials: [GuideMaterial(name: "申请书")], location: "政务服务中心一楼", hours: "工作日 9:00–17:00",
        consultationPhone: "0000-7654321")

    @Test(
        "create, edit with a reason, draw the flow, publish a complete guide only, cancel and stay listed with history",
        arguments: TestDatabase.kinds)
    func lifecycle(kind: TestDatabase) async throws {
        try await kind.with { database in
            let fixture = try await PublishingFixture(database)
            let service = PowerService(database: database, clock: fixture.clock)
            let id = try await service.create(Self.draft, by: fixture.editor)
            await #expect(throws: DomainError(.conflict, field: "code", "权力编码 CZJ-XK-001 已被使用")) {
                _ = try await service.create(Self.draft, by: fixture.office)
            }
            await #expect(throws: DomainError(.forbidden, field: "unitCode", "只能维护本单位（及下属单位）的权力清单")) {
                _ = try await service.update(id, Self.draft, reason: "改", by: fixture.otherEditor)
            }
            var edited = Self.draft
            edited.promisedDays = 8
            await #expect(throws: DomainError.invalid("reason", "请填写变更原因")) { try await service.update(id, edited, reason: " ", by: fixture.editor) }
            try await service.update(id, edited, reason: "压缩承诺时限", by: fixture.editor)

            let broken = Workflow(steps: [WorkflowStep(name: "受理", next: [.init(to: "审核")]), WorkflowStep(name: "审查")])
            await #expect(throws: DomainError.invalid("steps", "步骤「受理」的去向「审核」不存在")) {
                try await service.setWorkflow(id, broken, reason: "编制", by: fixture.editor)
            }
            try await service.saveGuide(id, ServiceGuide(conditions: "依法设立的机构"), reason: "起草", by: fixture.editor)
            await #expect(throws: DomainError.invalid("guide", "办事指南缺少「申请材料」「办理地点」「办理时间」「办理流程」「咨询电话」，不能发布")) {
                try await service.publishGuide(id, by: fixture.editor)
            }
            try await service.setWorkflow(
                id,
                Workflow(steps: [
                    WorkflowStep(name: "受理", days: 1, next: [.init(to: "审查", condition: "材料齐全"), .init(to: "补正", condition: "材料不全")]),
                    WorkflowStep(name: "补正", next: [.init(to: "受理")]), WorkflowStep(name: "审查", days: 5, next: [.init(to: "决定")]),
                    WorkflowStep(name: "决定", days: 2),
                ]), reason: "编制流程图", by: fixture.editor)
            try await service.saveGuide(id, Self.guide, reason: "补全要素", by: fixture.editor)
            try await service.publishGuide(id, by: fixture.reviewer)
            await #expect(throws: DomainError.invalid("steps", "办事指南已发布，不能缺少「办理流程」")) {
                try await service.setWorkflow(id, Workflow(), reason: "清空", by: fixture.editor)
            }

            fixture.clock.advance(by: 3 * 86_400)
            try await service.setStatus(id, to: .cancelled, reason: "依据县政府通知取消", by: fixture.office)
            await #expect(throws: DomainError(.conflict, field: "status", "已取消的权力不能恢复：如需重新设立，请新增事项")) {
                try await service.setStatus(id, to: .active, reason: "恢复", by: fixture.office)
            }
            let power = try await service.power(id)
            #expect(power.status == .cancelled)
            #expect(power.statusSince == CivilDate(iso: "2026-11-23"))
            #expect(!power.hasPublishedGuide)
            #expect(power.version == 7)
            #expect(power.draft.promisedDays == 8)
            let history = try await service.versions(id)
            #expect(history.map(\.change) == [.status, .guidePublished, .guide, .workflow, .guide, .edited, .created])
            #expect(history.first?.reason == "依据县政府通知取消")
            #expect(history.first?.status == .cancelled)
            let search = PortalSearch(database: database, clock: fixture.clock, folder: PublishingFixture.temporarySearchFolder())
            func page(_ text: String, category: PowerCategory? = nil) async throws -> PowerService.Page {
                let query = SearchQuery(text)
                let matching = query.isEmpty ? nil : try await search.powerMatches(query)
                return try await service.publicPage(units: nil, category: category, status: nil, matching: matching, offset: 0, limit: 10)
            }
            let listed = try await page("")
            #expect(listed.powers.map(\.id) == [id])
            #expect(listed.categories == [.license: 1])
            #expect(try await page("记账").total == 1)
            #expect(try await page("记账", category: .penalty).total == 0)
            #expect(try await page("施工许可").total == 0)

            let actions = try await AuditLog.recent(on: database.sql, limit: 50).map(\.action)
            #expect(actions.filter { $0.hasPrefix("power.") }.count == 7)
        }
    }

    @Test("yearly figures feed table 二 and are kept per power and year", arguments: TestDatabase.kinds)
    func figures(kind: TestDatabase) async throws {
        try await kind.with { database in
            let fixture = try await PublishingFixture(database)
            let service = PowerService(database: database, clock: fixture.clock)
            let license = try await service.create(Self.draft, by: fixture.editor)
            var penalty = Self.draft
            penalty.code = "CZJ-CF-001"
            penalty.category = .penalty
            penalty.promisedDays = nil
            let penaltyID = try await service.create(penalty, by: fixture.editor)
            try await service.setCount(license, year: 2025, decisions: 12, feeFen: 0, by: fixture.editor)
            try await service.setCount(license, year: 2025, decisions: 14, feeFen: 50_000_000, by: fixture.editor)
            try await service.setCount(penaltyID, year: 2025, decisions: 3, feeFen: 0, by: fixture.editor)
            try await service.setCount(penaltyID, year: 2024, decisions: 9, feeFen: 0, by: fixture.editor)
            await #expect(throws: DomainError.invalid("year", "统计年度应为 2000–2026")) {
                try await service.setCount(license, year: 2027, decisions: 1, feeFen: 0, by: fixture.editor)
            }
            let figures = try await service.reportFigures(unit: "CZJ", year: 2025)
            #expect(figures.licenseDecisions == 14)
            #expect(figures.penaltyDecisions == 3)
            #expect(figures.enforcementDecisions == 0)
            #expect(figures.feeTenThousandYuan == "50.0000")
            #expect(try await service.reportFigures(unit: "JYJ", year: 2025).licenseDecisions == 0)
        }
    }

    static func sheet(_ rows: [[String]]) throws -> [[String]] {
        try SpreadsheetFile.rows(
            Array(try XLSXWorkbook.write([XLSXSheet(name: "权责清单", rows: [PowerSheet.headers + PowerSheet.countHeaders] + rows)])))
    }

    @Test("an XLSX with a bad row imports nothing, or only its valid rows when asked; a second import updates", arguments: TestDatabase.kinds)
    func importing(kind: TestDatabase) async throws {
        try await kind.with { database in
            let fixture = try await PublishingFixture(database)
            let service = PowerService(database: database, clock: fixture.clock)
            let good = ["CZJ-XK-001", "代理记账机构设立审批", "行政许可", "示范县财政局", "审批股", "《会计法》第三十六条", "", "", "20", "10", "不收费", "12345", "", "2025", "12", "0"]
            let levy = ["CZJ-ZS-001", "非税收入征收", "行政征收", "CZJ", "", "《条例》第一条", "", "", "", "", "费｜1 元｜文件", "", "", "2025", "3", "1234.50"]
            let bad = ["JYJ-XK-001", "民办学校设立审批", "行政许可", "JYJ", "", "《民办教育促进法》第十二条", "", "", "", "", "", "", "", "", "", ""]
            let unknown = ["CZJ-XK-002", "审批", "行政许可", "示范县农业局", "", "《法》第一条", "", "", "", "", "", "", "", "", "", ""]
            let table = try Self.sheet([good, levy, bad, [], unknown])

            let refused = try await service.importSheet(table, validOnly: false, by: fixture.editor)
            #expect(!refused.committed)
            #expect(refused.rows == 4)
            #expect(
                refused.errors.map(\.description) == [
                    "第 4 行「实施主体」：无权导入单位「示范县教育局」的权力事项", "第 6 行「实施主体」：未知单位「示范县农业局」：请填写本县单位的名称或代码",
                ])
            #expect(try await service.powers(visibleTo: fixture.office).isEmpty)

            let partial = try await service.importSheet(table, validOnly: true, by: fixture.editor)
            #expect(partial.committed)
            #expect(partial.created == 2)
            #expect(partial.errors.count == 2)
            let figures = try await service.reportFigures(unit: "CZJ", year: 2025)
            #expect(figures.licenseDecisions == 12)
            #expect(figures.feeTenThousandYuan == "0.1235")

            var changed = good
            changed[9] = "5"
            var cancelled = levy
            cancelled[12] = "取消"
            let again = try await service.importSheet(try Self.sheet([changed, cancelled]), validOnly: false, by: fixture.editor)
            #expect(again.committed)
            #expect(again.created == 0)
            #expect(again.updated == 2)
            let powers = try await service.powers(visibleTo: fixture.editor)
            #expect(powers.map(\.draft.promisedDays) == [10 - 5, nil])
            #expect(powers.map(\.status) == [.active, .cancelled])
            #expect(try await service.versions(powers[0].id).first?.reason == "导入（文件第 2 行）")
            let same = try await service.importSheet(try Self.sheet([changed]), validOnly: false, by: fixture.editor)
            #expect(same.unchanged == 1)
            #expect(same.updated == 0)

            let exported = try await service.exportTable(visibleTo: fixture.editor, year: 2025)
            let reread = try SpreadsheetFile.rows(Array(try XLSXWorkbook.write([XLSXSheet(name: "x", rows: exported)])))
            #expect(reread == exported)
            #expect(exported[1][0] == "CZJ-XK-001")
            #expect(exported[1][3] == "示范县财政局")
            #expect(exported[2][12] == "取消")
            #expect(exported[2][15] == "1234.50")
        }
    }

    @Test("spreadsheet files: CSV with BOM, XLSX with shared strings and gaps, and clear refusals")
    func files() throws {
        let csv = Array("\u{FEFF}编码,权力名称\r\nA-1,\"甲,乙\"\r\n".utf8)
        #expect(try SpreadsheetFile.rows(csv) == [["编码", "权力名称"], ["A-1", "甲,乙"]])
        #expect(throws: DomainError.invalid("file", "不支持旧版 .xls 文件：请在 Excel/WPS 中另存为 .xlsx 或 CSV（UTF-8）")) {
            try SpreadsheetFile.rows([0xD0, 0xCF, 0x11, 0xE0, 0, 0])
        }
        #expect(throws: DomainError.invalid("file", "CSV 文件不是 UTF-8 编码：请在 Excel/WPS 中另存为「CSV UTF-8」")) {
            try SpreadsheetFile.rows([0xB1, 0xE0, 0xC2, 0xEB])
        }
        #expect(throws: DomainError.self) { try SpreadsheetFile.rows([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]) }
        let rows = [["编码", "", "名称"], [], ["A&B <1>", "x\ny"]]
        #expect(
            try SpreadsheetFile.rows(Array(try XLSXWorkbook.write([XLSXSheet(name: "表", rows: rows, merges: ["A1:B1"])]))) == [
                ["编码", "", "名称"], [], ["A&B <1>", "x\ny"],
            ])
        #expect(XLSXWorkbook.columnName(0) == "A")
        #expect(XLSXWorkbook.columnName(25) == "Z")
        #expect(XLSXWorkbook.columnName(27) == "AB")
    }
}
