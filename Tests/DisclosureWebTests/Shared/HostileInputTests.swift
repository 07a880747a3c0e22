import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 17: numbers, sizes and bytes from a request are bounded before they reach arithmetic or
/// storage; none of them can produce a 5xx.
@Suite("Hostile input")
struct HostileInputTests {
    static let pageValues = ["9223372036854775807", "-1", "0", "1e9", "abc", "288230376151711744", "%FF", "1%00"]

    static let portalRoutes = [
        "/ask", "/catalog", "/powers", "/search?q=" + Browser.encode("预算"), "/api/v1/public/messages", "/api/v1/public/documents",
        "/api/v1/public/search?q=x",
    ]
    static let staffRoutes = ["/staff/documents"]
    static let apiRoutes = ["/api/v1/documents", "/api/v1/audit?limit=", "/api/v1/records?year=", "/api/v1/findings?year=", "/api/v1/reports?year="]

    static func join(_ route: String, _ value: String) -> String {
        if route.hasSuffix("=") { return route + value }
        return route + (route.contains("?") ? "&" : "?") + "page=" + value
    }

    @Test("every paginated route answers huge, negative and garbage page numbers without a 5xx", arguments: TestDatabase.kinds)
    func pages(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, database in
            let office = try await APITests.token(database, "office")
            for route in Self.portalRoutes {
                for value in Self.pageValues {
                    let page = try await browser.get(Self.join(route, value))
                    #expect(page.status.code < 500, "\(route) \(value)")
                }
            }
            for route in Self.apiRoutes {
                for value in Self.pageValues {
                    let page = try await browser.get(Self.join(route, value), headers: [.authorization: "Bearer \(office)"])
                    #expect(page.status.code < 500, "\(route) \(value)")
                }
            }
            let refused = try await browser.get("/ask?page=abc")
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("页码（page）应为 1–1000 的整数"))
            #expect(try await browser.get("/ask?page=9223372036854775807").status == .ok)
            try await browser.login("office")
            for route in Self.staffRoutes {
                for value in Self.pageValues {
                    #expect(try await browser.get(Self.join(route, value)).status.code < 500, "\(route) \(value)")
                }
            }
            #expect(try await browser.get("/healthz").status == .ok)
        }
    }

    /// Issue 20: queries of any length or bytes answer 200 or 400, on the page, the API and the power list.
    static let hostileQueries = [
        "", String(repeating: "政府信息公开", count: 834), String(repeating: "税", count: 5_000), "%ED%A0%80", "%ED%A0%80%E6%94%BF", "%00%07%1B",
        "%22%2A%28NEAR%29%20OR%20%27", "%F0%9F%98%80%F0%9F%98%80",
        String((0..<5_000).map { Character(Unicode.Scalar(0x4E00 + ($0 * 7919) % 20_000)!) }),
        "a%20" + String(repeating: "b%20", count: 2_000), "%FF%FE", "%",
    ]

    @Test(
        "search answers any query — empty, 5,000 characters, control characters, FTS syntax, lone surrogates — with 200 or 400",
        arguments: TestDatabase.kinds)
    func hostileSearches(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, _ in
            for query in Self.hostileQueries {
                let encoded = query.contains("%") ? query : Browser.encode(query)
                for route in ["/search?q=", "/search?sort=date&q=", "/api/v1/public/search?q=", "/api/v1/public/search?facets=0&q=", "/powers?q="] {
                    let response = try await browser.get(route + encoded)
                    #expect([200, 400].contains(response.status.code), "\(route)\(query.prefix(20)) → \(response.status)")
                }
            }
            #expect(try await browser.get("/healthz").status == .ok)
        }
    }

    @Test("a 200,000-character document saves through the form and the API; a larger body gets 413 naming the limit", arguments: TestDatabase.kinds)
    func largeBodies(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, database in
            let text = String(repeating: "县", count: DocumentDraft.bodyLimit - 7) + "<p>结束。</p>"
            let editor = try await APITests.token(database, "editor")
            let payload = try JSONSerialization.data(withJSONObject: [
                "unitCode": "CZJ", "title": "长篇文件", "category": "通知公告", "generatedOn": "2026-11-19", "body": text,
            ])
            let api = try await browser.send(
                "/api/v1/documents", method: .post, headers: [.authorization: "Bearer \(editor)", .contentType: "application/json"],
                bytes: Array(payload))
            #expect(api.status == .created)
            try await browser.login("editor")
            var form = PublishingJourneyTests.form
            form["body"] = text
            form["docNumber"] = "示财〔2026〕6号"
            #expect(try await browser.post("/staff/documents", form: form).status == .seeOther)
            let huge = String(repeating: "x", count: 5 << 20)
            let tooLarge = try await browser.send(
                "/api/v1/documents", method: .post, headers: [.authorization: "Bearer \(editor)", .contentType: "application/json"],
                body: #"{"body":""# + huge + #""}"#)
            #expect(tooLarge.status == .contentTooLarge)
            #expect(tooLarge.body.contains("4 MB"))
            let tooLargeForm = try await browser.post("/staff/documents", form: ["body": huge])
            #expect(tooLargeForm.status == .contentTooLarge)
            #expect(tooLargeForm.body.contains("4 MB"))
        }
    }

    @Test("a form value that is not UTF-8 is refused with the field named, not stored as %FF", arguments: TestDatabase.kinds)
    func invalidUTF8(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, _ in
            try await browser.get("/ask")
            let token = browser.cookies["dsc_csrf"] ?? ""
            let page = try await browser.send(
                "/ask", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: "_csrf=\(token)&unitCode=CZJ&title=%FF%FE&body=x")
            #expect(page.status == .badRequest)
            #expect(page.body.contains("字段 title 含有无效的字符编码"))
        }
    }
}
