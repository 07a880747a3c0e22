import DisclosureCore
import Testing

@Suite("Power list rules: facts, fees, guide elements, the spreadsheet and table 二 figures")
struct PowerRulesTests {
    static let draft = PowerDraft(
        code: "czj-xk-001", name: "代理记账机构设立审批", category: .license, unitCode: "czj",
        bases: [LegalBasis(law: "《中华人民共和国会计法》", article: "第三十六条")], statutoryDays: 20, promisedDays: 10, supervisionPhone: "12345")

    @Test("a draft is cleaned: code and unit upper-cased, bases re-read")
    func clean() throws {
        let draft = try Self.draft.validated()
        #expect(draft.code == "CZJ-XK-001")
        #expect(draft.unitCode == "CZJ")
        #expect(draft.bases == [LegalBasis(law: "《中华人民共和国会计法》", article: "第三十六条")])
    }

    @Test(
        "bad facts name their field",
        arguments: [
            (
                {
                    var d = draft; d.promisedDays = 25; return d
                }(), "promisedDays", "承诺时限（25 个工作日）不能长于法定时限（20 个工作日）"
            ),
            (
                {
                    var d = draft; d.bases = []; return d
                }(), "bases", "请填写设定依据（法律法规名称及条款）"
            ),
            (
                {
                    var d = draft; d.code = "财政-1"; return d
                }(), "code", "权力编码只能由字母、数字、连字符组成，最多 40 位"
            ),
            (
                {
                    var d = draft; d.supervisionPhone = "abc"; return d
                }(), "supervisionPhone", "监督电话「abc」无效：请填写热线号码（如 12345）、带区号的固定电话或手机号码"
            ),
        ])
    func bad(draft: PowerDraft, field: String, message: String) {
        #expect(throws: DomainError.invalid(field, message)) { try draft.validated() }
    }

