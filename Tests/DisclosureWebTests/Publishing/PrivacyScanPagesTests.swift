import DisclosureCore
import DisclosureTestSupport
import Foundation
import Testing

@testable import DisclosureWeb

@Suite("保密审查 shows personal data the scan finds, masked")
struct PrivacyScanPagesTests {
    @Test("a draft with an ID number and a mobile number: the reviewer sees both masked, never in full")
    func reviewerSeesHits() async throws {
        try await WebHarness.run(.sqlite) { browser, _ in
            try await browser.login("editor")
            var form = PublishingJourneyTests.form
            form["body"] = "低保对象张某，身份证号11010519491231002X，联系电话13812345678。"
            let created = try await browser.post("/staff/documents", form: form)
            let id = try #require(PublishingJourneyTests.documentID(created.location))
            try await browser.post("/staff/documents/\(id)/submit", form: [:])
            try await browser.post("/staff/logout", form: [:])
            try await browser.login("reviewer")
            let page = try await browser.get("/staff/documents/\(id)")
            #expect(page.body.contains("正文中可能含有个人信息"))
            #expect(page.body.contains("居民身份证号 110***********002X"))
            #expect(page.body.contains("手机号码 138****5678"))
            let warning = page.body.components(separatedBy: "正文中可能含有个人信息").last?.components(separatedBy: "</ul>").first ?? ""
            #expect(!warning.contains("11010519491231002X"))
        }
    }
}
