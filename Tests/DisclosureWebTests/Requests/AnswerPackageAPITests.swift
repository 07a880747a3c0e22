import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import DisclosureWeb

/// Issue 23's answer package in the JSON API: confirming personal data in a released file,
/// redacting a released PDF with a ground, linking a similar request, 转为主动公开 refused
/// before the answer — each with the case page's rules and errors.
@Suite("The answer package through the API")
struct AnswerPackageAPITests {
    @Test(
        "a released PDF's mobile number is confirmed or redacted by API; bad grounds, regions and references are named; conversion waits for the answer",
        arguments: TestDatabase.kinds)
    func answerPackage(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, database in
            let editor = StaffIdentity(userID: 2, username: "editor", role: .editor, unitCode: "CZJ")
            let service = RequestService(database: database, clock: FixedClock())
            let store = FolderFileStore(root: URL(fileURLWithPath: AppConfig.testing.filesFolder ?? NSTemporaryDirectory()))
            let application = try ApplicationFormFixture.application()
            let filed = try await service.intake(application, receivedOn: CivilDate(iso: "2026-11-18"), by: editor)
            let other = try await service.intake(application, receivedOn: CivilDate(iso: "2026-11-18"), by: editor)
            let file = try await service.addReplyFile(
                filed.id, fileName: "明细.pdf", bytes: SamplePDF.make(text: "Payee phone 13812345678 amount 1200"), store: store, by: editor)
            let token = try await APITests.token(database, "editor")
            var headers: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
            func post(_ path: String, _ json: String) async throws -> Browser.Page {
                try await browser.send("/api/v1/requests/\(filed.id)\(path)", method: .post, headers: headers, body: json)
            }

            var page = try await post("/files/\(file.id)/redactions", #"{"regions":[{"page":1,"x":10,"y":10,"width":50,"height":20,"ground":"随便"}]}"#)
            #expect(page.status == .badRequest && page.body.contains("ground 应为"))
            page = try await post("/files/\(file.id)/redactions", #"{"regions":[{"page":9,"x":10,"y":10,"width":50,"height":20,"ground":"个人隐私"}]}"#)
            #expect(page.status == .badRequest && page.body.contains("页码须在 1 到 1 之间"))
            page = try await post("/files/\(file.id)/redactions", #"{"regions":[]}"#)
            #expect(page.status == .badRequest)
            page = try await post("/privacy", #"{"answers":[{"action":"confirm","reason":""}]}"#)
            #expect(page.status == .badRequest)
            page = try await post("/privacy", #"{"answers":[{"action":"confirm","reason":"收款人本人申请，可以提供"}]}"#)
            #expect(page.status == .ok && page.body.contains(#""open":0"#))
            page = try await post(
                "/files/\(file.id)/redactions", #"{"regions":[{"page":1,"x":10,"y":10,"width":120,"height":30,"ground":"个人隐私","what":"收款人电话"}]}"#)
            #expect(page.status == .created)
            #expect(page.body.contains("（遮盖）.pdf"))
            let log = try await service.redactionLog(of: try await service.request(filed.id, visibleTo: editor))
            #expect(log.count == 1)

            page = try await post("/links", #"{"reference":"YSQ2099999999"}"#)
            #expect(page.status.code >= 400 && page.status.code < 500)
            page = try await post("/links", #"{"reference":"\#(other.reference)"}"#)
            #expect(page.status == .ok && page.body.contains(other.reference))
            page = try await post("/publication", "")
            #expect(page.status.code >= 400 && page.status.code < 500)
            #expect(page.body.contains("答复予以公开或部分公开后") || page.body.contains("detail"))
            headers[.authorization] = "Bearer nonsense"
            #expect(try await post("/links", #"{"reference":"\#(other.reference)"}"#).status == .unauthorized)
        }
    }
}
