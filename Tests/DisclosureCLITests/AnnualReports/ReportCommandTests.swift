import DisclosureTestSupport
import Foundation
import Testing

@Suite("disclosure report annual / import requests")
struct ReportCommandTests {
    @Test("the demo's finance bureau report in every format, legacy requests imported or refused row by row")
    func annual() throws {
        let db = TestDatabase.temporarySQLiteFile()
        defer { db.cleanup() }
        #expect(try CLIRunner.run(["demo", "--database", db.url], environment: ["DISCLOSURE_DEMO_PASSWORD": "Demo2026county"]).status == 0)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // The demo's report year is last year by the wall clock, as the command sees it.
        let year = String(Calendar(identifier: .gregorian).component(.year, from: Date()) - 1)

        let json = try CLIRunner.run(["report", "annual", "--unit", "CZJ", "--year", year, "--database", db.url])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let rows = try #require(((object["tables"] as? [String: Any])?["requests"] as? [String: Any])?["rows"] as? [[String: Any]])
        #expect(rows.first { $0["key"] as? String == "r1" }?["values"] as? [Int] == [5, 1, 1, 1, 0, 0, 8])
        #expect(rows.first { $0["key"] as? String == "r3.2" }?["values"] as? [Int] == [1, 0, 0, 0, 1, 0, 2])
        #expect(object["status"] as? String == "已发布")

        for format in ["docx", "xlsx"] {
            let out = folder.appendingPathComponent("czj.\(format)").path
            let written = try CLIRunner.run([
                "report", "annual", "--unit", "CZJ", "--year", year, "--format", format, "--out", out, "--database", db.url,
            ])
            #expect(written.status == 0)
            #expect(written.stdout.contains("示范县财政局\(year)年政府信息公开工作年度报告（已发布）"))
            #expect((try Data(contentsOf: URL(fileURLWithPath: out))).prefix(2) == Data("PK".utf8))
        }
        let html = try CLIRunner.run(["report", "annual", "--unit", "CZJ", "--year", year, "--format", "html", "--database", db.url])
        #expect(html.stdout.hasPrefix("<!doctype html>"))
        #expect(html.stdout.contains("rowspan=\"22\""))
        #expect(html.stdout.contains("@page { size: A4"))
        let csv = try CLIRunner.run(["report", "annual", "--unit", "CZJ", "--year", year, "--format", "csv", "--database", db.url])
        #expect(csv.stdout.contains("一、本年新收政府信息公开申请数量,,,5,1,1,1,0,0,8"))
        let noOut = try CLIRunner.run(["report", "annual", "--unit", "CZJ", "--year", year, "--format", "docx", "--database", db.url])
        #expect(noOut.status != 0)
        #expect(noOut.stderr.contains("导出 docx 须用 --out 指定文件"))
        let badFormat = try CLIRunner.run(["report", "annual", "--unit", "CZJ", "--year", year, "--format", "pdf", "--database", db.url])
        #expect(badFormat.status != 0)
        #expect(badFormat.stderr.contains("--format 应为 json、html、xlsx、docx、csv 之一"))
        let unknown = try CLIRunner.run(["report", "annual", "--unit", "NOPE", "--year", year, "--database", db.url])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("单位 NOPE 不存在"))
        let empty = try CLIRunner.run(["report", "annual", "--unit", "SFJ", "--year", "2024", "--database", db.url])
        #expect(empty.status == 0)
        #expect(empty.stderr.contains("没有可统计的数据"))

        let bad = folder.appendingPathComponent("legacy.jsonl").path
        try Data(
            "{\"unit\": \"CZJ\", \"reference\": \"H-1\", \"applicantKind\": \"自然人\", \"receivedOn\": \"2023-04-01\", \"answeredOn\": \"2023-04-10\", \"outcome\": \"r3.9\"}\n"
                .utf8
        )
        .write(to: URL(fileURLWithPath: bad))
        let refused = try CLIRunner.run(["import", "requests", bad, "--as", "editor", "--database", db.url])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("第 1 行「办理结果」"))
        #expect(refused.stderr.contains("未导入任何数据"))
        let good = folder.appendingPathComponent("legacy.csv").path
        try Data("unit,reference,applicantKind,receivedOn,answeredOn,outcome\nCZJ,H-1,自然人,2023-04-01,2023-04-10,r3.1\n".utf8).write(
            to: URL(fileURLWithPath: good))
        let imported = try CLIRunner.run(["import", "requests", good, "--as", "editor", "--database", db.url])
        #expect(imported.status == 0)
        #expect(imported.stdout.contains("已导入 1 件历史申请"))
        let after = try CLIRunner.run(["report", "annual", "--unit", "CZJ", "--year", "2023", "--format", "csv", "--database", db.url])
        #expect(after.stdout.contains("一、本年新收政府信息公开申请数量,,,1,0,0,0,0,0,1"))
    }
}
