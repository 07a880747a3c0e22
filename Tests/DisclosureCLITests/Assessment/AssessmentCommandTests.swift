import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Testing

@Suite("disclosure assessment score / schemes / metrics")
struct AssessmentCommandTests {
    static func write(_ text: String, _ name: String, in folder: URL) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("done-when: the seed-style scheme scores 2 of 6 meetings and a late half-year summary at 94, from a shipped name or an exported file")
    func score() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("assessment-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let facts = try Self.write(#"{"1.1": {"count": 2}, "1.2": {"met": false}}"#, "facts.json", in: folder)

        let exported = try CLIRunner.run(["assessment", "schemes", "--out", folder.path])
        #expect(exported.status == 0)
        #expect(exported.stdout.contains("seed-style\t政务公开工作量化考核指标体系（乡镇、县直单位）"))
        for scheme in ["seed-style", folder.appendingPathComponent("seed-style.json").path] {
            let result = try CLIRunner.run(["assessment", "score", "--scheme", scheme, "--facts", facts])
            #expect(result.status == 0)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            #expect(object["total"] as? Int == 94)
            #expect(object["grade"] as? String == "优秀")
            let lines = try #require(object["indicators"] as? [[String: Any]])
            let meetings = try #require(lines.first { $0["id"] as? String == "1.1" })
            #expect(meetings["score"] as? Int == 2)
            #expect(
                (meetings["deductions"] as? [[String: Any]])?.first?["reason"] as? String == "规定不少于 6 次，实际 2 次，少 4 次，每次扣 1 分，扣 4 分")
            let summary = try #require(lines.first { $0["id"] as? String == "1.2" })
            #expect((summary["deductions"] as? [[String: Any]])?.first?["points"] as? Int == 2)
        }

        let unknown = try Self.write(#"{"9.9": {"count": 1}}"#, "unknown.json", in: folder)
        let refused = try CLIRunner.run(["assessment", "score", "--scheme", "seed-style", "--facts", unknown])
        #expect(refused.status != 0)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr == "错误：指标 9.9 不在指标体系「政务公开工作量化考核指标体系（乡镇、县直单位）」中\n")
        let broken = try Self.write(
            ShippedSchemes.seedStyle.replacingOccurrences(of: #""points": 30"#, with: #""points": 31"#), "broken.json", in: folder)
        let bad = try CLIRunner.run(["assessment", "score", "--scheme", broken, "--facts", facts])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("指标 1「组织领导」分值 31 分，下级指标合计 30 分，两者不等"))
        let missing = try CLIRunner.run(["assessment", "score", "--scheme", "nowhere", "--facts", facts])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("无法读取指标体系文件 nowhere"))
    }

    @Test("the CLI gives the console's numbers: the demo finance bureau's 抽评 facts score to the same total, metrics match")
    func sameAsConsole() async throws {
        let db = TestDatabase.temporarySQLiteFile()
        defer { db.cleanup() }
        #expect(try CLIRunner.run(["demo", "--database", db.url], environment: ["DISCLOSURE_DEMO_PASSWORD": "Demo2026county"]).status == 0)
        let year = Calendar(identifier: .gregorian).component(.year, from: Date()) - 1
        let database = try await Database.open(try DatabaseURL(parsing: db.url))
        let office = StaffIdentity(userID: 0, username: "office", role: .office, unitCode: "ZFB")
        let service = AssessmentService(database: database, clock: SystemWallClock())
        let campaign = try #require(try await service.campaigns().first { $0.year == year })
        let view = try await service.unitView(campaign.id, unit: "CZJ", visibleTo: office)
        try await database.close()

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("assessment-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let facts = try Self.write(String(decoding: try #require(view.entry.spotFacts).json(), as: UTF8.self), "spot.json", in: folder)
        let scored = try CLIRunner.run(["assessment", "score", "--scheme", "seed-style", "--facts", facts])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(scored.stdout.utf8)) as? [String: Any])
        #expect("\(object["total"] ?? "")" == "\(try #require(view.spotScore).total)")
        #expect(object["grade"] as? String == view.spotScore?.grade)

        let metrics = try CLIRunner.run([
            "assessment", "metrics", "--unit", "czj", "--year", String(year), "--scheme", "seed-style", "--database", db.url,
        ])
        let metricFacts = try AssessmentFacts.parse(Data(metrics.stdout.utf8))
        #expect(metricFacts["1.1"] == .count(2))
        #expect(metricFacts["1.2"] == .met(false))
        #expect(metricFacts["3.1"] == .count(4))
        let raw = try CLIRunner.run(["assessment", "metrics", "--unit", "CZJ", "--year", String(year), "--database", db.url])
        #expect(raw.stdout.contains("规定 \(year)-07-15 前，逾期"))
        let unknown = try CLIRunner.run(["assessment", "metrics", "--unit", "NOPE", "--year", String(year), "--database", db.url])
        #expect(unknown.status != 0)
        #expect(unknown.stderr == "错误：单位 NOPE 不存在\n")
    }
}
