import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Testing

/// Issue 17 item 0: `serve`'s background jobs once held the audit chain's advisory lock, and
/// within a minute every audited write of every instance and of the CLI hung on PostgreSQL.
///
/// Timed, so `scripts/test` runs it on its own after the parallel suite (`DISCLOSURE_TEST_SERVE=1`):
/// with two hundred other tests on two cores a healthy write can take over a second.
@Suite("disclosure serve with its background jobs")
struct ServeCommandTests {
    static func token(_ database: String, user: String) throws -> String {
        let result = try CLIRunner.run(["token", "create", "--user", user, "--name", "test", "--database", database])
        return String(result.stdout.split(whereSeparator: \.isWhitespace).first { $0.hasPrefix("dsc_") } ?? "")
    }

    @Test(
        "two instances on one PostgreSQL run their jobs while the CLI and the API write: every write completes within a second",
        .enabled(if: TestDatabase.postgresURL != nil && ProcessInfo.processInfo.environment["DISCLOSURE_TEST_SERVE"] == "1"))
    func twoInstances() async throws {
        let (schema, base, drop) = try await TestDatabase.createSchema()
        let database = base + (base.contains("?") ? "&" : "?") + "search_path=" + schema
        defer { Task { try? await drop() } }
        #expect(try CLIRunner.run(["demo", "--database", database], environment: ["DISCLOSURE_DEMO_PASSWORD": "Demo2026county"]).status == 0)
        let editor = try Self.token(database, user: "editor")
        let reviewer = try Self.token(database, user: "reviewer")
        let port = 18_500 + Int.random(in: 0..<400)
        let jobs = ["DISCLOSURE_JOB_INTERVAL_SECONDS": "1", "DISCLOSURE_LOG_LEVEL": "warning"]
        let first = try ServerProcess(database: database, port: port, environment: jobs)
        let second = try ServerProcess(database: database, port: port + 1, environment: jobs)
        defer {
            first.stop()
            second.stop()
        }
        try await first.waitUntilReady()
        try await second.waitUntilReady()

        // A document scheduled to publish a few seconds from now, so the job has work to do while we write.
        let draft: [String: Any] = ["unitCode": "CZJ", "title": "定时发布的预算说明", "category": "通知公告", "generatedOn": "2026-11-19", "body": "说明。"]
        let created = try await HTTP.send(.post, first.base + "/api/v1/documents", token: editor, json: draft)
        #expect(created.status == 201)
        let id = try #require(created.json["id"] as? Int)
        let transitions = first.base + "/api/v1/documents/\(id)/transitions"
        #expect(try await HTTP.send(.post, transitions, token: editor, json: ["action": "submit"]).status == 200)
        let checklist: [String: Any] = [
            "action": "approve", "containsStateSecrets": false, "containsPrivateOrCommercialData": false, "wordingAccurate": true,
        ]
        #expect(try await HTTP.send(.post, transitions, token: reviewer, json: checklist).status == 200)
        let publishAt = ISO8601DateFormatter().string(from: Date().addingTimeInterval(4))
        let scheduled = try await HTTP.send(.post, transitions, token: reviewer, json: ["action": "publish", "publishAt": publishAt])
        #expect(scheduled.json["state"] as? String == "scheduled")

        // Ten seconds of writes through both instances and the CLI while the jobs run every second.
        let until = ContinuousClock.now + .seconds(10)
        var round = 0
        while ContinuousClock.now < until {
            let server = round.isMultiple(of: 2) ? first : second
            let write = try await HTTP.send(
                .post, server.base + "/api/v1/documents", token: editor,
                json: ["unitCode": "CZJ", "title": "并发写入 \(round)", "category": "通知公告", "generatedOn": "2026-11-19", "body": "内容。"], timeout: 5)
            #expect(write.status == 201)
            #expect(write.elapsed < .seconds(1), "API write \(round) took \(write.elapsed)")
            let started = ContinuousClock.now
            let cli = try CLIRunner.run(["token", "create", "--user", "office", "--name", "r\(round)", "--database", database], timeout: 10)
            #expect(cli.status == 0)
            // The CLI's own start-up (process, connection, migration check) is outside the write itself.
            #expect(ContinuousClock.now - started < .seconds(3), "CLI write \(round) took \(ContinuousClock.now - started)")
            round += 1
        }
        #expect(round >= 3)
        let published = try await HTTP.send(.get, second.base + "/api/v1/public/documents/\(id)")
        #expect(published.status == 200, "the scheduled publication did not happen")
        #expect(first.process.isRunning)
        #expect(second.process.isRunning)
    }

