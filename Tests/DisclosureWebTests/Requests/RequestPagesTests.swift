import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Hummingbird
import SQLKit
import Testing

@testable import DisclosureWeb

@Suite("Request pages: apply and track without JavaScript, the clerk's case view, letters")
struct RequestPagesTests {
    static let form = [
        "unitCode": "CZJ", "applicantKind": "自然人", "applicantName": "李四", "idType": "居民身份证", "idNumber": "360421199003071231",
        "phone": "13912345678", "address": "示范县解放路2号", "infoTitle": "2026年城乡低保资金发放明细", "requestedForm": "纸质", "delivery": "邮寄",
    ]

    static func formToken(in body: String) -> String? {
        guard let range = body.range(of: #"name="formToken" value=""#) else { return nil }
        return String(body[range.upperBound...].prefix { $0 != "\"" })
    }

    static func value(after label: String, in body: String) -> String? {
        guard let range = body.range(of: "<dt>\(label)</dt><dd><strong>") else { return nil }
        return String(body[range.upperBound...].prefix { $0 != "<" })
    }

    @Test("a citizen applies and tracks; a wrong code reads like an unknown number", arguments: TestDatabase.kinds)
    func applyAndTrack(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, _ in
            let page = try await browser.get("/apply")
            #expect(page.status == .ok)
            #expect(page.body.contains("政府信息公开申请"))
            #expect(page.body.contains("name=\"idNumber\""))
            // No agency chosen for the citizen; agencies grouped by kind; an internal 科 is no agency.
            #expect(page.body.contains(#"<option value="" selected>请选择受理机关</option>"#))
            #expect(page.body.contains(#"<optgroup label="县直部门">"#))
            #expect(!page.body.contains(#"<option value="CZJ" selected>"#))
            var bad = Self.form
            bad["idNumber"] = "360421199003071232"
            let refused = try await browser.post("/apply", form: bad)
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("居民身份证号码无效"))
            #expect(refused.body.contains("示范县解放路2号"))
            #expect(try await browser.post("/apply", form: Self.form, csrf: "").status == .forbidden)

            let token = try #require(Self.formToken(in: page.body))
            #expect(refused.body.contains("name=\"formToken\" value=\""))
            var form = Self.form
            form["formToken"] = token
            let applied = try await browser.post("/apply", form: form)
            #expect(applied.status == .seeOther)
            let location = try #require(applied.headers[.location])
            #expect(location == "/apply/receipt?form=\(token)")
            let receipt = try await browser.get(location)
            #expect(receipt.status == .ok)
            #expect(receipt.body.contains("刷新本页不会重复提交"))
            let reference = try #require(Self.value(after: "受理编号", in: receipt.body))
            let code = try #require(Self.value(after: "查询码", in: receipt.body))
            try await browser.get("/track")
            let tracked = try await browser.post("/track", form: ["reference": reference, "queryCode": code])
            #expect(tracked.status == .ok)
            #expect(tracked.body.contains("待确认"))
            #expect(tracked.body.contains("示范县财政局"))
            #expect(!tracked.body.contains("360421199003071231"))
            #expect(!tracked.body.contains("13912345678"))
            let wrong = try await browser.post("/track", form: ["reference": reference, "queryCode": "ZZZZZZZZ"])
            let unknown = try await browser.post("/track", form: ["reference": "YSQ2026000999", "queryCode": code])
            #expect(wrong.status == .notFound)
            #expect(unknown.status == .notFound)
            #expect(wrong.body.contains("受理编号或查询码不正确"))
            #expect(unknown.body.contains("受理编号或查询码不正确"))
        }
    }

    @Test("the 受理机关 list holds agencies only: a 科 under a bureau is left out, a unit whose parent is not listed stays")
    func agencies() {
        let county = OrgUnit(code: "XZF", name: "示范县人民政府", kind: .countyGovernment, parentCode: nil)
        let bureau = OrgUnit(code: "CZJ", name: "示范县财政局", kind: .countyDepartment, parentCode: "XZF")
        let section = OrgUnit(code: "CZJ-GKK", name: "示范县财政局国库科", kind: .other, parentCode: "CZJ")
        let town = OrgUnit(code: "CGZ", name: "城关镇人民政府", kind: .township, parentCode: "XZF")
        #expect(ApplicationForm.agencies([county, bureau, section, town]).map(\.code) == ["XZF", "CZJ", "CGZ"])
        // A clerk's intake form lists only the clerk's own unit, whose parent is not in the list.
        #expect(ApplicationForm.agencies([bureau]).map(\.code) == ["CZJ"])
        let form = ApplicationForm(values: [:], units: [county, bureau, section, town])
        #expect(form.unitGroups.map(\.label) == ["县人民政府", "县直部门", "乡镇人民政府"])
        #expect(!form.unitChosen)
    }

    @Test("a form posted twice, or its receipt page refreshed, files one case and shows the same receipt", arguments: TestDatabase.kinds)
    func oneCasePerForm(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, database in
            let page = try await browser.get("/apply")
            let token = try #require(Self.formToken(in: page.body))
            var form = Self.form
            form["formToken"] = token
            form["infoTitle"] = "重复提交测试：2026年城乡低保资金发放明细"
            let posted = form
            // A double tap: both posts arrive at once.
            async let first = browser.post("/apply", form: posted)
            async let second = browser.post("/apply", form: posted)
            let answers = try await [first, second]
            #expect(answers.allSatisfy { $0.status == .seeOther })
            #expect(Set(answers.compactMap { $0.headers[.location] }) == ["/apply/receipt?form=\(token)"])
            let third = try await browser.post("/apply", form: form)
            #expect(third.headers[.location] == "/apply/receipt?form=\(token)")
            let shown = try await browser.get("/apply/receipt?form=\(token)")
            let again = try await browser.get("/apply/receipt?form=\(token)")
            #expect(Self.value(after: "受理编号", in: shown.body) != nil)
            #expect(Self.value(after: "受理编号", in: shown.body) == Self.value(after: "受理编号", in: again.body))
            #expect(Self.value(after: "查询码", in: shown.body) == Self.value(after: "查询码", in: again.body))
            let cases = try await database.sql.select().column(SQLFunction("count", args: SQLLiteral.all), as: "n").from("requests")
                .where("info_title", .equal, form["infoTitle"]!).first(decodingColumn: "n", as: Int.self)
            #expect(cases == 1)
            // Another form token, or none that was ever posted, shows no receipt.
            let unknown = try await browser.get("/apply/receipt?form=" + String(repeating: "a", count: 43))
            #expect(unknown.status == .notFound)
            #expect(unknown.body.contains("回执只在提交申请的浏览器中保留 24 小时"))
            #expect(try await browser.get("/apply/receipt?form=%00").status == .notFound)
        }
    }

    @Test(
        "the clerk confirms, sees the explanation, replies through review; letters print; the office sees masked data", arguments: TestDatabase.kinds)
    func clerkJourney(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, database in
            let service = RequestService(database: database, clock: FixedClock())
            var application = try ApplicationFormFixture.application()
            application.channel = .online
            let receipt = try await service.submitOnline(application)

            try await browser.login("editor")
            let list = try await browser.get("/staff/requests")
            #expect(list.body.contains(receipt.reference))
            #expect(list.body.contains("待确认"))
            let casePage = try await browser.get("/staff/requests/\(receipt.id)")
            #expect(casePage.body.contains("360421199003071231"))
            #expect(casePage.body.contains("确认收到申请"))
            let confirmed = try await browser.post("/staff/requests/\(receipt.id)/actions/confirm", form: ["on": "2026-11-20"])
            #expect(confirmed.status == .seeOther)
            let running = try await browser.get("/staff/requests/\(receipt.id)")
            #expect(running.body.contains("期限计算明细"))
            #expect(running.body.contains("2026-12-18"))
            #expect(!running.body.contains("放假安排尚未公布"))
            #expect(!running.body.contains("（）"))
            let badDraft = try await browser.post("/staff/requests/\(receipt.id)/actions/draftReply", form: ["replyText": "同意公开"])
            #expect(badDraft.status == .badRequest)
            #expect(badDraft.body.contains("请选择答复类型"))
            #expect(
                try await browser.post("/staff/requests/\(receipt.id)/actions/draftReply", form: ["outcome": "r3.1", "replyText": "予以公开，随函附上。"])
                    .status == .seeOther)
            #expect(try await browser.post("/staff/requests/\(receipt.id)/actions/submitReply", form: [:]).status == .seeOther)
            let letters = try await service.letters(
                of: try await service.request(receipt.id, visibleTo: StaffIdentity(userID: 0, username: "x", role: .office, unitCode: "ZFB")))
            let letterPage = try await browser.get("/staff/letters/\(letters[0].id)")
            #expect(letterPage.body.contains("受理回执"))
            #expect(letterPage.body.contains("letter-sheet"))
            #expect(letterPage.body.contains("2026年12月18日"))
            let download = try await browser.get("/staff/letters/\(letters[0].id)/download")
            #expect(download.headers[.contentDisposition]?.hasPrefix("attachment") == true)
            #expect(
                try await browser.post(
                    "/staff/letters/\(letters[0].id)/delivery",
                    form: ["delivery": "邮寄签收", "deliveredOn": "2026-11-20", "trackingNumber": "EMS123456789"]
                ).status == .seeOther)
            try await browser.post("/staff/logout", form: [:])

            try await browser.login("reviewer")
            #expect(try await browser.post("/staff/requests/\(receipt.id)/actions/approveReply", form: ["on": "2026-11-20"]).status == .seeOther)
            #expect(try await browser.get("/staff/requests/\(receipt.id)").body.contains("已答复"))
            try await browser.post("/staff/logout", form: [:])

            try await browser.login("office")
            let masked = try await browser.get("/staff/requests/\(receipt.id)")
            #expect(masked.body.contains("360***********1231"))
            #expect(!masked.body.contains("360421199003071231"))
            #expect(!masked.body.contains("<summary>确认收到申请"))
            // 办理记录 lists the confirmation and every letter with the people by name.
            #expect(masked.body.contains("<td>确认收到申请</td>"))
            #expect(masked.body.contains("<td>发出受理回执</td>"))
            let templates = try await browser.get("/staff/letter-templates")
            #expect(templates.body.contains("补正告知书"))
            let badTemplate = try await browser.post("/staff/letter-templates/receipt", form: ["text": "{{申请人}}：{{没有这个}}，特此告知。"])
            #expect(badTemplate.status == .badRequest)
            #expect(try await browser.post("/staff/letter-templates/receipt", form: ["text": "{{申请人}}：已收到您的申请 {{受理编号}}。"]).status == .seeOther)
            #expect(try await browser.get("/staff/outbox").status == .ok)
        }
    }
}

enum ApplicationFormFixture {
    static func application() throws -> RequestApplication {
        RequestApplication(
            unitCode: "CZJ", channel: .inPerson, applicantKind: .naturalPerson, applicantName: "李四", idType: .residentID,
            idNumber: "360421199003071231",
            phone: "13912345678", address: "示范县解放路2号", infoTitle: "2026年城乡低保资金发放明细", requestedForm: .paper, delivery: .post)
    }
}
