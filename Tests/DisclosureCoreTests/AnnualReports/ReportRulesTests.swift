import DisclosureCore
import Foundation
import Testing

@Suite("Report deadlines, narrative and the legacy request file")
struct ReportRulesTests {
    static func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    @Test("条例 第四十九条: departments by 1月31日, the county government by 3月31日")
    func deadlines() {
        #expect(
            ReportDeadlines.for(year: 2025, unitKind: .countyDepartment)
                == ReportDeadlines(filing: Self.day("2026-01-31"), publication: Self.day("2026-01-31")))
        #expect(ReportDeadlines.for(year: 2025, unitKind: .countyGovernment).publication == Self.day("2026-03-31"))
        #expect(ReportDeadlines.daysLate(due: Self.day("2026-01-31"), done: Self.day("2026-02-03"), today: Self.day("2026-11-22")) == 3)
        #expect(ReportDeadlines.daysLate(due: Self.day("2026-01-31"), done: Self.day("2026-01-31"), today: Self.day("2026-11-22")) == 0)
        #expect(ReportDeadlines.daysLate(due: Self.day("2026-01-31"), done: nil, today: Self.day("2026-02-10")) == 10)
    }

    @Test("the narrative draft is filled from the tables and a long part is refused by name")
    func narrative() throws {
        let tables = ReportCheckTests.tables()
        let draft = ReportNarrative.prefilled(unitName: "示范县财政局", year: 2025, tables: tables, publishedDocuments: 40)
        #expect(draft[.requests].contains("新收政府信息公开申请5件，上年结转2件，本年度办结4件，其中予以公开1件、部分公开1件，结转下年度继续办理3件"))
        #expect(draft[.other] == "本年度未收取信息处理费。")
        var long = draft
        long[.problems] = String(repeating: "问", count: 5001)
        #expect(throws: DomainError.invalid("narrative.problems", "「五、存在的主要问题及改进情况」不能超过 5000 字（现 5001 字）")) { try long.validated() }
        let fees = InformationFeeFigures(notices: 2, billedYuan: 3500, paidNotices: 1, collectedYuan: 400)
        #expect(fees.sentence.contains("发出收费通知2份，应收信息处理费共计3500元；申请人缴费1份，实际收取信息处理费共计400元"))
    }

    @Test("a legacy CSV and JSON Lines file are read, keys or labels for outcomes")
    func legacyGood() throws {
        let csv = "单位编码,原编号,申请人类型,收到申请日期,答复日期,办理结果\nCZJ,2024-001,自然人,2024-03-01,2024-03-20,r3.1\nCZJ,2024-002,商业企业,2024-12-28,,\n"
        let parsed = try LegacyRequestFile.parse(csv, unitCodes: ["CZJ"], today: Self.day("2026-11-22"))
        #expect(parsed.errors.isEmpty)
        #expect(parsed.requests.count == 2)
        #expect(
            parsed.requests[1].reportCase == ReportCase(applicantKind: .business, receivedOn: Self.day("2024-12-28"), answeredOn: nil, outcome: nil))
        let jsonl = """
            {"unit": "CZJ", "reference": "A-1", "applicantKind": "其他", "receivedOn": "2023-05-04", "answeredOn": "2023-05-20", "outcome": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"}
            """
        let lines = try LegacyRequestFile.parse(jsonl, unitCodes: ["CZJ"], today: Self.day("2026-11-22"))
        #expect(lines.requests.first?.outcome == .partlyDisclosed)
        #expect(lines.requests.first?.line == 1)
    }

    @Test("bad rows name the line and the field")
    func legacyBad() throws {
        let csv = """
            unit,reference,applicantKind,receivedOn,answeredOn,outcome
            CZJ,1,自然人,2024-03-01,2024-03-20,r9
            XXX,2,个人,2024-13-01,,
            CZJ,3,自然人,2024-03-01,2024-02-01,r3.1
            CZJ,1,自然人,2024-03-01,2024-03-20,r3.1
            CZJ,5,自然人,2024-03-01,2024-03-20,
            """
        let parsed = try LegacyRequestFile.parse(csv, unitCodes: ["CZJ"], today: Self.day("2026-11-22"))
        #expect(
            parsed.errors.map(\.description) == [
                "第 2 行「办理结果」：「r9」不是年度报告表三的办理结果（如 r3.1、r3.2、r3.3.4）",
                "第 3 行「单位编码」：没有编码为「XXX」的单位",
                "第 3 行「申请人类型」：应为 自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他 之一，现为「个人」",
                "第 3 行「收到申请日期」：日期应写成 YYYY-MM-DD，现为「2024-13-01」",
                "第 4 行「答复日期」：答复日期不能早于收到申请日期 2024-03-01",
                "第 5 行「原编号」：与第 2 行的原编号重复",
                "第 6 行「办理结果」：已答复的申请须填写办理结果",
            ])
        #expect(throws: DomainError.invalid("file", "第 1 行缺少列「原编号」（列标题：单位编码、原编号、申请人类型、收到申请日期、答复日期、办理结果）")) {
            try LegacyRequestFile.parse("unit,applicantKind,receivedOn\nCZJ,自然人,2024-01-01", unitCodes: ["CZJ"], today: Self.day("2026-11-22"))
        }
    }
}
