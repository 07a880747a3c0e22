import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Hummingbird
import Testing

@Suite("Supervision pages: complain, track the answer, escalation, messages, work records, the office's overview")
struct SupervisionPagesTests {
    static let complaint = [
        "unitCode": "CZJ", "kind": "公开不及时", "subject": "示财〔2026〕3号", "content": "预算公开说明生成两个月后才在网站公开，超过二十个工作日。",
        "complainantName": "李四", "phone": "13912345678",
    ]

    @Test(
        "a portal complaint reaches the unit with its due date, escalates when overdue, and its answer shows on /track", arguments: TestDatabase.kinds
    )
    func complaintJourney(kind: TestDatabase) async throws {
        let clock = FixedClock()
        try await WebHarness.run(kind, clock: clock) { browser, database in
            let form = try await browser.get("/complain")
            #expect(form.status == .ok)
            #expect(form.body.contains("投诉举报"))
            #expect(form.body.contains("name=\"website\""))
            var robot = Self.complaint
            robot["website"] = "http://spam.example"
            #expect(try await browser.post("/complain", form: robot).status == .badRequest)
            var bad = Self.complaint
            bad["phone"] = "123"
            let refused = try await browser.post("/complain", form: bad)
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("联系电话无效"))
            #expect(refused.body.contains("示财〔2026〕3号"))
            #expect(try await ComplaintRepository(database.sql).list(units: ["CZJ"]).isEmpty)

            let filed = try await browser.post("/complain", form: Self.complaint)
            #expect(filed.status == .created)
            #expect(filed.body.contains("2026-12-04"))
            let reference = try #require(RequestPagesTests.value(after: "受理编号", in: filed.body))
            let code = try #require(RequestPagesTests.value(after: "查询码", in: filed.body))
            #expect(reference.hasPrefix("TS"))
            let tracked = try await browser.post("/track", form: ["reference": reference, "queryCode": code])
            #expect(tracked.status == .ok)
            #expect(tracked.body.contains("办理中"))
            #expect(tracked.body.contains("2026-12-04（10 个工作日）"))
            #expect(!tracked.body.contains("13912345678"))
            #expect(try await browser.post("/track", form: ["reference": reference, "queryCode": "ZZZZZZZZ"]).status == .notFound)

            try await browser.login("editor")
            let dashboard = try await browser.get("/staff")
            #expect(dashboard.body.contains(reference))
            #expect(dashboard.body.contains("投诉举报与留言咨询"))
            let list = try await browser.get("/staff/complaints")
            #expect(list.body.contains(reference))
            #expect(list.body.contains("2026-12-04（剩余 10 个工作日，含今日）"))
            clock.advance(by: 15 * 86_400)
            try await browser.login("office")
            let run = try await browser.post("/staff/supervision/run", form: [:])
            #expect(run.status == .ok)
            #expect(run.body.contains("投诉超期提请督办 1 件"))
            #expect(run.body.contains("投诉举报超期未办结"))
            #expect(run.body.contains("示范县财政局"))
            let escalated = try await browser.get("/staff/complaints")
            #expect(escalated.body.contains("已提请督办"))
            #expect(escalated.body.contains("已超期"))
            #expect(try await browser.get("/staff/outbox").body.contains("投诉超期：\(reference)"))

            let id = try #require(try await ComplaintRepository(database.sql).find(reference: reference)?.id)
            try await browser.login("editor")
            let casePage = try await browser.get("/staff/complaints/\(id)")
            #expect(casePage.body.contains("13912345678"))
            #expect(casePage.body.contains("拟写答复"))
            let missing = try await browser.post("/staff/complaints/\(id)/actions/draftReply", form: ["outcome": "属实", "replyText": "经核查属实。"])
            #expect(missing.status == .badRequest)
            #expect(missing.body.contains("请填写整改情况"))
            #expect(
                try await browser.post(
                    "/staff/complaints/\(id)/actions/draftReply",
                    form: ["outcome": "属实", "replyText": "经核查属实，系审核环节延误。", "rectification": "已公开并建立周审核制度。"]
                ).status == .seeOther)
            try await browser.login("reviewer")
            let approved = try await browser.post("/staff/complaints/\(id)/actions/approveReply", form: [:])
            #expect(approved.status == .seeOther)
            #expect(try await browser.get(approved.headers[.location] ?? "").body.contains("已审核通过并答复"))
            let again = try await browser.post(
                "/staff/complaints/\(id)/actions/draftReply", form: ["outcome": "不属实", "replyText": "再答一次"])
            #expect(again.status == .conflict)
            #expect(again.body.contains("该投诉已办结"))

