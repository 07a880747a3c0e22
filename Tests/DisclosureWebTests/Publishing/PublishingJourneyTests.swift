import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Hummingbird
import Testing

@Suite("Publishing in the console and on the portal")
struct PublishingJourneyTests {
    static let form: [String: String] = [
        "unitCode": "CZJ", "title": "关于2026年县级预算公开的说明", "docNumber": "示财〔2026〕5号", "category": "财政预决算", "topic": "财政、金融、审计",
        "generatedOn": "2026-11-18", "body": "<p>全县一般公共预算收入完成年度目标。</p><script>alert(1)</script>", "attribute": "主动公开", "channel0": "1",
    ]

    static func documentID(_ location: String?) -> Int? {
        location.flatMap { Int($0.split(separator: "/").last?.split(separator: "?").first ?? "") }
    }

    @Test("editor drafts, reviewer signs off and publishes; the portal shows it and search finds it", arguments: TestDatabase.kinds)
    func journey(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, _ in
            try await browser.login("editor")
            let blank = try await browser.get("/staff/documents/new")
            #expect(blank.status == .ok)
            // The 政府网站 channel is ticked on a new form, so the simplest draft can be saved.
            #expect(blank.body.contains(#"name="channel0" value="1" checked"#))
            let created = try await browser.post("/staff/documents", form: Self.form)
            #expect(created.status == .seeOther)
            let id = try #require(Self.documentID(created.location))
            let draftPage = try await browser.get("/staff/documents/\(id)")
            #expect(draftPage.body.contains("CZJ/2026-00001"))
            #expect(draftPage.body.contains("还剩"))
            // Not on the portal before review.
            #expect(try await browser.get("/documents/\(id)").status == .notFound)
            let submitted = try await browser.post("/staff/documents/\(id)/submit", form: [:])
            #expect(submitted.status == .seeOther)
            // Each step says what it did (issue 22 §2).
            #expect(try await browser.get(submitted.headers[.location] ?? "").body.contains("已提交审核，等待本单位审核人进行保密审查。"))
            // The editor cannot approve.
            let denied = try await browser.post(
                "/staff/documents/\(id)/approve", form: ["containsStateSecrets": "no", "containsPrivateData": "no", "wordingAccurate": "yes"])
            #expect(denied.status == .forbidden)
            try await browser.post("/staff/logout", form: [:])
            try await browser.login("reviewer")
            let approved = try await browser.post(
                "/staff/documents/\(id)/approve",
                form: ["containsStateSecrets": "no", "containsPrivateData": "no", "wordingAccurate": "yes", "note": "可以公开"])
            #expect(approved.status == .seeOther)
            #expect(try await browser.get("/documents/\(id)").status == .notFound)
            #expect(try await browser.post("/staff/documents/\(id)/publish", form: ["publishAt": ""]).status == .seeOther)
            let page = try await browser.get("/documents/\(id)")
            #expect(page.status == .ok)
            for fact in ["索引号", "CZJ/2026-00001", "示财〔2026〕5号", "2026-11-18", "财政、金融、审计", "全县一般公共预算收入完成年度目标。"] {
                #expect(page.body.contains(fact), "\(fact)")
            }
            #expect(!page.body.contains("<script>alert"))
            let search = try await browser.get("/search?q=" + Browser.encode("预算"))
            #expect(search.body.contains("/documents/\(id)"))
            #expect(search.body.contains("<mark>预算</mark>"))
            let catalog = try await browser.get("/catalog?unit=CZJ")
            #expect(catalog.body.contains("关于2026年县级预算公开的说明"))
            let feed = try await browser.get("/feed.atom")
            #expect(feed.headers[.contentType] == "application/atom+xml; charset=utf-8")
            #expect(feed.body.contains("关于2026年县级预算公开的说明"))
        }
    }

    @Test("bad form input is shown in Chinese and changes nothing", arguments: TestDatabase.kinds)
    func badInput(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, database in
            try await browser.login("editor")
            var form = Self.form
            form["title"] = ""
            let empty = try await browser.post("/staff/documents", form: form)
            #expect(empty.status == .badRequest)
            #expect(empty.body.contains("标题不能为空"))
            form = Self.form
            form["generatedOn"] = "2099-01-01"
            #expect(try await browser.post("/staff/documents", form: form).body.contains("生成日期不能晚于今天"))
            form = Self.form
            form["attribute"] = "不予公开"
            #expect(try await browser.post("/staff/documents", form: form).body.contains("不予公开须选择"))
            form = Self.form
            form["unitCode"] = "JYJ"
            #expect(try await browser.post("/staff/documents", form: form).status == .forbidden)
            #expect(try await browser.post("/staff/documents", form: Self.form, csrf: "").status == .forbidden)
            #expect(try await DocumentListRepository(database.sql).staffCount(units: ["CZJ", "JYJ"], state: nil) == 0)
        }
    }

    @Test("a late publication shows on the unit's and the office's dashboards with its explanation", arguments: TestDatabase.kinds)
    func dashboards(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, _ in
            try await browser.login("editor")
            var form = Self.form
            form["generatedOn"] = "2026-10-09"
            let id = try #require(Self.documentID(try await browser.post("/staff/documents", form: form).location))
            let unitDashboard = try await browser.get("/staff")
            #expect(unitDashboard.body.contains("已超期未公开"))
            #expect(unitDashboard.body.contains("计入调休上班日 2026-10-10"))
            try await browser.post("/staff/documents/\(id)/submit", form: [:])
            try await browser.post("/staff/logout", form: [:])
            try await browser.login("reviewer")
            try await browser.post(
                "/staff/documents/\(id)/approve", form: ["containsStateSecrets": "no", "containsPrivateData": "no", "wordingAccurate": "yes"])
            try await browser.post("/staff/documents/\(id)/publish", form: [:])
            try await browser.post("/staff/logout", form: [:])
            try await browser.login("office")
            let office = try await browser.get("/staff")
            #expect(office.body.contains("逾期公开：应于 2026-11-05 前公开，晚了 11 个工作日"))
            #expect(office.body.contains("全县各单位"))
        }
    }

    @Test("search answers any input with a page", arguments: ["", "%22", "*", "NEAR(", "%00%01", String(repeating: "%E6%94%BF", count: 3000)])
    func searchInput(query: String) async throws {
        try await WebHarness.run(.sqlite) { browser, _ in
            let page = try await browser.get("/search?q=\(query)&year=abc&page=-3&sort=x")
            #expect(page.status == .ok)
        }
    }
}
