import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Hummingbird
import Testing

@Suite("Requests API: the statutory clock through HTTP, bad input, privacy")
struct RequestsAPITests {
    static func json(_ text: String) -> [String: Any] { (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:] }

    func call(_ browser: Browser, _ method: HTTPRequest.Method, _ uri: String, token: String? = nil, _ body: String? = nil) async throws
        -> Browser.Page
    {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await browser.send(uri, method: method, headers: headers, body: body)
    }

    static func application(received: String, idNumber: String = "11010519491231002X") -> String {
        #"{"unitCode":"CZJ","channel":"当面提交","receivedOn":"\#(received)","applicantKind":"自然人","applicantName":"张三","idType":"居民身份证","idNumber":"\#(idNumber)","phone":"13812345678","address":"示范县人民路1号","infoTitle":"2025年部门预算","requestedForm":"纸质","delivery":"邮寄"}"#
    }

    func due(_ browser: Browser, _ id: Int, _ token: String) async throws -> String? {
        let detail = Self.json(try await call(browser, .get, "/api/v1/requests/\(id)", token: token).body)
        return (detail["clock"] as? [String: Any])?["due"] as? String
    }

    func intake(_ browser: Browser, _ token: String, received: String) async throws -> Int {
        let created = try await call(browser, .post, "/api/v1/requests", token: token, Self.application(received: received))
        #expect(created.status == .created)
        return try #require(Self.json(created.body)["id"] as? Int)
    }

    @Test("the issue's dated cases: 10-29, 补正 → 11-05, consultation → 11-05, extension → 2025-03-04", arguments: TestDatabase.kinds)
    func doneWhen(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, database in
            let editor = try await APITests.token(database, "editor")
            let reviewer = try await APITests.token(database, "reviewer")

            let first = try await intake(browser, editor, received: "2025-09-25")
            #expect(try await due(browser, first, editor) == "2025-10-29")

            let second = try await intake(browser, editor, received: "2025-09-25")
            let notice = #"{"action":"requestCorrection","on":"2025-09-30","note":"请写明所需预算表的部门名称"}"#
            #expect(try await call(browser, .post, "/api/v1/requests/\(second)/actions", token: editor, notice).status == .ok)
            let corrected = try await call(
                browser, .post, "/api/v1/requests/\(second)/actions", token: editor, #"{"action":"receiveCorrection","on":"2025-10-09"}"#)
            #expect(corrected.status == .ok)
            #expect((Self.json(corrected.body)["clock"] as? [String: Any])?["due"] as? String == "2025-11-05")

            let consult = #"{"action":"consult","on":"2025-10-13","party":"某科技有限公司","consultationKind":"第三方"}"#
            #expect(try await call(browser, .post, "/api/v1/requests/\(first)/actions", token: editor, consult).status == .ok)
            let opinion = #"{"action":"recordOpinion","on":"2025-10-20","note":"不同意公开"}"#
            #expect(try await call(browser, .post, "/api/v1/requests/\(first)/actions", token: editor, opinion).status == .ok)
            #expect(try await due(browser, first, editor) == "2025-11-05")

            let third = try await intake(browser, editor, received: "2024-12-31")
            let extend = #"{"action":"extend","on":"2025-01-20","days":20,"note":"涉及档案较多，需调阅核对"}"#
            let extended = try await call(browser, .post, "/api/v1/requests/\(third)/actions", token: reviewer, extend)
            #expect(extended.status == .ok)
            let clock = try #require(Self.json(extended.body)["clock"] as? [String: Any])
            #expect(clock["due"] as? String == "2025-03-04")
            let steps = try #require(clock["explanation"] as? [[String: Any]])
            #expect(steps.contains { ($0["event"] as? String)?.contains("批准延期答复 20 个工作日") == true })
            #expect(steps.contains { $0["event"] as? String == "法定节假日" && $0["treatment"] as? String == "不计入" })
            #expect(steps.reduce(0) { $0 + ($1["counted"] as? Int ?? 0) } == 40)
            let letters = try #require(Self.json(extended.body)["letters"] as? [[String: Any]])
            #expect(letters.map { $0["kind"] as? String } == ["receipt", "extensionNotice"])
        }
    }

