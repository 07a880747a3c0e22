import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Testing

@Suite("The demo county's 2025 reports: table 三 by hand, every format agrees, lateness (SQLite and PostgreSQL)")
struct AnnualReportDemoTests {
    static let office = StaffIdentity(userID: 0, username: "office", role: .office, unitCode: "ZFB")

    /// Counted by hand from `DemoAnnualReports` (columns 自然人, 商业企业, 科研机构, 社会公益组织,
    /// 法律服务机构, 其他, 总计):
    /// - imported 2024 cases: 003 (自然人, answered 2025-01-10 予以公开) and 004 (法律服务机构,
    ///   answered 2025-01-20 部分公开) are 上年结转; 001 and 002 closed in 2024 and do not count;
    /// - received in 2025: 予以公开 (自然人), 部分公开 (自然人), 第三方 不予公开 (商业企业), 不掌握
    ///   (自然人), 予以公开 after a paid fee (科研机构), lapsed 补正 (自然人), 重复申请 (自然人), and
    ///   the 社会公益组织 case of 2025-12-22 answered in 2026, so 结转下年度.
    static let expected: [String: [Int]] = [
        "r1": [5, 1, 1, 1, 0, 0, 8],
        "r2": [1, 0, 0, 0, 1, 0, 2],
        "r3.1": [2, 0, 1, 0, 0, 0, 3],
        "r3.2": [1, 0, 0, 0, 1, 0, 2],
        "r3.3.4": [0, 1, 0, 0, 0, 0, 1],
        "r3.4.1": [1, 0, 0, 0, 0, 0, 1],
        "r3.5.2": [1, 0, 0, 0, 0, 0, 1],
        "r3.6.1": [1, 0, 0, 0, 0, 0, 1],
        "r3.7": [6, 1, 1, 0, 1, 0, 9],
        "r4": [0, 0, 0, 1, 0, 0, 1],
    ]

    @Test("the finance bureau's 2025 report, cell by cell, in JSON, XLSX, DOCX and CSV", arguments: TestDatabase.kinds)
    func financeBureau(kind: TestDatabase) async throws {
        try await kind.with { database in
            _ = try await DemoCounty.load(into: database, clock: FixedClock(), hasher: PasswordHasher(cost: 4), fixedPassword: "Demo2026password")
            let service = AnnualReportService(database: database, clock: FixedClock())
            let report = try await service.report(unit: "CZJ", year: 2025, visibleTo: Self.office)
            #expect(report.record.status == .published)
            #expect(!report.isLive)
            let table = report.tables.requests
            #expect(table.rows.count == 25)
            for row in table.rows {
                #expect(row.values == Self.expected[row.key] ?? [0, 0, 0, 0, 0, 0, 0], "\(row.key)")
            }
            for column in table.columns.indices {
                #expect(
                    table.value("r1", column: column) + table.value("r2", column: column) == table.value("r3.7", column: column)
                        + table.value("r4", column: column))
            }
            #expect(report.checks.isEmpty)
            #expect(report.tables.appeals.values == [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0])
            #expect(report.tables.fees == InformationFeeFigures(notices: 1, billedYuan: 1700, paidNotices: 1, collectedYuan: 1700))
            // 规范性文件: one made in 2025 and in force; one made in 2024 that expired on 2025-10-01.
            #expect(report.tables.active.blocks[0].rows[1].values == [1, 1, 1])

            // JSON carries the same rows.
            let json = try JSONSerialization.jsonObject(with: try AnnualReportExport.json(report)) as! [String: Any]
            let tables = json["tables"] as! [String: Any]
            let requests = tables["requests"] as! [String: Any]
            #expect(requests["columns"] as? [String] == ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"])
            let rows = requests["rows"] as! [[String: Any]]
            #expect(rows.map { $0["key"] as! String } == table.rows.map(\.key))
            #expect(rows.map { $0["values"] as! [Int] } == table.rows.map(\.values))
            #expect(json["format"] as? String == "2021")
            #expect(json["year"] as? Int == 2025)
            #expect(json["unit"] as? String == "CZJ")

            // XLSX: sheet 2 is table 三 with the official merges; every figure sits where the grid puts it.
            let xlsx = try AnnualReportExport.xlsx(report)
            let sheet = try XLSXReader.rows(Array(xlsx), sheet: 1)
            let grid = AnnualReportExport.matrix(report.tables.requests.grid(.revised2021)).rows
            #expect(Array(sheet.dropFirst()).map { $0 + Array(repeating: "", count: 10 - $0.count) } == grid)
            #expect(sheet[4].prefix(1) == ["一、本年新收政府信息公开申请数量"])
            #expect(sheet[4].suffix(7) == ["5", "1", "1", "1", "0", "0", "8"])
            let appealsSheet = try XLSXReader.rows(Array(xlsx), sheet: 2)
            #expect(appealsSheet.last == ["1", "0", "0", "0", "1", "0", "0", "0", "1", "1", "0", "0", "0", "0", "0"])

            // DOCX: the three tables, figures in the same places, and the narrative.
            let docx = try DOCXReader.read(try AnnualReportExport.docx(report))
            #expect(docx.tables.count == 3)
            let wordRows = docx.tables[1].dropFirst(3)
            #expect(wordRows.map { Array($0.suffix(7)).map { Int($0)! } } == table.rows.map(\.values))
            #expect(docx.tables[2].last == ["1", "0", "0", "0", "1", "0", "0", "0", "1", "1", "0", "0", "0", "0", "0"])
            #expect(docx.paragraphs.first == "示范县财政局2025年政府信息公开工作年度报告")
            #expect(docx.paragraphs.contains { $0.contains("实际收取信息处理费共计1700元") })

            // CSV: the same rectangle.
            let csv = try CSVText.parse(String(AnnualReportExport.csv(report).dropFirst()))
            #expect(csv.contains(["一、本年新收政府信息公开申请数量", "", "", "5", "1", "1", "1", "0", "0", "8"]))
        }
    }

    @Test("the office sees who filed late and who has not filed; the county rolls up", arguments: TestDatabase.kinds)
    func overview(kind: TestDatabase) async throws {
        try await kind.with { database in
            _ = try await DemoCounty.load(into: database, clock: FixedClock(), hasher: PasswordHasher(cost: 4), fixedPassword: "Demo2026password")
            let service = AnnualReportService(database: database, clock: FixedClock())
            let reports = try await service.overview(year: 2025, visibleTo: Self.office)
            let byUnit = Dictionary(uniqueKeysWithValues: reports.map { ($0.unit.code, $0) })
            #expect(byUnit["CZJ"]?.filingDaysLate == 0)
            #expect(byUnit["CZJ"]?.record.filedOn == CivilDate(iso: "2026-01-20"))
            #expect(byUnit["JYJ"]?.filingDaysLate == 5)
            #expect(byUnit["JYJ"]?.record.status == .filed)
            // Not filed at all by 2026-11-20: 293 days after 1月31日.
            #expect(byUnit["FGJ"]?.filingDaysLate == 293)
            #expect(byUnit["FGJ"]?.record.status == .draft)
            #expect(byUnit["XZF"]?.publicationDaysLate == 0)
            #expect(byUnit["XZF"]?.record.publishedOn == CivilDate(iso: "2026-03-25"))
            let county = try #require(byUnit["XZF"])
            #expect(county.rollupUnits.map(\.code) == ["CZJ", "JYJ"])
            #expect(county.tables.requests.row("r1")?.values == Self.expected["r1"])
            #expect(county.checks.isEmpty)
            let published = try await service.published()
            #expect(Set(published.map(\.unitCode)) == ["CZJ", "XZF"])
        }
    }
}
