import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import DisclosureWeb
import Foundation
import Hummingbird
import Testing

@Suite("JSON API")
struct APITests {
    static func token(_ database: Database, _ username: String) async throws -> String {
        try await Authentication(database: database, clock: FixedClock(), hasher: PasswordHasher(cost: 4))
            .createToken(username: username, name: "test", by: .commandLine).token
    }

    static func json(_ text: String) -> Any? { try? JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test("public units list, a unit, and a 404 problem in Chinese", arguments: TestDatabase.kinds)
    func units(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, _ in
            let list = try await browser.get("/api/v1/units")
            #expect(list.status == .ok)
            #expect((Self.json(list.body) as? [[String: Any]])?.count == 4)
            let one = try await browser.get("/api/v1/units/czj")
            #expect((Self.json(one.body) as? [String: Any])?["name"] as? String == "示范县财政局")
            let missing = try await browser.get("/api/v1/units/NOPE")
            #expect(missing.status == .notFound)
            #expect(missing.headers[.contentType] == "application/problem+json; charset=utf-8")
            #expect((Self.json(missing.body) as? [String: Any])?["detail"] as? String == "单位 NOPE 不存在")
        }
    }

    @Test("bearer tokens: office writes, editor is forbidden, bad token is 401", arguments: TestDatabase.kinds)
    func tokens(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, database in
            let office = try await Self.token(database, "office")
            let editor = try await Self.token(database, "editor")
            let me = try await browser.get("/api/v1/me", headers: [.authorization: "Bearer \(office)"])
            #expect((Self.json(me.body) as? [String: Any])?["role"] as? String == "office")
            let body = #"{"code": "swj", "name": "示范县税务局", "kind": "vertical_agency", "parentCode": "XZF"}"#
            let json: HTTPFields = [.contentType: "application/json"]
            var headers = json
            headers[.authorization] = "Bearer \(editor)"
            #expect(try await browser.send("/api/v1/units", method: .post, headers: headers, body: body).status == .forbidden)
            headers[.authorization] = "Bearer dsc_invalid"
            let bad = try await browser.send("/api/v1/units", method: .post, headers: headers, body: body)
            #expect(bad.status == .unauthorized)
            #expect(bad.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            headers[.authorization] = "Bearer \(office)"
            let created = try await browser.send("/api/v1/units", method: .post, headers: headers, body: body)
            #expect(created.status == .created)
            #expect(try await UnitRepository(database.sql).find("SWJ") != nil)
            let patched = try await browser.send("/api/v1/units/SWJ", method: .patch, headers: headers, body: #"{"active": false}"#)
            #expect(patched.status == .ok)
            #expect((Self.json(patched.body) as? [String: Any])?["active"] as? Bool == false)
            let users = try await browser.get("/api/v1/users", headers: [.authorization: "Bearer \(office)"])
            #expect((Self.json(users.body) as? [[String: Any]])?.count == 5)
            #expect(!users.body.contains("password"))
        }
    }

    @Test(
        "bad JSON input is a 4xx problem naming the field and changes nothing",
        arguments: [
            ("not json", 400, "body"), (#"{"name": "某局", "kind": "other"}"#, 400, "code"),
            (#"{"code": 5, "name": "某局", "kind": "other"}"#, 400, "code"),
            (#"{"code": "X", "name": "", "kind": "other"}"#, 400, "name"), (#"{"code": "CZJ", "name": "重复", "kind": "other"}"#, 409, "code"),
        ])
    func badInput(body: String, status: Int, field: String) async throws {
        try await WebHarness.run(.sqlite) { browser, database in
            let office = try await Self.token(database, "office")
            let page = try await browser.send(
                "/api/v1/units", method: .post, headers: [.contentType: "application/json", .authorization: "Bearer \(office)"], body: body)
            #expect(Int(page.status.code) == status)
            let problem = Self.json(page.body) as? [String: Any]
            #expect(problem?["field"] as? String == field)
            #expect((problem?["detail"] as? String)?.isEmpty == false)
            #expect(try await UnitRepository(database.sql).all().count == 4)
        }
    }

    @Test("working days over the API")
    func workdays() async throws {
        try await WebHarness.run(.sqlite) { browser, _ in
            let add = try await browser.get("/api/v1/workdays/add?date=2024-12-31&days=20")
            #expect((Self.json(add.body) as? [String: Any])?["due"] as? String == "2025-02-05")
            let between = try await browser.get("/api/v1/workdays/between?from=2025-09-25&to=2025-10-11")
            #expect((Self.json(between.body) as? [String: Any])?["workingDays"] as? Int == 7)
            let bad = try await browser.get("/api/v1/workdays/add?date=2025-13-01&days=2")
            #expect(bad.status == .badRequest)
            #expect(bad.body.contains("日期（date）"))
        }
    }

    @Test("the OpenAPI document lists exactly the API routes the router serves")
    func openAPIMatchesRoutes() async throws {
        try await TestDatabase.sqlite.with { (database: Database) async throws in
            let services = try await AppServices(config: .testing, database: database, clock: FixedClock())
            let router = buildRouter(services: services)
            let served = Set(
                router.routes.map { "\($0.method.rawValue) \($0.path.description)" }
                    .filter { $0.contains("/api/v1/") }
                    .map { $0.replacingOccurrences(of: "/api/v1", with: "") })
            let app = try await buildApplication(config: .testing, database: database, clock: FixedClock())
            let documented: Set<String> = try await app.test(.router) { client in
                let response = try await client.execute(uri: "/api/v1/openapi.json", method: .get)
                let doc = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
                #expect(doc["openapi"] as? String == "3.1.0")
                let paths = try #require(doc["paths"] as? [String: [String: Any]])
                return Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
            }
            #expect(served == documented)
        }
    }
}
