import DisclosureTestSupport
import Foundation
import Testing

@Suite("disclosure monitor run")
struct MonitorCommandTests {
    @Test("records each reminder once per day and refuses a bad policy setting in one line")
    func reminders() throws {
        let db = TestDatabase.temporarySQLiteFile()
        defer { db.cleanup() }
        #expect(try CLIRunner.run(["demo", "--database", db.url], environment: ["DISCLOSURE_DEMO_PASSWORD": "Demo2026county"]).status == 0)
        let first = try CLIRunner.run(["monitor", "run", "--database", db.url])
        #expect(first.status == 0)
        #expect(first.stdout.contains("办理中申请 4 件"))
        #expect(first.stdout.contains("新提醒 2 条"))
        let second = try CLIRunner.run(["monitor", "run", "--database", db.url])
        #expect(second.stdout.contains("新提醒 0 条"))
        // The demo's findings were recorded when it loaded; its stale 财政动态 column is among them.
        #expect(second.stdout.contains("新发现 0 个，已消除 0 个"))
        let findings = try CLIRunner.run(["monitor", "run", "--database", db.url])
        #expect(findings.stdout.contains("投诉超期提请督办 0 件"))
        let bad = try CLIRunner.run(["monitor", "run", "--database", db.url], environment: ["DISCLOSURE_INTERNAL_TARGET_DAYS": "30"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("DISCLOSURE_INTERNAL_TARGET_DAYS"))
        #expect(bad.stderr.split(separator: "\n").count == 1)
    }
}
