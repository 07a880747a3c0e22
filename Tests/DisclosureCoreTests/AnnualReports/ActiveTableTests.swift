import DisclosureCore
import Foundation
import Testing

@Suite("Table 二: 规范性文件 from documents, decisions and fees from powers, entered cells")
struct ActiveTableTests {
    static func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    @Test("normative documents: made, repealed or expired, and in force at the end of the year")
    func normative() {
        let documents: [(generatedOn: CivilDate, validity: DocumentValidity)] = [
            (Self.day("2023-03-01"), DocumentValidity(effectiveFrom: Self.day("2023-04-01"))),
            (Self.day("2024-05-01"), DocumentValidity(effectiveFrom: Self.day("2024-05-01"), repealedOn: Self.day("2025-06-30"))),
            (Self.day("2025-02-01"), DocumentValidity(effectiveFrom: Self.day("2025-03-01"), expiresOn: Self.day("2027-03-01"))),
            (Self.day("2025-08-01"), DocumentValidity(effectiveFrom: Self.day("2025-08-01"), expiresOn: Self.day("2025-12-31"))),
            (Self.day("2026-01-05"), DocumentValidity(effectiveFrom: Self.day("2026-01-05"))),
        ]
        let figures = NormativeFigures.count(documents, year: 2025)
        #expect(figures == NormativeFigures(issued: 2, repealed: 2, current: 2))
        let previous = NormativeFigures.count(documents, year: 2024)
        #expect(previous.current + figures.issued - figures.repealed == figures.current)
    }

    @Test("the 2021 table takes documents and powers, and entered cells win")
    func filled() {
        let powers = PowerReportFigures(
            unitCodes: ["CZJ"], year: 2025, licenseDecisions: 12, penaltyDecisions: 3, enforcementDecisions: 1, feeFen: 4_000_000)
        let table = ActiveTable.filled(
            .revised2021, normative: NormativeFigures(issued: 2, repealed: 1, current: 9), powers: powers, entered: ["penalty.0": 5])
        #expect(table.value("normative.0") == 2)
        #expect(table.value("normative.2") == 9)
        #expect(table.value("license.0") == 12)
        #expect(table.value("penalty.0") == 5)
        #expect(table.enteredKeys == ["penalty.0"])
        #expect(table.value("fees.0") == Decimal(string: "4"))
        #expect(table.text(Decimal(string: "0.4")!, money: true) == "0.4000")
        #expect(table.text(Decimal(string: "1.23456")!, money: true) == "1.2346")
        #expect(table.blocks.map { $0.heading } == ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"])
        let grid = table.grid
        #expect(grid.rows[1].map { $0.text } == ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"])
        #expect(grid.rows[9].map { $0.text } == ["行政处罚", "5"])
        #expect(grid.rows[9][1].columnSpan == 3)
        #expect(grid.rows.last?.map { $0.text } == ["行政事业性收费", "4.0000"])
    }

    @Test("the 2019 table has its own blocks and is all entered")
    func trial() {
        let table = ActiveTable.filled(.trial2019, normative: NormativeFigures(issued: 2, repealed: 0, current: 2), powers: nil, entered: [:])
        #expect(table.blocks.count == 5)
        #expect(table.blocks[4].rows[0].label == "政府集中采购")
        #expect(table.value("normative.0") == 0)
    }

    /// Issue 18: the 2019 table's 本年增/减 is a change in the number of items (−3 when three were
    /// dropped), and its 收费 row holds item counts; only amounts take decimals.
    @Test("2019 本年增/减 cells are signed integers; counts are integers; only 金额 cells are decimals")
    func trialSignedChanges() {
        var table = ActiveTable.filled(.trial2019, normative: nil, powers: nil, entered: [:])
        #expect(table.isSigned("license.1"))
        #expect(table.isSigned("fees.1"))
        #expect(!table.isSigned("license.0"))
        #expect(table.isValid(-3, at: "license.1"))
        #expect(table.isValid(-3, at: "fees.1"))
        #expect(!table.isValid(-3, at: "license.0"))
        #expect(!table.isValid(Decimal(string: "1.5")!, at: "fees.0"))
        #expect(table.isValid(Decimal(string: "12.3456")!, at: "procurement.1"))
        #expect(table.expectation(at: "fees.1") == "整数（减少填负数，如 -3）")
        table.set("license.1", -3)
        table.set("fees.1", -1)
        let found = ReportCheck.run(
            AnnualReportTables(
                format: .trial2019, active: table, requests: RequestTable.count([], year: 2020, format: .trial2019),
                appeals: AppealTable.count([], year: 2020), fees: InformationFeeFigures(notices: 0, billedYuan: 0, paidNotices: 0, collectedYuan: 0),
                answeredCases: nil),
            previous: nil)
        #expect(found.filter { $0.rule == "C7" }.isEmpty)
        // In 2021 the 收费 row is an amount in 万元 and never negative.
        let revised = ActiveTable.filled(.revised2021, normative: nil, powers: nil, entered: [:])
        #expect(revised.isMoney("fees.0"))
        #expect(!revised.isValid(-1, at: "fees.0"))
    }
}