    @Test("legal bases and fees read the way offices type them")
    func parsing() throws {
        #expect(
            try LegalBasis.parseList("《中华人民共和国建筑法》第七条；《建设工程质量管理条例》第六十四条", field: "bases")
                == [LegalBasis(law: "《中华人民共和国建筑法》", article: "第七条"), LegalBasis(law: "《建设工程质量管理条例》", article: "第六十四条")])
        #expect(try LegalBasis.parse("土地复垦条例第十八条", field: "bases") == LegalBasis(law: "土地复垦条例", article: "第十八条"))
        #expect(throws: DomainError.self) { try LegalBasis.parse("《》第三条", field: "bases") }
        #expect(try PowerFee.parseList("不收费", field: "fees").isEmpty)
        #expect(try PowerFee.parseList("水资源费｜0.2 元/立方米｜省定标准", field: "fees") == [PowerFee(item: "水资源费", standard: "0.2 元/立方米", basis: "省定标准")])
        #expect(throws: DomainError.invalid("fees", "收费「水资源费 0.2 元」应写作「项目｜标准｜依据」")) { try PowerFee.parseList("水资源费 0.2 元", field: "fees") }
    }

    @Test("a guide lists exactly the required elements it still lacks")
    func guideElements() {
        let flow = WorkflowTests.license
        var guide = ServiceGuide(conditions: "符合条件", materials: [GuideMaterial(name: "申请书")], hours: "工作日", consultationPhone: "0000-7654321")
        #expect(guide.missing(for: Self.draft, workflow: flow) == [.location])
        #expect(guide.missing(for: Self.draft, workflow: Workflow()) == [.location, .procedure])
        var noPhone = Self.draft
        noPhone.supervisionPhone = ""
        noPhone.promisedDays = nil
        noPhone.statutoryDays = nil
        guide.location = "政务服务中心"
        #expect(guide.missing(for: noPhone, workflow: flow) == [.timeLimit, .supervisionPhone])
        #expect(ServiceGuide().missing(for: Self.draft, workflow: flow).map(\.label) == ["申请条件", "申请材料", "办理地点", "办理时间", "咨询电话"])
    }

    static let units = ["CZJ": "CZJ", "示范县财政局": "CZJ", "JYJ": "JYJ"]

    @Test("every bad cell of a sheet is reported by row and column; good rows parse")
    func sheet() throws {
        var table = [PowerSheet.headers + PowerSheet.countHeaders]
        table.append(["CZJ-XK-001", "代理记账机构设立审批", "行政许可", "示范县财政局", "审批股", "《会计法》第三十六条", "", "", "20", "10", "不收费", "12345", "", "2025", "12", "0"])
        table.append(["CZJ-XK-002", "某审批", "行政审批", "示范县不存在局", "", "", "", "", "5", "10", "", "", "", "", "", ""])
        table.append(Array(repeating: "", count: 16))
        table.append(["CZJ-XK-001", "重复编码", "行政处罚", "CZJ", "", "《会计法》第四十二条", "", "", "", "", "", "", "作废", "", "", ""])
        table.append(["CZJ-ZS-001", "征收", "行政征收", "CZJ", "", "《条例》第一条", "", "", "", "", "费｜1元｜文件", "", "", "2025", "3", "1234.567"])
        let parsed = try PowerSheet.parse(table, units: Self.units)
        #expect(parsed.rows.map(\.line) == [2])
        #expect(parsed.rows[0].figures == PowerSheet.YearFigures(year: 2025, decisions: 12, feeFen: 0))
        #expect(
            parsed.errors.map(\.description) == [
                "第 3 行「权力类别」：未知类别「行政审批」，应为行政许可、行政处罚、行政强制、行政征收、行政给付、行政检查、行政确认、行政奖励、行政裁决、其他行政权力之一",
                "第 3 行「实施主体」：未知单位「示范县不存在局」：请填写本县单位的名称或代码",
                "第 3 行「设定依据」：请填写设定依据（法律法规名称及条款）",
                "第 5 行「状态」：未知状态「作废」，应为有效、暂停或取消",
                "第 6 行「统计年度」：收费金额「1234.567」最多两位小数",
            ])
        #expect(parsed.badLines == [3, 5, 6])
    }

    @Test("a duplicate code and a promised limit over the statutory one are row errors")
    func crossField() throws {
        let row = ["CZJ-XK-001", "审批", "行政许可", "CZJ", "", "《会计法》第三十六条", "", "", "5", "10", "", "", ""]
        var second = row
        second[8] = ""
        let parsed = try PowerSheet.parse([PowerSheet.headers, row, second, second], units: Self.units)
        #expect(parsed.errors.map(\.description) == ["第 2 行「承诺时限（工作日）」：承诺时限（10 个工作日）不能长于法定时限（5 个工作日）", "第 4 行「编码」：编码 CZJ-XK-001 与第 3 行重复"])
        #expect(throws: DomainError.invalid("file", "文件缺少列「设定依据」（第 1 行应为列标题）")) {
            try PowerSheet.parse([["编码", "权力名称", "权力类别", "实施主体"]], units: Self.units)
        }
    }

    @Test("an exported table parses back to the same drafts")
    func roundTrip() throws {
        let power = AdministrativePower(id: 7, draft: try Self.draft.validated(), status: .cancelled, statusSince: CivilDate(iso: "2026-03-01")!)
        let table = PowerSheet.table(
            [power], unitNames: ["CZJ": "示范县财政局"], year: 2025, counts: [7: PowerYearCount(powerID: 7, year: 2025, decisions: 3, feeFen: 123_456)])
        #expect(table[1][15] == "1234.56")
        let parsed = try PowerSheet.parse(table, units: Self.units)
        #expect(parsed.errors.isEmpty)
        #expect(parsed.rows.first?.draft == power.draft)
        #expect(parsed.rows.first?.status == .cancelled)
        #expect(parsed.rows.first?.figures == PowerSheet.YearFigures(year: 2025, decisions: 3, feeFen: 123_456))
    }

    @Test("table 二 figures: decisions by category, fees of every power in 万元, other years ignored")
    func figures() throws {
        func power(_ id: Int, _ category: PowerCategory) -> AdministrativePower {
            var draft = Self.draft
            draft.category = category
            return AdministrativePower(id: id, draft: draft, statusSince: CivilDate(iso: "2025-01-01")!)
        }
        let powers = [power(1, .license), power(2, .penalty), power(3, .enforcement), power(4, .levy), power(5, .license)]
        let counts = [
            PowerYearCount(powerID: 1, year: 2025, decisions: 10, feeFen: 0), PowerYearCount(powerID: 5, year: 2025, decisions: 4, feeFen: 0),
            PowerYearCount(powerID: 2, year: 2025, decisions: 7, feeFen: 0), PowerYearCount(powerID: 3, year: 2025, decisions: 2, feeFen: 0),
            PowerYearCount(powerID: 4, year: 2025, decisions: 30, feeFen: 123_456_789),
            PowerYearCount(powerID: 1, year: 2024, decisions: 99, feeFen: 0),
        ]
        let figures = PowerReportFigures.tally(powers: powers, counts: counts, unitCodes: ["CZJ"], year: 2025)
        #expect(figures.licenseDecisions == 14)
        #expect(figures.penaltyDecisions == 7)
        #expect(figures.enforcementDecisions == 2)
        #expect(figures.feeFen == 123_456_789)
        #expect(figures.feeTenThousandYuan == "123.4568")
        #expect(PowerYearCount.yuanText(5) == "0.05")
        #expect(try PowerYearCount.fen(fromYuan: "1,234.5", field: "f") == 123_450)
        #expect(throws: DomainError.self) { try PowerYearCount.fen(fromYuan: "-3", field: "f") }
    }
}
