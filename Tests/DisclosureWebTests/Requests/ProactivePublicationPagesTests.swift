import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Testing

@testable import DisclosureWeb

/// Issue 23 §4: the case page offers 转为主动公开 at the third similar request.
@Suite("依申请转主动 on the case page")
struct ProactivePublicationPagesTests {
    @Test("the third answered request for the same budget lists the others and turns into a draft document that names its case")
    func offerAndConvert() async throws {
        let clock = FixedClock()
        try await WebHarness.run(.sqlite, clock: clock) { browser, database in
            let service = RequestService(database: database, clock: clock)
            let editor = StaffIdentity(userID: 0, username: "editor", role: .editor, unitCode: "CZJ")
            let reviewer = StaffIdentity(userID: 0, username: "reviewer", role: .reviewer, unitCode: "CZJ")
            var ids: [Int] = []
            for (index, idNumber) in ["11010519491231002X", "360421199003071231", "110105198001010016"].enumerated() {
                var application = try ApplicationFormFixture.application()
                application.idNumber = idNumber
                application.infoTitle = index == 1 ? "财政局2025年部门预算公开表" : "2025年县级部门预算公开表"
                application.infoDescription = "示范县财政局2025年县级部门预算公开表及说明"
                ids.append(try await service.intake(application, receivedOn: CivilDate(instant: clock.now()), by: editor).id)
            }
            let third = ids[2]
            try await service.act(third, .draftReply, RequestActionInput(outcome: .disclosed, replyText: "予以公开。"), by: editor)
            try await service.act(third, .submitReply, RequestActionInput(), by: editor)
            try await service.act(third, .approveReply, RequestActionInput(on: CivilDate(instant: clock.now())), by: reviewer)

            try await browser.login("editor")
            let page = try await browser.get("/staff/requests/\(third)")
            #expect(page.body.contains("相同或相似的申请（条例第四十四条 依申请转主动）"))
            #expect(page.body.contains("申请相同或相似信息的共 3 件（含本件）"))
            #expect(page.body.contains("所需信息相似"))
            #expect(page.body.contains(#"action="/staff/requests/\#(third)/publish""#))
            let converted = try await browser.post("/staff/requests/\(third)/publish", form: [:])
            #expect(converted.status == .seeOther)
            let location = try #require(converted.location)
            let document = try await browser.get(location)
            #expect(document.body.contains("依条例第四十四条转为主动公开"))
            #expect(document.body.contains("2025年县级部门预算公开表"))
            let after = try await browser.get("/staff/requests/\(third)")
            #expect(after.body.contains("已转为主动公开"))
            #expect(!after.body.contains(#"action="/staff/requests/\#(third)/publish""#))
            // The first request is not answered: listed, but not offered.
            let first = try await browser.get("/staff/requests/\(ids[0])")
            #expect(first.body.contains("答复予以公开或部分公开后，方可转为主动公开。"))
        }
    }
}
