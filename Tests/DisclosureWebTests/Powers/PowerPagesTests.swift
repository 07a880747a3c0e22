import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Hummingbird
import Testing

@Suite("Power list pages: import, flowchart, guide publication, cancellation")
struct PowerPagesTests {
    /// A multipart body with the CSRF token, optional fields and one file, as bytes.
    static func multipart(csrf: String, fields: [String: String] = [:], name: String, bytes: [UInt8]) -> (String, [UInt8]) {
        let boundary = "----disclosure-powers"
        var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(csrf)\r\n"
        for (key, value) in fields { head += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(key)\"\r\n\r\n\(value)\r\n" }
        head +=
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        return ("multipart/form-data; boundary=\(boundary)", Array(head.utf8) + bytes + Array("\r\n--\(boundary)--\r\n".utf8))
    }

    static func number(after marker: String, in body: String) -> Int? {
        guard let range = body.range(of: marker) else { return nil }
        return Int(body[range.upperBound...].prefix { $0.isNumber })
    }

    static let rows = [
        PowerSheet.headers,
        [
            "CZJ-XK-001", "代理记账机构设立审批", "行政许可", "示范县财政局", "行政审批股", "《中华人民共和国会计法》第三十六条", "受理、审查、决定、送达", "不按时办理的追究责任", "20", "10", "不收费",
            "0000-1234567", "",
        ],
        ["CZJ-CF-001", "对政府采购当事人违法行为的处罚", "行政处罚", "CZJ", "执法股", "《中华人民共和国政府采购法》第七十一条", "", "", "90", "", "不收费", "0000-1234567", ""],
        ["CZJ-XK-002", "错误事项", "行政许可", "CZJ", "", "《会计法》第三十六条", "", "", "5", "10", "", "", ""],
    ]