    @Test("bad input is refused in Chinese and changes nothing", arguments: TestDatabase.kinds)
    func badInput(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, database in
            let editor = try await APITests.token(database, "editor")
            let reviewer = try await APITests.token(database, "reviewer")
            let office = try await APITests.token(database, "office")
            let badID = try await call(
                browser, .post, "/api/v1/requests", token: editor, Self.application(received: "2025-09-25", idNumber: "110105194912310021"))
            #expect(badID.status == .badRequest)
            #expect(Self.json(badID.body)["detail"] as? String == "居民身份证号码无效：应为 18 位，末位校验码须符合 GB 11643")
            let future = try await call(browser, .post, "/api/v1/requests", token: editor, Self.application(received: "2026-11-21"))
            #expect(future.status == .badRequest)
            #expect((Self.json(future.body)["detail"] as? String)?.contains("收到申请之日") == true)

            let id = try await intake(browser, editor, received: "2026-11-02")
            let before = try await call(browser, .get, "/api/v1/requests/\(id)", token: editor).body
            let tooLong = #"{"action":"extend","days":21,"note":"材料多"}"#
            #expect(try await call(browser, .post, "/api/v1/requests/\(id)/actions", token: reviewer, tooLong).status == .badRequest)
            #expect(
                try await call(browser, .post, "/api/v1/requests/\(id)/actions", token: editor, #"{"action":"extend","days":5,"note":"材料多"}"#).status
                    == .forbidden)
            #expect(
                try await call(
                    browser, .post, "/api/v1/requests/\(id)/actions", token: office, #"{"action":"draftReply","outcome":"r3.1","replyText":"x"}"#
                ).status == .forbidden)
            #expect(
                try await call(browser, .post, "/api/v1/requests/\(id)/actions", token: editor, #"{"action":"draftReply","replyText":"予以公开"}"#).status
                    == .badRequest)
            #expect(try await call(browser, .post, "/api/v1/requests/\(id)/actions", token: editor, #"{"action":"fly"}"#).status == .badRequest)
            #expect(try await call(browser, .get, "/api/v1/requests/\(id)", token: editor).body == before)
            #expect(
                try await call(browser, .post, "/api/v1/requests/\(id)/actions", token: reviewer, #"{"action":"extend","days":5,"note":"材料多"}"#)
                    .status == .ok)
            let second = try await call(
                browser, .post, "/api/v1/requests/\(id)/actions", token: reviewer, #"{"action":"extend","days":5,"note":"再延"}"#)
            #expect(second.status == .conflict)
            #expect(Self.json(second.body)["detail"] as? String == "答复期限只能延长一次（条例第三十三条）")
        }
    }

    @Test("online submission, tracking with both numbers only, masked lists", arguments: TestDatabase.kinds)
    func publicSide(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, database in
            let body = Self.application(received: "").replacingOccurrences(of: #""channel":"当面提交","receivedOn":"","#, with: "")
            let submitted = try await call(browser, .post, "/api/v1/public/requests", body)
            #expect(submitted.status == .created)
            let receipt = Self.json(submitted.body)
            let reference = try #require(receipt["reference"] as? String)
            let code = try #require(receipt["queryCode"] as? String)
            let tracked = try await call(browser, .post, "/api/v1/public/requests/track", #"{"reference":"\#(reference)","queryCode":"\#(code)"}"#)
            #expect(tracked.status == .ok)
            #expect(Self.json(tracked.body)["stateLabel"] as? String == "待确认")
            #expect(!tracked.body.contains("11010519491231002X"))
            #expect(!tracked.body.contains("张三"))
            let wrong = try await call(browser, .post, "/api/v1/public/requests/track", #"{"reference":"\#(reference)","queryCode":"AAAAAAAA"}"#)
            let unknown = try await call(browser, .post, "/api/v1/public/requests/track", #"{"reference":"YSQ2026999999","queryCode":"\#(code)"}"#)
            #expect(wrong.status == .notFound)
            #expect(wrong.body == unknown.body)

            let office = try await APITests.token(database, "office")
            let list = try await call(browser, .get, "/api/v1/requests", token: office)
            #expect(list.body.contains("110***********002X"))
            #expect(!list.body.contains("11010519491231002X"))
            #expect(!list.body.contains("13812345678"))
            let editor = try await APITests.token(database, "editor")
            let id = try #require(receipt["id"] as? Int)
            #expect(try await call(browser, .get, "/api/v1/requests/\(id)", token: editor).body.contains("11010519491231002X"))
            #expect(!(try await call(browser, .get, "/api/v1/requests/\(id)", token: office).body.contains("11010519491231002X")))
        }
    }
}

/// Issue 18 through HTTP: a case answered after a late 补正 notice counts as late, and a lapse
/// the monitor notices days later is dated at its deadline.
@Suite("Requests API: late steps and lapses")
struct LateStepsAPITests {
    @Test("a late 补正 notice is labelled, does not restart the period, and the answer after the due date is late", arguments: TestDatabase.kinds)
    func lateNoticeThroughAPI(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, database in
            let api = RequestsAPITests()
            let editor = try await APITests.token(database, "editor")
            let reviewer = try await APITests.token(database, "reviewer")
            let id = try await api.intake(browser, editor, received: "2025-09-25")
            let notice = #"{"action":"requestCorrection","on":"2025-10-20","deadline":"2025-11-03","note":"请写明所需预算表的部门名称"}"#
            #expect(try await api.call(browser, .post, "/api/v1/requests/\(id)/actions", token: editor, notice).status == .ok)
            let corrected = try await api.call(
                browser, .post, "/api/v1/requests/\(id)/actions", token: editor, #"{"action":"receiveCorrection","on":"2025-10-27"}"#)
            let clock = try #require(RequestsAPITests.json(corrected.body)["clock"] as? [String: Any])
            #expect(clock["due"] as? String == "2025-10-29")
            let late = try #require((clock["lateActions"] as? [[String: Any]])?.first)
            #expect(late["label"] as? String == "逾期告知")
            #expect(late["on"] as? String == "2025-10-20")
            let draft = #"{"action":"draftReply","outcome":"r3.1","replyText":"予以公开。"}"#
            #expect(try await api.call(browser, .post, "/api/v1/requests/\(id)/actions", token: editor, draft).status == .ok)
            #expect(try await api.call(browser, .post, "/api/v1/requests/\(id)/actions", token: editor, #"{"action":"submitReply"}"#).status == .ok)
            let approved = try await api.call(browser, .post, "/api/v1/requests/\(id)/actions", token: reviewer, #"{"action":"approveReply"}"#)
            let answered = try #require(RequestsAPITests.json(approved.body)["clock"] as? [String: Any])
            #expect(answered["status"] as? String == "answeredLate")
            #expect((answered["overdueWorkingDays"] as? Int ?? 0) > 0)
        }
    }

    @Test("a lapse the monitor notices weeks later is dated the day after the 补正期限; a late correction is refused", arguments: TestDatabase.kinds)
    func lapseNoticedLate(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, database in
            let api = RequestsAPITests()
            let editor = try await APITests.token(database, "editor")
            let office = try await APITests.token(database, "office")
            let id = try await api.intake(browser, editor, received: "2026-10-09")
            // 补正期限 2026-10-26 (a Monday); the monitor first runs on 2026-11-20, 25 days later.
            let notice = #"{"action":"requestCorrection","on":"2026-10-12","deadline":"2026-10-26","note":"请写明所需文件的名称"}"#
            #expect(try await api.call(browser, .post, "/api/v1/requests/\(id)/actions", token: editor, notice).status == .ok)
            let before = try await api.call(browser, .get, "/api/v1/requests/\(id)", token: editor).body
            let late = try await api.call(
                browser, .post, "/api/v1/requests/\(id)/actions", token: editor, #"{"action":"receiveCorrection","on":"2026-11-02"}"#)
            #expect(late.status == .conflict)
            #expect(RequestsAPITests.json(late.body)["field"] as? String == "on")
            #expect(try await api.call(browser, .get, "/api/v1/requests/\(id)", token: editor).body == before)

            let pending = try #require(RequestsAPITests.json(before)["clock"] as? [String: Any])
            #expect(pending["lapsedOn"] as? String == "2026-10-27")
            #expect(try await api.call(browser, .post, "/api/v1/monitor/run", token: office).status == .ok)
            let closed = RequestsAPITests.json(try await api.call(browser, .get, "/api/v1/requests/\(id)", token: editor).body)
            #expect(closed["state"] as? String == "answered")
            #expect((closed["outcome"] as? [String: Any])?["row"] as? String == RequestOutcome.correctionNotMade.rawValue)
            #expect(closed["answeredOn"] as? String == "2026-10-27")
        }
    }

    @Test("an extension approved after the due date is recorded as late, moves nothing and sends no letter", arguments: TestDatabase.kinds)
    func lateExtension(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, database in
            let api = RequestsAPITests()
            let editor = try await APITests.token(database, "editor")
            let reviewer = try await APITests.token(database, "reviewer")
            let id = try await api.intake(browser, editor, received: "2025-09-25")
            let extend = #"{"action":"extend","on":"2025-11-03","days":20,"note":"涉及档案较多"}"#
            let extended = try await api.call(browser, .post, "/api/v1/requests/\(id)/actions", token: reviewer, extend)
            #expect(extended.status == .ok)
            let body = RequestsAPITests.json(extended.body)
            let clock = try #require(body["clock"] as? [String: Any])
            #expect(clock["due"] as? String == "2025-10-29")
            #expect(clock["status"] as? String == "overdue")
            let late = try #require((clock["lateActions"] as? [[String: Any]])?.first)
            #expect(late["on"] as? String == "2025-11-03")
            #expect(late["label"] as? String == "逾期延期，不延长期限")
            let letters = try #require(body["letters"] as? [[String: Any]])
            #expect(letters.map { $0["kind"] as? String } == ["receipt"])
        }
    }
}
