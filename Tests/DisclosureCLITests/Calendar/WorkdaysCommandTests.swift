import DisclosureTestSupport
import Foundation
import Testing

@Suite("disclosure workdays and calendar")
struct WorkdaysCommandTests {
    @Test(
        "workdays add prints the statutes' worked examples",
        arguments: [
            ("2025-09-25", "7", "2025-10-11"), ("2025-09-25", "20", "2025-10-29"), ("2025-09-25", "40", "2025-11-26"),
            ("2026-02-10", "7", "2026-02-26"), ("2026-02-10", "20", "2026-03-16"), ("2026-02-10", "40", "2026-04-14"),
            ("2024-12-31", "7", "2025-01-10"), ("2024-12-31", "20", "2025-02-05"), ("2024-12-31", "40", "2025-03-04"),
        ])
    func add(date: String, days: String, expected: String) throws {
        let result = try CLIRunner.run(["workdays", "add", date, days])
        #expect(result.status == 0)
        #expect(result.stdout == expected + "\n")
    }

    @Test("workdays between counts after the start up to the end")
    func between() throws {
        let result = try CLIRunner.run(["workdays", "between", "2025-09-25", "2025-10-11"])
        #expect(result.status == 0)
        #expect(result.stdout == "7\n")
    }

    @Test("a date in an unannounced year is flagged on stderr")
    func unconfirmed() throws {
        let result = try CLIRunner.run(["workdays", "add", "2026-12-20", "20"])
        #expect(result.stdout == "2027-01-15\n")
        #expect(result.stderr.contains("2027年放假安排未载入"))
    }

    @Test(
        "bad input is one Chinese line and exit 1",
        arguments: [
            ["workdays", "add", "2025-02-30", "3"], ["workdays", "add", "2025-01-01", "-3"], ["workdays", "add", "2025-01-01", "x"],
            ["workdays", "between", "yesterday", "2025-01-01"], ["workdays", "add", "2025-01-01", "3", "--database", "mysql://x"],
        ])
    func badInput(arguments: [String]) throws {
        let result = try CLIRunner.run(arguments)
        #expect(result.status != 0)
        #expect(result.stderr.hasPrefix("错误："))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stdout.isEmpty)
    }

    @Test("calendar import loads a year that workdays then uses; a bad file changes nothing")
    func calendarImport() throws {
        let db = TestDatabase.temporarySQLiteFile()
        defer { db.cleanup() }
        let file = NSTemporaryDirectory() + "cal-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: file) }
        try #"{"2027": {"holidays": ["2027-01-01", "2027-01-04"], "workdays": []}}"#.write(toFile: file, atomically: true, encoding: .utf8)
        let imported = try CLIRunner.run(["calendar", "import", file, "--database", db.url])
        #expect(imported.status == 0)
        #expect(imported.stdout.contains("2027年"))
        let after = try CLIRunner.run(["workdays", "add", "2026-12-31", "1", "--database", db.url])
        #expect(after.stdout == "2027-01-05\n")
        #expect(!after.stderr.contains("未载入"))
        try #"{"2027": {"holidays": [], "workdays": ["2027-01-05"]}}"#.write(toFile: file, atomically: true, encoding: .utf8)
        let bad = try CLIRunner.run(["calendar", "import", file, "--database", db.url])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("调休上班日必须是周六或周日"))
        #expect(try CLIRunner.run(["workdays", "add", "2026-12-31", "1", "--database", db.url]).stdout == "2027-01-05\n")
    }
}
