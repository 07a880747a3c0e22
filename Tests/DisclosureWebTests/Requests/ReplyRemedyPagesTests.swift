import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Testing

@testable import DisclosureWeb

@Suite("救济途径 in reply letters: set per unit by the office, printed in the reply, checked in every edited template")
struct ReplyRemedyPagesTests {
    @Test(
        "the office sets a unit's court; the reply names it and the county government as 复议机关; a template without remedies is refused",
        arguments: TestDatabase.kinds)
    func remedyInReply(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, database in
            try await browser.login("office")
            let unitPage = try await browser.get("/staff/units/CZJ")
            #expect(unitPage.body.contains("救济途径"))
            let saved = try await browser.post("/staff/units/CZJ/remedy", form: ["reviewAuthority": "", "court": "示范县人民法院"])
            #expect(saved.status == .ok)
            #expect(saved.body.contains(#"value="示范县人民法院""#))
            let refused = try await browser.post(
                "/staff/letter-templates/reply", form: ["text": "{{申请人}}：\n经审查，答复如下：{{答复类型}}。\n{{答复内容}}"])
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("须写明救济途径"))
            try await browser.post("/staff/logout", form: [:])

            let service = RequestService(database: database, clock: FixedClock())
            let receipt = try await service.submitOnline(try ApplicationFormFixture.application())
            try await browser.login("editor")
            #expect(try await browser.post("/staff/units/CZJ/remedy", form: ["court": "某法院"]).status == .forbidden)
            let confirmed = try await browser.post("/staff/requests/\(receipt.id)/actions/confirm", form: ["on": "2026-11-20"])
            #expect(confirmed.headers[.location] == "/staff/requests/\(receipt.id)?done=confirm")
            let done = try await browser.get(confirmed.headers[.location] ?? "")
            #expect(done.body.contains("已确认收到申请（收到申请之日 2026-11-20），已出具「受理回执」示范县财政局依申请公开告〔2026〕"))
            // The likely next step comes first and open.
            #expect(done.body.contains("<details open><summary>拟定答复（下一步）</summary>"))
            #expect(
                try await browser.post(
                    "/staff/requests/\(receipt.id)/actions/draftReply", form: ["outcome": "r3.2", "replyText": "第 3 页涉及个人隐私，已作遮盖。"]
                )
                .status == .seeOther)
            #expect(try await browser.post("/staff/requests/\(receipt.id)/actions/submitReply", form: [:]).status == .seeOther)
            try await browser.post("/staff/logout", form: [:])
            try await browser.login("reviewer")
            // The reviewer reads the letter that will go out, beside the button that sends it.
            let review = try await browser.get("/staff/requests/\(receipt.id)")
            #expect(review.body.contains("<details open><summary>审核通过并答复（下一步）</summary>"))
            let preview = try #require(review.body.range(of: #"<article class="letter-sheet preview""#))
            let button = try #require(review.body.range(of: "<button type=\"submit\">审核通过并答复</button>"))
            #expect(preview.lowerBound < button.lowerBound)
            #expect(review.body[preview.lowerBound..<button.lowerBound].contains(RequestOutcome.partlyDisclosed.decision))
            #expect(review.body[preview.lowerBound..<button.lowerBound].contains("向示范县人民法院提起行政诉讼"))
            let approved = try await browser.post("/staff/requests/\(receipt.id)/actions/approveReply", form: ["on": "2026-11-20"])
            #expect(approved.status == .seeOther)
            #expect(try await browser.get(approved.headers[.location] ?? "").body.contains("已审核通过并发出「政府信息公开申请答复告知书」"))

            let staff = StaffIdentity(userID: 0, username: "office", role: .office, unitCode: "ZFB")
            let letters = try await service.letters(of: try await service.request(receipt.id, visibleTo: staff))
            let reply = try #require(letters.first { $0.kind == .reply })
            #expect(reply.body.contains(RequestOutcome.partlyDisclosed.decision))
            #expect(reply.body.contains("向示范县人民政府申请行政复议"))
            #expect(reply.body.contains("向示范县人民法院提起行政诉讼"))
            #expect(!reply.body.contains("只计这一情形"))
        }
    }
}
