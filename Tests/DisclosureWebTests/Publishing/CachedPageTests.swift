import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Cached public pages over a real connection")
struct CachedPageTests {
    @Test("a cached page is served again with the same bytes and headers, and disappears within a second of its withdrawal")
    func fastPath() async throws {
        try await WebHarness.run(.sqlite, mode: .live) { browser, database in
            let editor = StaffIdentity(userID: 2, username: "editor", role: .editor, unitCode: "CZJ")
            let reviewer = StaffIdentity(userID: 3, username: "reviewer", role: .reviewer, unitCode: "CZJ")
            let service = PublishingService(database: database, clock: FixedClock())
            let draft = DocumentDraft(
                unitCode: "CZJ", title: "关于缓存页面的测试公告", category: "通知公告", generatedOn: CivilDate(iso: "2026-11-19")!, body: "正文。")
            let document = try await service.create(draft, by: editor)
            try await service.submit(document.id, by: editor)
            try await service.approve(
                document.id,
                checklist: ReviewChecklist(containsStateSecrets: false, containsPrivateOrCommercialData: false, wordingAccurate: true, note: ""),
                by: reviewer)
            try await service.publish(document.id, by: reviewer)
            let first = try await browser.get("/documents/\(document.id)")
            let second = try await browser.get("/documents/\(document.id)")
            #expect(first.status == .ok)
            #expect(second.status == .ok)
            #expect(second.body == first.body)
            #expect(second.headers[.contentType] == "text/html; charset=utf-8")
            #expect(second.headers[.xContentTypeOptions] == "nosniff")
            #expect(second.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
            let search = "/search?q=" + Browser.encode("缓存")
            let found = try await browser.get(search)
            #expect(found.body.contains("/documents/\(document.id)"))
            #expect(try await browser.get(search).body == found.body)
            try await service.withdraw(document.id, reason: "测试撤回", by: reviewer)
            try await Task.sleep(for: .milliseconds(600))
            #expect(try await browser.get("/documents/\(document.id)").status == .notFound)
            #expect(!(try await browser.get(search).body.contains("/documents/\(document.id)")))
        }
    }
}
