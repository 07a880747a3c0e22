import DisclosureTestSupport
import Foundation
import Testing

@Suite("disclosure import powers / export powers")
struct PowersCommandTests {
    @Test("the demo's list exports to XLSX and CSV, a bad file is refused with its rows listed, a good one imports as a staff account")
    func roundTrip() throws {
        let db = TestDatabase.temporarySQLiteFile()
        defer { db.cleanup() }
        #expect(try CLIRunner.run(["demo", "--database", db.url], environment: ["DISCLOSURE_DEMO_PASSWORD": "Demo2026county"]).status == 0)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("powers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let xlsx = folder.appendingPathComponent("czj.xlsx").path
        let exported = try CLIRunner.run(["export", "powers", "--unit", "CZJ", "--format", "xlsx", "--out", xlsx, "--database", db.url])
        #expect(exported.status == 0)
        #expect(exported.stdout.contains("已导出 7 项"))
        let csv = try CLIRunner.run(["export", "powers", "--unit", "CZJ", "--year", "2025", "--database", db.url])
        #expect(csv.stdout.contains("会计从业资格证书核发"))
        #expect(csv.stdout.contains(",取消,2025,"))

        let reimported = try CLIRunner.run(["import", "powers", xlsx, "--as", "editor", "--database", db.url])
        #expect(reimported.status == 0)
        #expect(reimported.stdout.contains("新增 0 项，更新 0 项，未变化 7 项"))

        let bad = folder.appendingPathComponent("bad.csv").path
        let text = "编码,权力名称,权力类别,实施主体,设定依据,法定时限（工作日）,承诺时限（工作日）\r\nCZJ-XK-100,新事项,行政许可,CZJ,《会计法》第一条,20,10\r\nCZJ-XK-101,错事项,行政审批,CZJ,《会计法》第一条,,\r\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: bad))
        let refused = try CLIRunner.run(["import", "powers", bad, "--as", "editor", "--database", db.url])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("第 3 行「权力类别」：未知类别「行政审批」"))
        #expect(refused.stderr.contains("未导入任何数据"))
        let partial = try CLIRunner.run(["import", "powers", bad, "--as", "editor", "--valid-only", "--database", db.url])
        #expect(partial.status == 0)
        #expect(partial.stdout.contains("新增 1 项"))
        let stranger = try CLIRunner.run(["import", "powers", bad, "--as", "nobody", "--database", db.url])
        #expect(stranger.status != 0)
        #expect(stranger.stderr.contains("账号 nobody 不存在或已停用"))
    }
}