    @Test(
        "a unit imports its list from XLSX, the portal shows each power with its SVG flowchart, an incomplete guide cannot be published, a cancelled power stays listed",
        arguments: TestDatabase.kinds)
    func journey(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, database in
            try await browser.login("editor")
            let csrf = browser.csrfToken
            let xlsx = Array(try XLSXWorkbook.write([XLSXSheet(name: "权责清单", rows: Self.rows)]))
            let (type, body) = Self.multipart(csrf: csrf, name: "财政局权责清单.xlsx", bytes: xlsx)
            let refused = try await browser.send("/staff/powers/import", method: .post, headers: [.contentType: type], bytes: body)
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("第 4 行"))
            #expect(refused.body.contains("承诺时限（10 个工作日）不能长于法定时限（5 个工作日）"))
            #expect(refused.body.contains("未导入"))
            #expect(
                try await PowerService(database: database, clock: FixedClock()).powers(
                    visibleTo: StaffIdentity(userID: 0, username: "o", role: .office, unitCode: "XZF")
                ).isEmpty)

            let (validType, validBody) = Self.multipart(csrf: csrf, fields: ["validOnly": "1"], name: "财政局权责清单.xlsx", bytes: xlsx)
            let imported = try await browser.send("/staff/powers/import", method: .post, headers: [.contentType: validType], bytes: validBody)
            #expect(imported.status == .ok)
            #expect(imported.body.contains("导入完成：新增 2 项"))
            let list = try await browser.get("/staff/powers")
            let id = try #require(Self.number(after: "<td>CZJ-XK-001</td><td><a href=\"/staff/powers/", in: list.body))

            let flow = try await browser.post(
                "/staff/powers/\(id)/workflow",
                form: [
                    "s0name": "受理", "s0post": "窗口受理人员", "s0days": "1", "s0next": "材料齐全→审查；材料不全→一次性告知补正",
                    "s1name": "一次性告知补正", "s1next": "申请人补正后→受理",
                    "s2name": "审查", "s2post": "审批股", "s2days": "5",
                    "s3name": "决定", "s3days": "2", "reason": "编制办理流程图",
                ])
            #expect(flow.status == .seeOther)
            let badFlow = try await browser.post(
                "/staff/powers/\(id)/workflow", form: ["s0name": "受理", "s0next": "审核", "s1name": "审查", "reason": "改"])
            #expect(badFlow.status == .badRequest)
            #expect(badFlow.body.contains("步骤「受理」的去向「审核」不存在"))
            #expect(badFlow.body.contains("value=\"审核\""))

            let draftGuide = try await browser.post(
                "/staff/powers/\(id)/guide",
                form: [
                    "conditions": "依法设立", "m0name": "申请书", "m0form": "original", "m0copies": "1", "consultationPhone": "0000-7654321", "reason": "起草",
                ])
            #expect(draftGuide.status == .seeOther)
            let refusedPublish = try await browser.post("/staff/powers/\(id)/guide/publish", form: [:])
            #expect(refusedPublish.status == .badRequest)
            #expect(refusedPublish.body.contains("办事指南缺少「办理地点」「办理时间」，不能发布"))
            #expect(!(try await browser.get("/powers/\(id)")).body.contains("申请条件"))
            _ = try await browser.post(
                "/staff/powers/\(id)/guide",
                form: [
                    "conditions": "依法设立", "m0name": "申请书", "m0form": "original", "m0copies": "1", "consultationPhone": "0000-7654321",
                    "location": "政务服务中心一楼", "hours": "工作日 9:00–17:00", "reason": "补全",
                ])
            #expect(try await browser.post("/staff/powers/\(id)/guide/publish", form: [:]).status == .seeOther)

            let portal = try await browser.get("/powers/\(id)")
            #expect(portal.status == .ok)
            #expect(portal.body.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
            #expect(portal.body.contains("材料不全"))
            #expect(portal.body.contains("申请条件"))
            #expect(portal.body.contains("政务服务中心一楼"))
            let svg = try await browser.get("/powers/\(id)/flowchart.svg")
            #expect(svg.status == .ok)
            #expect(svg.headers[.contentType] == "image/svg+xml; charset=utf-8")
            #expect(svg.body.contains("一次性告知补正"))
            #expect(try await browser.get("/powers?q=%E8%AE%B0%E8%B4%A6").body.contains("代理记账机构设立审批"))
            #expect(try await browser.get("/powers/\(id)/print").status == .ok)

            try await browser.login("office")
            let cancel = try await browser.post(
                "/staff/powers/\(id)/status", form: ["status": "cancelled", "effectiveOn": "2026-11-20", "reason": "依据县政府权责清单调整通知取消"])
            #expect(cancel.status == .seeOther)
            let listed = try await browser.get("/powers?unit=CZJ")
            #expect(listed.body.contains("代理记账机构设立审批"))
            #expect(listed.body.contains("2026-11-20 取消"))
            let page = try await browser.get("/powers/\(id)")
            #expect(page.body.contains("本权力事项已于 2026-11-20 取消"))
            #expect(page.body.contains("依据县政府权责清单调整通知取消"))
            #expect(page.body.contains("编制办理流程图"))
            #expect(!page.body.contains("申请条件"))
            let csv = try await browser.get("/staff/powers/export?format=csv&unit=CZJ")
            #expect(csv.status == .ok)
            #expect(csv.body.contains("CZJ-XK-001,代理记账机构设立审批,行政许可,示范县财政局"))
            #expect(csv.body.contains(",取消"))
        }
    }

    @Test("the API imports with a per-row report, refuses another unit's power and gives table 二 figures", arguments: TestDatabase.kinds)
    func api(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, database in
            let token = try await APITests.token(database, "editor")
            let auth: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "text/csv"]
            let csv = Self.rows.map(CSVText.line).joined()
            let refused = try await browser.send("/api/v1/powers/import", method: .post, headers: auth, body: csv)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("\"line\":4"))
            #expect(refused.body.contains("\"committed\":false"))
            let done = try await browser.send("/api/v1/powers/import?validOnly=true", method: .post, headers: auth, body: csv)
            #expect(done.status == .ok)
            #expect(done.body.contains("\"created\":2"))
            let list = try await browser.send("/api/v1/powers?category=penalty", method: .get, headers: auth, body: nil)
            let id = try #require(Self.number(after: "\"id\":", in: list.body))
            let counted = try await browser.send(
                "/api/v1/powers/\(id)/counts/2025", method: .put, headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                body: #"{"decisions": 6, "feeAmount": "0"}"#)
            #expect(counted.status == .ok)
            let figures = try await browser.send("/api/v1/powers/figures?year=2025", method: .get, headers: auth, body: nil)
            #expect(figures.body.contains("\"penaltyDecisions\":6"))
            #expect(figures.body.contains("\"unit\":\"CZJ\""))
            let badStatus = try await browser.send(
                "/api/v1/powers/\(id)/status", method: .post, headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                body: #"{"status": "deleted", "reason": "x"}"#)
            #expect(badStatus.status == .badRequest)
            #expect(badStatus.body.contains("未知的状态"))
            let assessor = try await APITests.token(database, "assessor")
            let forbidden = try await browser.send(
                "/api/v1/powers/\(id)/counts/2025", method: .put, headers: [.authorization: "Bearer \(assessor)", .contentType: "application/json"],
                body: #"{"decisions": 60, "feeAmount": "0"}"#)
            #expect(forbidden.status == .forbidden)
            let file = try await browser.send("/api/v1/powers/export?format=xlsx&year=2025", method: .get, headers: auth, body: nil)
            #expect(file.status == .ok)
            #expect(file.headers[.contentType] == XLSXWorkbook.mediaType)
            #expect(file.body.hasPrefix("PK"))
        }
    }
}
