import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Hummingbird
import Testing

@Suite("Assessment pages and API: scheme import, 自评 with an exception, 抽评, approval, the portal 通报")
struct AssessmentPagesTests {
    /// 2026-12-20: the 自评 deadline (12-10) has passed, the 抽评 window is open.
    static let clock = FixedClock(Date(timeIntervalSince1970: Double(CivilDate(iso: "2026-12-20")!.dayNumber) * 86_400 + 3 * 3600))

    static func json(_ text: String) -> [String: Any]? { try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] }

    @Test("a campaign through the console, the same numbers from the facts file, and the portal", arguments: TestDatabase.kinds)
    func journey(kind: TestDatabase) async throws {
        try await WebHarness.run(kind, clock: Self.clock) { browser, database in
            try await browser.login("office")
            let csrf = browser.csrfToken
            let broken = ShippedSchemes.seedStyle.replacingOccurrences(
                of: #""deduct": 2, "metric": "reports.halfYearSummary""#, with: #""deduct": -2"#)
            let (badType, badBody) = PowerPagesTests.multipart(csrf: csrf, name: "体系.json", bytes: Array(broken.utf8))
            let refused = try await browser.send("/staff/assessments/schemes", method: .post, headers: [.contentType: badType], bytes: badBody)
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("指标 1.2 的扣分 deduct 须大于 0（现为 -2）"))
            let (type, body) = PowerPagesTests.multipart(csrf: csrf, name: "体系.json", bytes: Array(ShippedSchemes.seedStyle.utf8))
            let imported = try await browser.send("/staff/assessments/schemes", method: .post, headers: [.contentType: type], bytes: body)
            #expect(imported.status == .seeOther)
            #expect(imported.location == "/staff/assessments/schemes/1?notice=imported")
            let scheme = try await browser.get("/staff/assessments/schemes/1")
            #expect(scheme.body.contains("领导小组及其办公室会议"))
            #expect(scheme.body.contains("不少于 6 次，每少 1 次扣 1 分"))

            let created = try await browser.post(
                "/staff/assessments",
                form: [
                    "year": "2026", "title": "2026年度政务公开工作考核", "schemeID": "1", "kind.county_department": "1", "selfDue": "2026-12-10",
                    "spotFrom": "2026-12-11", "spotTo": "2026-12-25", "resultsDue": "2026-12-31",
                ])
            #expect(created.status == .seeOther)
            #expect(created.location == "/staff/assessments/1?notice=created")

            // The deadline has passed: refused until the office records an exception.
            try await browser.login("editor")
            let late = try await browser.post("/staff/assessments/1/units/CZJ/self", form: ["fact.1.6": "7", "action": "save"])
            #expect(late.status == .conflict)
            #expect(late.body.contains("自评截止日期为 2026年12月10日，已过期"))
            try await browser.login("office")
            #expect(
                try await browser.post("/staff/assessments/1/units/CZJ/exception", form: ["until": "2026-12-22", "reason": "单位负责人调整"]).status
                    == .seeOther)
            try await browser.login("editor")
            let unit = try await browser.get("/staff/assessments/1/units/CZJ")
            #expect(unit.body.contains("已过期 10 天"))
            // A bonus field takes items, so a phone must offer letters there, not digits only.
            #expect(unit.body.contains(#"name="fact.4.1" value="" inputmode="text""#))
            #expect(unit.body.contains(#"name="fact.1.6" value="" inputmode="decimal""#))
            #expect(unit.body.contains("2026年12月22日 前可补交"))
            let tooHigh = try await browser.post("/staff/assessments/1/units/CZJ/self", form: ["fact.1.6": "9", "report": "草稿", "action": "save"])
            #expect(tooHigh.status == .badRequest)
            #expect(tooHigh.body.contains("满分 8 分，不能打 9 分"))
            #expect(tooHigh.body.contains("草稿"))
            let report = "本局本年度政务公开工作自查情况：组织健全，评议活动未开展。"
            let blank = try await browser.post(
                "/staff/assessments/1/units/CZJ/self", form: ["fact.1.6": "7", "fact.3.2": "no", "report": report, "action": "submit"])
            #expect(blank.status == .badRequest)
            #expect(blank.body.contains("以下指标尚未评分：1.8「年度工作要点任务落实」"))
            let submitted = try await browser.post(
                "/staff/assessments/1/units/CZJ/self",
                form: [
                    "fact.1.6": "7", "fact.3.2": "no", "fact.1.8": "4", "fact.2.2": "8", "fact.2.7": "不适用", "fact.3.7": "2", "report": report,
                    "action": "submit",
                ])
            #expect(submitted.status == .seeOther)
            let facts = try await browser.get("/staff/assessments/1/units/CZJ/facts?stage=self")
            let shown = try await browser.get("/staff/assessments/1/units/CZJ")
            // The facts file scores to the total the console shows (the CLI runs the same engine on it).
            let rescored = try AssessmentScoring.score(ShippedSchemes.scheme("seed-style")!, facts: try AssessmentFacts.parse(Data(facts.body.utf8)))
            #expect(shown.body.contains("\(rescored.total) 分（\(rescored.grade)）"))
            #expect(rescored.line("1.1")?.lost == 6)
            #expect(rescored.line("3.2")?.lost == 3)
            #expect(rescored.line("1.6")?.score == 7)

            // 抽评: the draw, a 座谈会 too small, a method, a different score.
            try await browser.login("assessor")
            #expect(try await browser.post("/staff/assessments/1/draw", form: ["count": "3", "seed": "8"]).status == .seeOther)
            let small = try await browser.post(
                "/staff/assessments/1/units/CZJ/checks",
                form: ["method": "座谈会", "heldOn": "2026-12-18", "participants": "5", "composition": "干部 5 人", "notes": "座谈"])
            #expect(small.status == .badRequest)
            #expect(small.body.contains("县直单位座谈会参加人数应为 6 至 8 人，现为 5 人"))
            #expect(
                try await browser.post("/staff/assessments/1/units/CZJ/checks", form: ["method": "查阅资料", "heldOn": "2026-12-18", "notes": "查阅档案"])
                    .status == .seeOther)
            #expect(
                try await browser.post("/staff/assessments/1/units/CZJ/spot", form: ["fact.1.6": "5", "fact.3.2": "no", "notes": "制度不全"]).status
                    == .seeOther)
            let spotted = try await browser.get("/staff/assessments/1/units/CZJ")
            #expect(spotted.body.contains("class=\"differs\""))
            #expect(spotted.body.contains("1 项指标抽评与自评不同"))
            #expect(try await browser.post("/staff/assessments/1/approve", form: [:]).status == .forbidden)

            try await browser.login("office")
            #expect(try await browser.post("/staff/assessments/1/publish", form: [:]).body.contains("考核结果尚未审定，不能发布通报"))
            #expect(try await browser.post("/staff/assessments/1/approve", form: [:]).status == .seeOther)
            #expect(try await browser.post("/staff/assessments/1/publish", form: [:]).status == .seeOther)
            let portal = try await browser.get("/assessments/2026")
            #expect(portal.status == .ok)
            #expect(portal.body.contains("关于2026年度政务公开工作考核结果的通报"))
            #expect(portal.body.contains("示范县财政局"))
            #expect(!portal.body.contains("csrf"))
            #expect(try await browser.get("/assessments/2025").status == .notFound)

            // API: the engine, the results, and a refused change after approval.
            let token = try await APITests.token(database, "office")
            let auth: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
            let score = try await browser.send(
                "/api/v1/assessments/score", method: .post, headers: auth,
                body: #"{"scheme": \#(ShippedSchemes.seedStyle), "facts": {"1.1": {"count": 2}, "1.2": {"met": false}}}"#)
            #expect(score.status == .ok)
            #expect(Self.json(score.body)?["total"] as? Int == 94)
            #expect(Self.json(score.body)?["grade"] as? String == "优秀")
            let results = try await browser.send("/api/v1/assessments/1/results", method: .get, headers: auth, body: nil)
            let rows = Self.json(results.body)?["results"] as? [[String: Any]]
            #expect(results.status == .ok)
            #expect(rows?.count == 3)
            let editorToken = try await APITests.token(database, "editor")
            let change = try await browser.send(
                "/api/v1/assessments/1/units/CZJ/self", method: .put,
                headers: [.authorization: "Bearer \(editorToken)", .contentType: "application/json"],
                body: #"{"facts": {}, "report": ""}"#)
            #expect(change.status == .conflict)
            #expect(change.body.contains("考核结果已审定"))
            let forbidden = try await browser.send(
                "/api/v1/assessments/1/results", method: .get, headers: [.authorization: "Bearer \(editorToken)"], body: nil)
            #expect(forbidden.status == .forbidden)
        }
    }
}
