import DisclosureCore
import Foundation
import Testing

@Suite("Consistency rules C1–C8: errors block filing, C6 and C8 warn, each names its cell")
struct ReportCheckTests {
    static func tables(year: Int = 2025) -> AnnualReportTables {
        let requests = RequestTable.count(RequestTableTests.cases, year: year, format: .revised2021)
        return AnnualReportTables(
            format: .revised2021,
            active: ActiveTable.filled(.revised2021, normative: NormativeFigures(issued: 2, repealed: 1, current: 9), powers: nil, entered: [:]),
            requests: requests, appeals: .empty, fees: .zero, answeredCases: requests.value("r3.7"))
    }

    @Test("tables computed from records pass every rule")
    func computedPass() {
        #expect(ReportCheck.run(Self.tables(), previous: Self.tables(year: 2024)).blocking.isEmpty)
    }

    @Test("a broken table 三 fails C1, C2, C3 and C5 with the cells named")
    func brokenRequests() {
        var tables = Self.tables()
        tables.requests.rows[0].values[0] += 1  // r1 自然人 without its 总计
        let found = ReportCheck.run(tables, previous: nil)
        #expect(found.contains { $0.rule == "C1" && $0.cell == "表三「自然人」列" && $0.message.contains("第一项 4 + 第二项 1 = 5") })
        #expect(found.contains { $0.rule == "C2" && $0.cell == "表三 r1「总计」" })
        var results = Self.tables()
        results.requests.rows[2].values[1] = 2  // r3.1 商业企业
        let resultFindings = ReportCheck.run(results, previous: nil)
        #expect(resultFindings.contains { $0.rule == "C3" && $0.cell == "表三 r3.7「商业企业」" })
        var counted = Self.tables()
        counted.answeredCases = 5
        #expect(ReportCheck.run(counted, previous: nil).map(\.rule) == ["C5"])
    }

    @Test("C4 and C7: table 四 totals and negative or fractional cells")
    func appealsAndCells() {
        var tables = Self.tables()
        tables.appeals.groups[1].values = [1, 0, 0, 0, 2]
        tables.active.set("penalty.0", -1)
        tables.active.set("license.0", Decimal(string: "1.5")!)
        tables.active.set("fees.0", Decimal(string: "0.12345")!)
        let found = ReportCheck.run(tables, previous: nil)
        #expect(found.contains { $0.rule == "C4" && $0.cell == "表四 行政诉讼·未经复议直接起诉「总计」" })
        #expect(found.filter { $0.rule == "C7" }.map(\.cell) == ["表二 行政许可·本年处理决定数量", "表二 行政处罚·本年处理决定数量", "表二 行政事业性收费·本年收费金额（单位：万元）"])
        #expect(found.allSatisfy { $0.severity == .error })
    }

    @Test("C6 and C8 warn against last year's report")
    func warnings() {
        var previous = Self.tables(year: 2024)
        previous.requests.rows[24].values[0] = 3
        previous.active.set("normative.2", 5)
        let found = ReportCheck.run(Self.tables(), previous: previous)
        #expect(found.map(\.rule).sorted() == ["C6", "C8"])
        #expect(found.allSatisfy { $0.severity == .warning })
        #expect(found.first { $0.rule == "C8" }?.message == "表二「行政规范性文件·现行有效件数」为 9，按上年 5 + 本年制发 − 本年废止 应为 6（如有修订可不一致，请核实）")
    }
}