            let answer = try await browser.post("/track", form: ["reference": reference, "queryCode": code])
            #expect(answer.body.contains("已办结"))
            #expect(answer.body.contains("属实"))
            #expect(answer.body.contains("已公开并建立周审核制度"))
        }
    }

    @Test("a message is moderated, answered and published; a wrong file type and the honeypot are refused", arguments: TestDatabase.kinds)
    func messageJourney(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, database in
            #expect(try await browser.get("/ask").body.contains("暂无已答复的留言"))
            let message = ["unitCode": "CZJ", "title": "低保标准", "content": "今年城乡低保标准是多少？", "authorName": "王小明", "phone": "13900000000"]
            var robot = message
            robot["website"] = "x"
            #expect(try await browser.post("/ask", form: robot).status == .badRequest)
            let sent = try await browser.post("/ask", form: message)
            #expect(sent.status == .seeOther)
            #expect(sent.location == "/ask?sent=1")

            let boundary = "XBOUNDARY"
            var body = ""
            for (name, value) in message.merging(["_csrf": browser.csrfToken], uniquingKeysWith: { a, _ in a }) {
                body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
            }
            body +=
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.docx\"\r\nContent-Type: application/octet-stream\r\n\r\nPK\u{3}\u{4}xx\r\n--\(boundary)--\r\n"
            let wrongType = try await browser.send(
                "/ask", method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"], body: body)
            #expect(wrongType.status == .badRequest)
            #expect(wrongType.body.contains("留言附件只能是 PDF 或 PNG/JPEG 图片"))

            try await browser.login("office")
            let queue = try await browser.get("/staff/messages")
            #expect(queue.body.contains("低保标准"))
            #expect(queue.body.contains("审核通过"))
            let id = try #require(try await MessageRepository(database.sql).list(units: nil, states: [.pending]).first?.id)
            #expect(try await browser.post("/staff/messages/\(id)/moderate", form: ["decision": "accept"]).status == .seeOther)
            try await browser.login("editor")
            let awaiting = try await browser.get("/staff/messages")
            #expect(awaiting.body.contains("答复期限：2026-11-27"))
            #expect(try await browser.post("/staff/messages/\(id)/reply", form: ["replyText": "每人每月 720 元。"]).status == .seeOther)
            let published = try await browser.get("/ask?unit=CZJ")
            #expect(published.body.contains("每人每月 720 元。"))
            #expect(published.body.contains("王**"))
            #expect(!published.body.contains("13900000000"))
        }
    }

    @Test("work records are entered in the console and counted per year in the API", arguments: TestDatabase.kinds)
    func recordsCounted(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, database in
            try await browser.login("editor")
            let saved = try await browser.post(
                "/staff/records",
                form: [
                    "unitCode": "CZJ", "kind": "leadershipMeeting", "date": "2026-03-02", "title": "政务公开领导小组第一次会议", "chair": "局长",
                    "attendees": "班子成员",
                ])
            #expect(saved.status == .seeOther)
            let missingChair = try await browser.post(
                "/staff/records", form: ["unitCode": "CZJ", "kind": "leadershipMeeting", "date": "2026-06-02", "title": "第二次会议", "attendees": "班子成员"])
            #expect(missingChair.status == .badRequest)
            #expect(missingChair.body.contains("请填写主持人"))
            let page = try await browser.get("/staff/records?unit=CZJ&year=2026")
            #expect(page.body.contains("政务公开领导小组第一次会议"))
            // Counted for the assessment, shown by name: no metric codes on the page (issue 22 §4).
            #expect(page.body.contains("<td>领导小组会议</td><td>1</td>"))
            #expect(!page.body.contains("meetings.leadership"))

            let token = try await APITests.token(database, "editor")
            let headers: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
            let added = try await browser.send(
                "/api/v1/records", method: .post, headers: headers,
                body: #"{"unitCode":"CZJ","kind":"leadershipMeeting","date":"2026-09-01","title":"第二次会议","chair":"局长","attendees":"班子成员"}"#)
            #expect(added.status == .created)
            let counts = try await browser.send("/api/v1/records/counts?unit=CZJ&year=2026", method: .get, headers: headers, body: nil)
            let tally = try JSONDecoder().decode(WorkRecordTally.self, from: Data(counts.body.utf8))
            #expect(tally.count(of: .leadershipMeeting) == 2)
            let lastYear = try await browser.send("/api/v1/records/counts?unit=CZJ&year=2025", method: .get, headers: headers, body: nil)
            #expect(try JSONDecoder().decode(WorkRecordTally.self, from: Data(lastYear.body.utf8)).count(of: .leadershipMeeting) == 0)
            let otherUnit = try await browser.send("/api/v1/records/counts?unit=JYJ&year=2026", method: .get, headers: headers, body: nil)
            #expect(otherUnit.status == .notFound)
        }
    }

    @Test("the office's overview and settings render; units may not change the limits", arguments: TestDatabase.kinds)
    func overviewAndSettings(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, _ in
            try await browser.login("office")
            let overview = try await browser.get("/staff/supervision?sort=findings")
            #expect(overview.status == .ok)
            #expect(overview.body.contains("各单位情况"))
            #expect(overview.body.contains("示范县教育局"))
            #expect(try await browser.get("/staff/findings?year=2026").status == .ok)
            let settings = try await browser.get("/staff/supervision/settings")
            #expect(settings.body.contains("公开不及时"))
            #expect(settings.body.contains("依申请转主动（条例第四十四条）"))
            var form = [
                "complaintWarningDays": "5", "messageDays": "5", "messageWarningDays": "2", "replyLimit": "2000", "similarCount": "3",
                "similarMonths": "12", "repeatMonths": "12",
            ]
            for index in 0..<ComplaintKind.allCases.count { form["kind\(index)"] = "10" }
            form["kind1"] = "0"
            let refused = try await browser.post("/staff/supervision/settings", form: form)
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("「公开不及时」的办理时限须在 1 到 60 个工作日之间"))
            form["kind1"] = "5"
            // A bad threshold changes neither setting.
            form["similarCount"] = "1"
            let badThreshold = try await browser.post("/staff/supervision/settings", form: form)
            #expect(badThreshold.status == .badRequest)
            #expect(badThreshold.body.contains("转为主动公开的相似申请件数须在 2 到 20 之间"))
            #expect(
                try await browser.get("/staff/supervision/settings").body.contains(
                    #"name="kind1" type="number" min="1" max="60" required value="10""#))
            form["similarCount"] = "4"
            form["repeatMonths"] = "37"
            let badPeriod = try await browser.post("/staff/supervision/settings", form: form)
            #expect(badPeriod.status == .badRequest)
            #expect(badPeriod.body.contains("重复申请的比对期间须在 1 至 36 个月之间"))
            form["repeatMonths"] = "6"
            #expect(try await browser.post("/staff/supervision/settings", form: form).status == .seeOther)
            #expect(
                try await browser.get("/staff/supervision/settings").body.contains(
                    #"name="repeatMonths" type="number" min="1" max="36" required value="6""#))
            #expect(
                try await browser.get("/staff/supervision/settings").body.contains(
                    #"name="similarCount" type="number" min="2" max="20" required value="4""#))
            #expect(try await browser.get("/complain").status == .ok)
            try await browser.login("editor")
            #expect(try await browser.get("/staff/supervision/settings").status == .forbidden)
            #expect(try await browser.get("/staff/supervision").status == .ok)
        }
    }
}
