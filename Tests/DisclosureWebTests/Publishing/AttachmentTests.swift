import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Hummingbird
import Testing

@Suite("Attachments")
struct AttachmentTests {
    static func multipart(csrf: String, name: String, bytes: [UInt8]) -> (String, String) {
        let boundary = "----disclosure-test"
        var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(csrf)\r\n"
        body +=
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        body += String(decoding: bytes, as: UTF8.self) + "\r\n--\(boundary)--\r\n"
        return ("multipart/form-data; boundary=\(boundary)", body)
    }

    @Test("a PDF attached to a draft is served with the published document; a disguised file is refused", arguments: TestDatabase.kinds)
    func attach(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, database in
            try await browser.login("editor")
            let created = try await browser.post("/staff/documents", form: PublishingJourneyTests.form)
            let id = try #require(PublishingJourneyTests.documentID(created.location))
            let csrf = browser.csrfToken
            let pdf = Array("%PDF-1.4\n预算表\n%%EOF".utf8)
            let (type, body) = Self.multipart(csrf: csrf, name: "2026年预算表.pdf", bytes: pdf)
            let uploaded = try await browser.send("/staff/documents/\(id)/attach", method: .post, headers: [.contentType: type], body: body)
            #expect(uploaded.status == .seeOther)
            let (fakeType, fakeBody) = Self.multipart(csrf: csrf, name: "virus.pdf", bytes: Array("MZ this is an exe".utf8))
            let refused = try await browser.send("/staff/documents/\(id)/attach", method: .post, headers: [.contentType: fakeType], body: fakeBody)
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("附件内容与扩展名 .pdf 不符"))
            let (exeType, exeBody) = Self.multipart(csrf: csrf, name: "setup.exe", bytes: Array("MZ".utf8))
            #expect(
                try await browser.send("/staff/documents/\(id)/attach", method: .post, headers: [.contentType: exeType], body: exeBody).status
                    == .badRequest)
            let (_, noCSRF) = Self.multipart(csrf: "wrong", name: "a.pdf", bytes: pdf)
            #expect(
                try await browser.send("/staff/documents/\(id)/attach", method: .post, headers: [.contentType: type], body: noCSRF).status
                    == .forbidden)
            let attachments = try await AttachmentRepository(database.sql).list(document: id)
            #expect(attachments.map(\.fileName) == ["2026年预算表.pdf"])
            // Not public before publication.
            #expect(try await browser.get("/documents/\(id)/attachments/\(attachments[0].id)").status == .notFound)
            // The staff page lists the file (it once said 「无附件」) and links to the staff copy.
            let staffPage = try await browser.get("/staff/documents/\(id)")
            #expect(staffPage.body.contains("/staff/documents/\(id)/attachments/\(attachments[0].id)"))
            #expect(!staffPage.body.contains("无附件"))
            let staffCopy = try await browser.get("/staff/documents/\(id)/attachments/\(attachments[0].id)")
            #expect(staffCopy.status == .ok)
            #expect(staffCopy.headers[.contentType] == "application/pdf")
            try await browser.post("/staff/documents/\(id)/submit", form: [:])
            try await browser.post("/staff/logout", form: [:])
            try await browser.login("reviewer")
            try await browser.post(
                "/staff/documents/\(id)/approve", form: ["containsStateSecrets": "no", "containsPrivateData": "no", "wordingAccurate": "yes"])
            try await browser.post("/staff/documents/\(id)/publish", form: [:])
            let page = try await browser.get("/documents/\(id)")
            #expect(page.body.contains("2026年预算表.pdf"))
            let download = try await browser.get("/documents/\(id)/attachments/\(attachments[0].id)")
            #expect(download.status == .ok)
            #expect(download.body == String(decoding: pdf, as: UTF8.self))
            #expect(download.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
        }
    }
}
