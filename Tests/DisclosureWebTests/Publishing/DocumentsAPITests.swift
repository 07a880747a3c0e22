import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Hummingbird
import Testing

@Suite("Documents API")
struct DocumentsAPITests {
    static func json(_ text: String) -> [String: Any] { (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:] }

    func call(_ browser: Browser, _ method: HTTPRequest.Method, _ uri: String, token: String, _ body: String? = nil) async throws -> Browser.Page {
        try await browser.send(uri, method: method, headers: [.authorization: "Bearer \(token)", .contentType: "application/json"], body: body)
    }

    @Test("staff create and move a document through its states; the public API shows only the published one", arguments: TestDatabase.kinds)
    func lifecycle(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, database in
            let editor = try await APITests.token(database, "editor")
            let reviewer = try await APITests.token(database, "reviewer")
            let created = try await call(
                browser, .post, "/api/v1/documents", token: editor,
                #"{"unitCode":"CZJ","title":"城乡低保标准调整公告","category":"通知公告","generatedOn":"2026-11-19","body":"低保标准提高。"}"#)
            #expect(created.status == .created)
            let id = try #require(Self.json(created.body)["id"] as? Int)
            #expect(Self.json(created.body)["indexNumber"] as? String == "CZJ/2026-00001")
            let other = try await call(
                browser, .post, "/api/v1/documents", token: editor,
                #"{"unitCode":"CZJ","title":"内部草稿","category":"通知公告","generatedOn":"2026-11-19","body":"低保"}"#)
            #expect(other.status == .created)
            let wrongState = try await call(browser, .post, "/api/v1/documents/\(id)/transitions", token: reviewer, #"{"action":"publish"}"#)
            #expect(wrongState.status == .conflict)
            #expect(Self.json(wrongState.body)["detail"] as? String == "文件当前为「草稿」，不能发布")
            #expect(try await call(browser, .post, "/api/v1/documents/\(id)/transitions", token: editor, #"{"action":"submit"}"#).status == .ok)
            let approve = #"{"action":"approve","containsStateSecrets":false,"containsPrivateOrCommercialData":false,"wordingAccurate":true}"#
            #expect(try await call(browser, .post, "/api/v1/documents/\(id)/transitions", token: reviewer, approve).status == .ok)
            let published = try await call(browser, .post, "/api/v1/documents/\(id)/transitions", token: reviewer, #"{"action":"publish"}"#)
            #expect(Self.json(published.body)["state"] as? String == "published")
            let search = Self.json(try await browser.get("/api/v1/public/search?q=" + Browser.encode("低保")).body)
            #expect(search["total"] as? Int == 1)
            #expect(((search["facets"] as? [String: Any])?["unit"] as? [[String: Any]])?.first?["value"] as? String == "CZJ")
            #expect(try await browser.get("/api/v1/public/documents/\(id)").status == .ok)
            #expect(try await browser.get("/api/v1/public/documents/\(id + 1)").status == .notFound)
            let list = Self.json(try await browser.get("/api/v1/public/documents").body)
            #expect(list["total"] as? Int == 1)
            let changes = Self.json(try await browser.get("/api/v1/public/changes?since=2026-01-01T00:00:00.000Z").body)
            #expect((changes["items"] as? [Any])?.count == 1)
            #expect(try await browser.get("/api/v1/public/changes?since=yesterday").status == .badRequest)
            #expect(try await browser.get("/api/v1/documents").status == .unauthorized)
            let staffList = Self.json(try await call(browser, .get, "/api/v1/documents", token: editor).body)
            #expect(staffList["total"] as? Int == 2)
        }
    }

    @Test("bad drafts are problem+json naming the field", arguments: TestDatabase.kinds)
    func badDrafts(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, database in
            let editor = try await APITests.token(database, "editor")
            for (body, field) in [
                (#"{"unitCode":"CZJ","title":"","category":"x","generatedOn":"2026-11-19"}"#, "title"),
                (#"{"unitCode":"CZJ","title":"t","category":"x","generatedOn":"2026-13-01"}"#, "generatedOn"),
                (#"{"unitCode":"CZJ","title":"t","category":"x","generatedOn":"2026-11-19","attribute":"秘密"}"#, "attribute"),
                (#"{"unitCode":"JYJ","title":"t","category":"x","generatedOn":"2026-11-19"}"#, "unitCode"),
                (#"{"title":"t"}"#, "unitCode"),
            ] {
                let response = try await call(browser, .post, "/api/v1/documents", token: editor, body)
                #expect(response.headers[.contentType] == "application/problem+json; charset=utf-8")
                #expect(Self.json(response.body)["field"] as? String == field, "\(body)")
            }
            #expect(try await DocumentListRepository(database.sql).staffCount(units: ["CZJ", "JYJ"], state: nil) == 0)
        }
    }
}
