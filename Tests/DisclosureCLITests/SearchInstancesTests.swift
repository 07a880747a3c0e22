import DisclosureTestSupport
import Foundation
import Testing

/// Issue 20 §5: several `serve` instances on one PostgreSQL each keep their own index folder; a
/// document published through one is findable through the other within 2 s; a kill -9 at any
/// moment loses nothing, and at restart the index catches up and never shows a withdrawn
/// document; `disclosure search verify` then agrees with a scan of the documents table.
///
/// Timed, so it runs with the serve tests after the parallel suite (`DISCLOSURE_TEST_SERVE=1`).
@Suite("Search across instances and crashes")
struct SearchInstancesTests {
    /// Creates, submits, approves and publishes a document through `server`; returns its id.
    static func publish(_ title: String, through server: ServerProcess, editor: String, reviewer: String) async throws -> Int {
        let draft: [String: Any] = ["unitCode": "CZJ", "title": title, "category": "通知公告", "generatedOn": "2026-11-19", "body": "断电恢复测试正文。"]
        let created = try await HTTP.send(.post, server.base + "/api/v1/documents", token: editor, json: draft, timeout: 10)
        let id = try #require(created.json["id"] as? Int, "create: \(created.status)")
        let transitions = server.base + "/api/v1/documents/\(id)/transitions"
        #expect(try await HTTP.send(.post, transitions, token: editor, json: ["action": "submit"], timeout: 10).status == 200)
        let checklist: [String: Any] = [
            "action": "approve", "containsStateSecrets": false, "containsPrivateOrCommercialData": false, "wordingAccurate": true,
        ]
        #expect(try await HTTP.send(.post, transitions, token: reviewer, json: checklist, timeout: 10).status == 200)
        #expect(try await HTTP.send(.post, transitions, token: reviewer, json: ["action": "publish"], timeout: 10).status == 200)
        return id
    }

    static func withdraw(_ id: Int, through server: ServerProcess, reviewer: String) async throws {
        let response = try await HTTP.send(
            .post, server.base + "/api/v1/documents/\(id)/transitions", token: reviewer, json: ["action": "withdraw", "reason": "测试撤回"], timeout: 10)
        #expect(response.status == 200)
    }

    /// The ids the instance's search finds for the test's phrase, newest first (all of them).
    static func found(_ server: ServerProcess) async throws -> Set<Int> {
        var ids: Set<Int> = []
        for page in 1...20 {
            let response = try await HTTP.send(
                .get, server.base + "/api/v1/public/search?q=%E6%96%AD%E7%94%B5%E6%81%A2%E5%A4%8D&sort=date&facets=0&page=\(page)", timeout: 10)
            #expect(response.status == 200)
            let items = response.json["items"] as? [[String: Any]] ?? []
            ids.formUnion(items.compactMap { $0["id"] as? Int })
            if items.count < 20 { break }
        }
        return ids
    }

    @Test(
        "two instances see each other's changes within 2 s; a killed instance restarts with nothing lost and nothing withdrawn",
        .enabled(if: TestDatabase.postgresURL != nil && ProcessInfo.processInfo.environment["DISCLOSURE_TEST_SERVE"] == "1"))
    func instancesAndCrash() async throws {
        let (schema, base, drop) = try await TestDatabase.createSchema()
        let database = base + (base.contains("?") ? "&" : "?") + "search_path=" + schema
        defer { Task { try? await drop() } }
        #expect(try CLIRunner.run(["demo", "--database", database], environment: ["DISCLOSURE_DEMO_PASSWORD": "Demo2026county"]).status == 0)
        let editor = try ServeCommandTests.token(database, user: "editor")
        let reviewer = try ServeCommandTests.token(database, user: "reviewer")
        let port = 18_100 + Int.random(in: 0..<300)
        let quiet = ["DISCLOSURE_LOG_LEVEL": "warning"]
        let first = try ServerProcess(database: database, port: port, environment: quiet)
        var second = try ServerProcess(database: database, port: port + 1, environment: quiet)
        defer {
            first.stop()
            second.stop()
        }
        try await first.waitUntilReady()
        try await second.waitUntilReady()

        // Published through one instance, found through the other within 2 s.
        var live: Set<Int> = []
        let id = try await Self.publish("断电恢复测试一", through: first, editor: editor, reviewer: reviewer)
        live.insert(id)
        let published = ContinuousClock.now
        while try await Self.found(second) != live {
            try #require(ContinuousClock.now - published < .seconds(2), "not findable through the other instance within 2 s")
            try await Task.sleep(for: .milliseconds(100))
        }
        try await Self.withdraw(id, through: second, reviewer: reviewer)
        live.remove(id)
        let withdrawn = ContinuousClock.now
        while try await Self.found(first) != live {
            try #require(ContinuousClock.now - withdrawn < .seconds(2), "a withdrawal through one instance still found through the other after 2 s")
            try await Task.sleep(for: .milliseconds(100))
        }

        // Writes through the first instance while the second applies them; kill -9 the second mid-way.
        for round in 0..<12 {
            live.insert(try await Self.publish("断电恢复测试 \(round)", through: first, editor: editor, reviewer: reviewer))
            if round == 6 { second.crash() }
            if round % 4 == 3, let gone = live.sorted().first {
                try await Self.withdraw(gone, through: first, reviewer: reviewer)
                live.remove(gone)
            }
        }
        #expect(try await Self.found(first) == live)
        let folder = second.searchFolder
        second = try ServerProcess(database: database, port: port + 2, environment: quiet, searchFolder: folder)
        try await second.waitUntilReady()
        let restarted = try await Self.found(second)
        #expect(
            restarted == live, "the restarted instance lost \(live.subtracting(restarted).sorted()) or kept \(restarted.subtracting(live).sorted())")
        second.stop()

        // With the instance stopped, `verify` compares its folder with a scan of the documents table.
        let verified = try CLIRunner.run(
            ["search", "verify", "--database", database], environment: ["DISCLOSURE_SEARCH_DIR": folder], timeout: 60)
        #expect(verified.status == 0, "\(verified.stdout) \(verified.stderr)")
    }
}