    @Test(
        "two instances send from one queue through a real SMTP server: every message once, the demo's reminders among them",
        .enabled(if: TestDatabase.postgresURL != nil && ProcessInfo.processInfo.environment["DISCLOSURE_TEST_SERVE"] == "1"))
    func twoInstancesSend() async throws {
        let (schema, base, drop) = try await TestDatabase.createSchema()
        let url = base + (base.contains("?") ? "&" : "?") + "search_path=" + schema
        defer { Task { try? await drop() } }
        #expect(try CLIRunner.run(["demo", "--database", url], environment: ["DISCLOSURE_DEMO_PASSWORD": "Demo2026county"]).status == 0)
        let smtp = try LoopbackSMTPServer()
        let database = try await Database.open(.postgres(url: base, searchPath: schema))
        do {
            let mail = MailServerSettings(
                host: "localhost", port: smtp.plainPort, security: .startTLS, username: LoopbackSMTPServer.username,
                password: LoopbackSMTPServer.password,
                fromAddress: "zwgk@shifan.gov.cn", fromName: "示范县政务公开办", trustRootsFile: smtp.certificateFile)
            try await NotificationSettingsStore(database: database, clock: SystemWallClock()).save(
                NotificationSettings(mail: mail, sms: nil, quietHours: .standard, retries: .standard, siteURL: ""),
                by: StaffIdentity(userID: 1, username: "office", role: .office, unitCode: "ZFB"))
            let queue = DeliveryQueue(database.unaudited)
            for index in 0..<30 {
                let message = OutgoingDelivery(
                    key: "bulk:\(index)", purpose: .test, channel: .email, recipient: "bulk\(index)@example.cn", recipientLabel: "测试",
                    unitCode: "ZFB",
                    subject: "批量测试 \(index)", body: "第 \(index) 条。")
                try await queue.enqueue(message, at: Date())
            }
            let port = 18_900 + Int.random(in: 0..<300)
            let environment = ["DISCLOSURE_SEND_INTERVAL_SECONDS": "1", "DISCLOSURE_JOB_INTERVAL_SECONDS": "1", "DISCLOSURE_LOG_LEVEL": "warning"]
            let first = try ServerProcess(database: url, port: port, environment: environment)
            let second = try ServerProcess(database: url, port: port + 1, environment: environment)
            defer {
                first.stop()
                second.stop()
            }
            try await first.waitUntilReady()
            try await second.waitUntilReady()
            var waiting = Int.max
            let until = ContinuousClock.now + .seconds(60)
            while ContinuousClock.now < until {
                let counts = try await queue.counts(units: try await UnitRepository(database.sql).all().map(\.code))
                waiting = (counts[.queued] ?? 0) + (counts[.sending] ?? 0)
                // The demo's reminders are queued by the first monitor round, which may come after the
                // bulk messages are out: wait for one of them too (all are queued in one transaction).
                let reminded = try await queue.recent(units: try await UnitRepository(database.sql).all().map(\.code), status: .sent, limit: 1000)
                    .contains { $0.message.purpose == .staffReminder }
                if waiting == 0, (counts[.sent] ?? 0) >= 30, reminded { break }
                try await Task.sleep(for: .milliseconds(500))
            }
            #expect(waiting == 0)
            let sent = try await queue.recent(units: try await UnitRepository(database.sql).all().map(\.code), status: .sent, limit: 1000)
            let received = try smtp.received().map(\.envelopeTo)
            #expect(received.filter { $0.hasPrefix("bulk") }.count == 30)
            #expect(Set(received.filter { $0.hasPrefix("bulk") }).count == 30)
            // Every sent row arrived once: nothing twice, nothing lost, reminders included.
            #expect(received.count == sent.count)
            #expect(received.contains { $0.hasSuffix("@shifan.example.cn") })
            #expect(first.process.isRunning && second.process.isRunning)
            try await database.close()
        } catch {
            try? await database.close()
            throw error
        }
    }
}
