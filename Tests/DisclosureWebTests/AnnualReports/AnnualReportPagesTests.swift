import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Hummingbird
import Testing

@Suite("Annual report pages and API: legacy upload, narrative, filing, publication, the portal's official tables")
struct AnnualReportPagesTests {
    static let legacy = """
        单位编码,原编号,申请人类型,收到申请日期,答复日期,办理结果
        CZJ,L-1,自然人,2025-02-03,2025-02-20,r3.1
        CZJ,L-2,商业企业,2025-03-03,2025-03-25,r3.2
        CZJ,L-3,其他,2025-12-29,,
        """

    @Test("a unit writes, files and the office publishes; citizens read the tables laid out like the official format", arguments: TestDatabase.kinds)
    func journey(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, _ in
            try await browser.login("editor")
            let csrf = browser.csrfToken
            let (type, body) = PowerPagesTests.multipart(csrf: csrf, name: "历史申请.csv", bytes: Array(Self.legacy.utf8))
            let imported = try await browser.send("/staff/reports/legacy", method: .post, headers: [.contentType: type], bytes: body)
            #expect(imported.status == .ok)
            #expect(imported.body.contains("已导入 3 件历史申请"))
            let (badType, badBody) = PowerPagesTests.multipart(
                csrf: csrf, name: "坏.csv", bytes: Array("unit,reference,applicantKind,receivedOn\nCZJ,X-1,个人,2025-01-01".utf8))
            let refused = try await browser.send("/staff/reports/legacy", method: .post, headers: [.contentType: badType], bytes: badBody)
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("第 2 行"))
            #expect(refused.body.contains("申请人类型"))

            let page = try await browser.get("/staff/reports/CZJ/2025")
            #expect(page.status == .ok)
            #expect(page.body.contains("2026年1月31日"))
            #expect(page.body.contains("逾期 293 天"))
            #expect(page.body.contains("新收政府信息公开申请3件"))
            #expect(page.body.contains("rowspan=\"22\""))
            #expect(page.body.contains("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"))
            var form = ["active": "全年主动公开信息。", "problems": String(repeating: "长", count: 5001)]
            let tooLong = try await browser.post("/staff/reports/CZJ/2025/narrative", form: form)
            #expect(tooLong.status == .badRequest)
            #expect(tooLong.body.contains("不能超过 5000 字"))
            #expect(tooLong.body.contains("全年主动公开信息。"))
            form["problems"] = "解读不够通俗。"
            #expect(try await browser.post("/staff/reports/CZJ/2025/narrative", form: form).status == .seeOther)
            let cannotFile = try await browser.post("/staff/reports/CZJ/2025/file", form: [:])
            #expect(cannotFile.status == .forbidden)
            #expect(cannotFile.body.contains("年度报告须由本单位审核人报送"))

            try await browser.login("reviewer")
            #expect(try await browser.post("/staff/reports/CZJ/2025/file", form: [:]).status == .seeOther)
            try await browser.login("office")
            let overview = try await browser.get("/staff/reports?year=2025")
            #expect(overview.body.contains("示范县财政局"))
            #expect(overview.body.contains("已报送"))
            #expect(overview.body.contains("已逾期 293 天未报送"))
            #expect(try await browser.post("/staff/reports/CZJ/2025/publish", form: [:]).status == .seeOther)

