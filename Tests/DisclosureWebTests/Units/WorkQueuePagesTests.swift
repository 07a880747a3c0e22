import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Testing

@testable import DisclosureWeb

@Suite("Work queues: each role's next actions by deadline, on the dashboard, on /staff/queue and counted in the navigation")
struct WorkQueuePagesTests {
    @Test(
        "the editor sees a new application to confirm; after the reply is submitted the reviewer sees it to approve, and it leaves the editor's queue",
        arguments: TestDatabase.kinds)
    func queues(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, database in
            let service = RequestService(database: database, clock: FixedClock())
            let receipt = try await service.submitOnline(try ApplicationFormFixture.application())

            try await browser.login("editor")
            let editorQueue = try await browser.get("/staff/queue")
            #expect(editorQueue.status == .ok)
            #expect(editorQueue.body.contains("待我办理（1）"))
            #expect(editorQueue.body.contains(#"<a href="/staff/requests/\#(receipt.id)">确认收到申请</a>"#))
            #expect(!editorQueue.body.contains("待我审核"))
            #expect(editorQueue.body.contains(#"我的待办<span class="count" aria-label="1 项">1</span>"#))
            let dashboard = try await browser.get("/staff")
            #expect(dashboard.body.contains("待我办理（1）"))
            #expect(dashboard.body.range(of: "待我办理")!.lowerBound < dashboard.body.range(of: "待办期限")!.lowerBound)

            #expect(try await browser.post("/staff/requests/\(receipt.id)/actions/confirm", form: ["on": "2026-11-20"]).status == .seeOther)
            #expect(try await browser.get("/staff/queue").body.contains(#"<a href="/staff/requests/\#(receipt.id)">拟写答复</a>"#))
            #expect(
                try await browser.post("/staff/requests/\(receipt.id)/actions/draftReply", form: ["outcome": "r3.1", "replyText": "予以公开。"])
                    .status == .seeOther)
            #expect(try await browser.post("/staff/requests/\(receipt.id)/actions/submitReply", form: [:]).status == .seeOther)
            let after = try await browser.get("/staff/queue")
            #expect(after.body.contains("待我办理（0）"))
            #expect(!after.body.contains(#"class="count""#))
            try await browser.post("/staff/logout", form: [:])

            try await browser.login("reviewer")
            let reviewerQueue = try await browser.get("/staff/queue")
            #expect(reviewerQueue.body.contains("待我审核（1）"))
            #expect(reviewerQueue.body.contains(#"<a href="/staff/requests/\#(receipt.id)">审核答复</a>"#))
            #expect(reviewerQueue.body.contains("剩余"))
            try await browser.post("/staff/logout", form: [:])

            // The office sees the county but acts on no case, so its queue is empty of cases.
            try await browser.login("office")
            let office = try await browser.get("/staff/queue")
            #expect(office.status == .ok)
            #expect(!office.body.contains(receipt.reference))
        }
    }

    @Test("the demo county: the reviewer's 保密审查 waits in 待我审核, the assessor has 待我评分, the office 待我督办, the menu is grouped by work")
    func demo() async throws {
        try await PortalPagesTests.demoCounty(.sqlite) { browser in
            try await browser.login("reviewer")
            let reviewer = try await browser.get("/staff/queue")
            #expect(reviewer.body.contains(#"保密审查</a>"#))
            for group in ["办件", "公开", "监督", "考核与报告", "设置"] {
                #expect(reviewer.body.contains(#"<span class="group-name">\#(group)</span>"#))
            }
            #expect(reviewer.body.contains(#"<a href="/staff/notifications">消息发送</a>"#))
            try await browser.post("/staff/logout", form: [:])
            try await browser.login("assessor")
            let assessor = try await browser.get("/staff/queue")
            #expect(assessor.status == .ok)
            #expect(assessor.body.contains("待我评分"))
            try await browser.post("/staff/logout", form: [:])
            // The office supervises: escalated complaints and rectifications to accept.
            try await browser.login("office")
            let office = try await browser.get("/staff")
            #expect(office.body.contains("待我督办"))
        }
    }
}
