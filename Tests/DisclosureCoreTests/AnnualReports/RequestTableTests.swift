import DisclosureCore
import Testing

@Suite("Table 三 from cases: 新收, 上年结转, results in the year answered, 结转下年度")
struct RequestTableTests {
    static func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    /// Worked by hand for 2025 (see each comment for the rows it lands in).
    static let cases: [ReportCase] = [
        // A: r2 and r3.1, 自然人.
        ReportCase(applicantKind: .naturalPerson, receivedOn: day("2024-12-20"), answeredOn: day("2025-01-15"), outcome: .disclosed),
        // B: closed in 2024, not in the 2025 report at all.
        ReportCase(applicantKind: .business, receivedOn: day("2024-11-01"), answeredOn: day("2024-12-01"), outcome: .disclosed),
        // C: r1 and r3.2 (部分公开 only there).
        ReportCase(applicantKind: .naturalPerson, receivedOn: day("2025-03-01"), answeredOn: day("2025-03-20"), outcome: .partlyDisclosed),
        // D: r1 and r3.3.4, 科研机构.
        ReportCase(applicantKind: .research, receivedOn: day("2025-06-01"), answeredOn: day("2025-06-10"), outcome: .withheldThirdParty),
        // E: r1 and r4 (still open).
        ReportCase(applicantKind: .naturalPerson, receivedOn: day("2025-12-20"), answeredOn: nil, outcome: nil),
        // F: r1 and r4 (answered in 2026), 法律服务机构.
        ReportCase(applicantKind: .legalService, receivedOn: day("2025-12-25"), answeredOn: day("2026-01-10"), outcome: .disclosed),
        // G: r2 and r4, 其他.
        ReportCase(applicantKind: .other, receivedOn: day("2024-12-30"), answeredOn: nil, outcome: nil),
        // H: r1 and r3.6.1.
        ReportCase(applicantKind: .naturalPerson, receivedOn: day("2025-05-05"), answeredOn: day("2025-05-30"), outcome: .correctionNotMade),
    ]

    @Test("the 2021 table has 25 rows with the official labels and counts the worked example cell by cell")
    func worked2021() {
        let table = RequestTable.count(Self.cases, year: 2025, format: .revised2021)
        #expect(table.rows.count == 25)
        #expect(table.columns == ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"])
        #expect(table.row("r1")?.label == "一、本年新收政府信息公开申请数量")
        #expect(table.row("r3.2")?.label == "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")
        #expect(table.row("r1")?.values == [3, 0, 1, 0, 1, 0, 5])
        #expect(table.row("r2")?.values == [1, 0, 0, 0, 0, 1, 2])
        #expect(table.row("r3.1")?.values == [1, 0, 0, 0, 0, 0, 1])
        #expect(table.row("r3.2")?.values == [1, 0, 0, 0, 0, 0, 1])
        #expect(table.row("r3.3.4")?.values == [0, 0, 1, 0, 0, 0, 1])
        #expect(table.row("r3.6.1")?.values == [1, 0, 0, 0, 0, 0, 1])
        #expect(table.row("r3.7")?.values == [3, 0, 1, 0, 0, 0, 4])
        #expect(table.row("r4")?.values == [1, 0, 0, 0, 1, 1, 3])
        let others = table.rows.filter { !["r1", "r2", "r3.1", "r3.2", "r3.3.4", "r3.6.1", "r3.7", "r4"].contains($0.key) }
        #expect(others.allSatisfy { $0.values.allSatisfy { $0 == 0 } })
    }

    @Test("the 2019 table has 23 rows and one （六）其他处理 row")
    func worked2019() {
        let table = RequestTable.count(Self.cases, year: 2025, format: .trial2019)
        #expect(table.rows.count == 23)
        #expect(table.row("r3.6")?.values == [1, 0, 0, 0, 0, 0, 1])
        #expect(table.row("r3.6.1") == nil)
        #expect(ReportFormat.for(year: 2020) == .trial2019)
        #expect(ReportFormat.for(year: 2021) == .revised2021)
    }

    @Test("2024 then 2025: last year's 结转下年度 is this year's 上年结转")
    func carried() {
        let before = RequestTable.count(Self.cases, year: 2024, format: .revised2021)
        let after = RequestTable.count(Self.cases, year: 2025, format: .revised2021)
        #expect(before.row("r4")?.values == after.row("r2")?.values)
        #expect(before.row("r1")?.values == [1, 1, 0, 0, 0, 1, 3])
        #expect(before.row("r3.1")?.values == [0, 1, 0, 0, 0, 0, 1])
    }

    @Test("the grids are rectangles of the official width, for both formats")
    func grids() {
        for format in ReportFormat.allCases {
            let grid = RequestTable.count(Self.cases, year: 2025, format: format).grid(format)
            #expect(grid.isRectangular, "\(format)")
            #expect(grid.columnCount == 10)
            #expect(grid.rows.count == 3 + (format == .revised2021 ? 25 : 23))
            #expect(grid.rows[3].first?.text == "一、本年新收政府信息公开申请数量")
            #expect(grid.rows[3].first?.columnSpan == 3)
            #expect(grid.rows[5].first?.text == "三、本年度办理结果")
            #expect(grid.rows[5].first?.rowSpan == (format == .revised2021 ? 22 : 20))
            let groupCell = grid.rows[7].first
            #expect(groupCell?.text == "（三）不予公开")
            #expect(groupCell?.rowSpan == 8)
        }
        #expect(AppealTable.empty.grid.isRectangular)
        for format in ReportFormat.allCases { #expect(ActiveTable.empty(format).grid.isRectangular, "\(format)") }
    }
}
