import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Hummingbird
import Testing

@Suite("Catalog pages: console, 指南 per unit, 法定主动公开内容")
struct CatalogPagesTests {
    static let entry: [String: String] = [
        "unitCode": "CZJ", "domain": "财政预决算", "primaryItem": "财政预决算", "secondaryItem": "部门预算", "content": "预算报表及说明",
        "basis": "《预算法》第十四条", "anchor": "形成或变更", "days": "20", "channel0": "1", "audience": "全社会", "mode": "主动", "level": "县级",
        "column": "", "columnKind": "政策文件", "statutoryItem": "7",
    ]

    @Test("the office adds an entry; the unit's guide and the statutory page show it; editors may not add", arguments: TestDatabase.kinds)
    func catalog(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, _ in
            try await browser.login("editor")
            #expect(try await browser.post("/staff/catalog", form: Self.entry).status == .forbidden)
            try await browser.post("/staff/logout", form: [:])
            try await browser.login("office")
            #expect(try await browser.post("/staff/catalog", form: Self.entry).status == .seeOther)
            var bad = Self.entry
            bad["days"] = "0"
            let refused = try await browser.post("/staff/catalog", form: bad)
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("工作日数须在 1 到 60 之间"))
            let page = try await browser.get("/staff/catalog?unit=CZJ")
            #expect(page.body.contains("部门预算"))
            #expect(page.body.contains("信息形成（变更）之日起20个工作日内"))
            let csv = try await browser.get("/staff/catalog.csv?unit=CZJ")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(try CatalogCSV.parse(csv.body).map(\.secondaryItem) == ["部门预算"])
            let guide = try await browser.get("/guide?unit=CZJ")
            #expect(guide.body.contains("示范县财政局政府信息公开指南"))
            #expect(guide.body.contains("■政府网站"))
            #expect(try await browser.get("/guide?unit=NOPE").status == .notFound)
            let statutory = try await browser.get("/catalog/statutory")
            #expect(statutory.body.contains("（七）财政预算、决算信息"))
            #expect(statutory.body.contains("示范县财政局 · 财政预决算"))
        }
    }
}