            let list = try await browser.get("/reports")
            #expect(list.status == .ok)
            #expect(list.body.contains("/reports/CZJ/2025"))
            let report = try await browser.get("/reports/CZJ/2025")
            #expect(report.status == .ok)
            #expect(report.body.contains("示范县财政局2025年政府信息公开工作年度报告"))
            #expect(report.body.contains("解读不够通俗。"))
            #expect(
                report.body.contains(
                    "<th colspan=\"3\" class=\"long\">一、本年新收政府信息公开申请数量</th><td>1</td><td>1</td><td>0</td><td>0</td><td>0</td><td>1</td><td>3</td>"))
            #expect(report.body.contains("<th rowspan=\"8\">（三）不予公开</th>"))
            let print = try await browser.get("/reports/CZJ/2025/print")
            #expect(
                print.body.hasPrefix("<!doctype html>") && print.body.contains("href=\"/static/report-print.css\"") && !print.body.contains("<style>")
            )
            #expect(try await browser.get("/static/report-print.css").body.contains("@page { size: A4"))
            let html = try await browser.get("/reports/CZJ/2025/download?format=html")
            #expect(html.body.contains("<style>"))
            #expect(html.body.contains("@page { size: A4"))
            let docx = try await browser.get("/reports/CZJ/2025/download?format=docx")
            #expect(docx.headers[.contentType] == DOCXDocument.mediaType)
            #expect(try await browser.get("/reports/JYJ/2025").status == .notFound)
            #expect(try await browser.get("/reports/CZJ/2025/download?format=pdf").status == .badRequest)
        }
    }

    @Test("the API reads the report, edits by role, and answers a bad legacy file with 422 and the rows", arguments: TestDatabase.kinds)
    func api(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, database in
            let editor = try await APITests.token(database, "editor")
            let assessor = try await APITests.token(database, "assessor")
            func send(_ uri: String, _ method: HTTPRequest.Method, _ token: String, _ body: String? = nil) async throws -> Browser.Page {
                try await browser.send(
                    uri, method: method, headers: [.authorization: "Bearer \(token)", .contentType: "application/json"], body: body)
            }
            let bad = try await send(
                "/api/v1/requests/legacy", .post, editor,
                "{\"unit\": \"CZJ\", \"reference\": \"A\", \"applicantKind\": \"自然人\", \"receivedOn\": \"2025-13-01\"}")
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("第 1 行「收到申请日期」"))
            let good = try await send("/api/v1/requests/legacy", .post, editor, Self.legacy)
            #expect(good.status == .ok)
            #expect((APITests.json(good.body) as? [String: Any])?["imported"] as? Int == 3)

            let report = try await send("/api/v1/reports/CZJ/2025", .get, editor)
            let json = try #require(APITests.json(report.body) as? [String: Any])
            let rows = ((json["tables"] as? [String: Any])?["requests"] as? [String: Any])?["rows"] as? [[String: Any]]
            #expect(rows?.first?["label"] as? String == "一、本年新收政府信息公开申请数量")
            #expect(rows?.first?["values"] as? [Int] == [1, 1, 0, 0, 0, 1, 3])
            #expect((json["checks"] as? [Any])?.isEmpty == true)
            #expect(json["status"] as? String == "草稿")

            let forbidden = try await send("/api/v1/reports/CZJ/2025/narrative", .put, assessor, "{\"active\": \"x\"}")
            #expect(forbidden.status == .forbidden)
            let unknown = try await send("/api/v1/reports/CZJ/2025/narrative", .put, editor, "{\"summary\": \"x\"}")
            #expect(unknown.status == .badRequest)
            #expect(unknown.body.contains("未知的正文部分「summary」"))
            let saved = try await send("/api/v1/reports/CZJ/2025/entered", .put, editor, "{\"penalty.0\": 7}")
            #expect(saved.status == .ok)
            #expect(saved.body.contains("\"penalty.0\""))
            let negative = try await send("/api/v1/reports/CZJ/2025/entered", .put, editor, "{\"license.0\": -1}")
            #expect(negative.status == .badRequest)
            #expect(negative.body.contains("行政许可·本年处理决定数量"))
            let xlsx = try await send("/api/v1/reports/CZJ/2025/export?format=xlsx", .get, editor)
            #expect(xlsx.status == .ok)
            #expect(xlsx.headers[.contentType] == XLSXWorkbook.mediaType)
            let list = try await send("/api/v1/reports?year=2025", .get, editor)
            #expect((APITests.json(list.body) as? [[String: Any]])?.map { $0["unit"] as? String } == ["CZJ"])
            #expect(try await send("/api/v1/reports/JYJ/2025", .get, editor).status == .forbidden)
        }
    }
}
