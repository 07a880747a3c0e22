import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Testing

@testable import DisclosureWeb

/// Issue 23 §2 done-when: a 部分公开 answer with a PDF whose ID number and company account are
/// redacted with their reasons; the applicant downloads the redacted file; its text holds neither;
/// the letter's reasons match the log.
@Suite("部分公开 with redaction, from the clerk's page to the applicant's download")
struct RedactionPagesTests {
    static let id = "11010519491231002X"
    static let account = "6222021234567890128"

    static func text(of bytes: [UInt8]) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("track-\(UUID().uuidString).pdf")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = ["-q", file.path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The editor drafts a 部分公开 reply and submits it; the reviewer (signed in after) approves it.
    static func answerPartly(_ id: Int, _ browser: Browser) async throws {
        #expect(
            try await browser.post("/staff/requests/\(id)/actions/draftReply", form: ["outcome": "r3.2", "replyText": "现将可以公开的部分提供给您。"]).status
                == .seeOther)
        #expect(try await browser.post("/staff/requests/\(id)/actions/submitReply", form: [:]).status == .seeOther)
        try await browser.post("/staff/logout", form: [:])
        try await browser.login("reviewer")
        #expect(try await browser.post("/staff/requests/\(id)/actions/approveReply", form: ["on": "2026-11-20"]).status == .seeOther)
    }

    @Test("propose, choose grounds, burn, release only the copy, write the reasons into the letter", arguments: TestDatabase.kinds)
    func redactAndRelease(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, database in
            let service = RequestService(database: database, clock: FixedClock())
            let receipt = try await service.submitOnline(try ApplicationFormFixture.application())
            let credentials = ["reference": receipt.reference, "queryCode": receipt.queryCode]
            let source = SamplePDF.make(text: "Payee ID \(Self.id) acct \(Self.account)")

            try await browser.login("editor")
            #expect(try await browser.post("/staff/requests/\(receipt.id)/actions/confirm", form: ["on": "2026-11-20"]).status == .seeOther)
            let (type, body) = PowerPagesTests.multipart(csrf: browser.csrfToken, name: "补贴发放明细.pdf", bytes: source)
            #expect(
                try await browser.send("/staff/requests/\(receipt.id)/files", method: .post, headers: [.contentType: type], bytes: body).status
                    == .seeOther)
            let staff = StaffIdentity(userID: 0, username: "office", role: .office, unitCode: "ZFB")
            let original = try #require(try await service.replyFiles(of: try await service.request(receipt.id, visibleTo: staff)).first)
            #expect(original.pages == 1)
            let casePage = try await browser.get("/staff/requests/\(receipt.id)")
            #expect(casePage.body.contains("/files/\(original.id)/redact"))

            let form = try await browser.get("/staff/requests/\(receipt.id)/files/\(original.id)/redact")
            #expect(form.status == .ok)
            #expect(form.body.contains("居民身份证号 110***********002X"))
            #expect(!form.body.contains(Self.id))
            let preview = try await browser.get("/staff/requests/\(receipt.id)/files/\(original.id)/pages/1")
            #expect(preview.headers[.contentType] == "image/png")

            // A hand-drawn region without its reason cannot be saved; nothing is written.
            var answers = [
                "p.0.use": "on", "p.0.ground": "个人隐私", "p.1.use": "on", "p.1.ground": "商业秘密", "m.0.page": "1", "m.0.left": "10", "m.0.top": "90",
                "m.0.width": "20", "m.0.height": "5",
            ]
            let refused = try await browser.post("/staff/requests/\(receipt.id)/files/\(original.id)/redact", form: answers)
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("手工区域第 1 行须选择不予公开的理由"))
            #expect(try await service.replyFiles(of: try await service.request(receipt.id, visibleTo: staff)).count == 1)
            answers["m.0.page"] = ""
            answers["m.0.left"] = ""
            answers["m.0.top"] = ""
            answers["m.0.width"] = ""
            answers["m.0.height"] = ""
            let done = try await browser.post("/staff/requests/\(receipt.id)/files/\(original.id)/redact", form: answers)
            #expect(done.status == .seeOther)
            let files = try await service.replyFiles(of: try await service.request(receipt.id, visibleTo: staff))
            let copy = try #require(files.first { $0.sourceFileID == original.id })
            #expect(copy.fileName == "补贴发放明细（遮盖）.pdf")
            #expect(try await browser.get("/staff/requests/\(receipt.id)").body.contains("原件，已遮盖，不提供给申请人"))

            try await Self.answerPartly(receipt.id, browser)
            try await browser.post("/staff/logout", form: [:])

            // The letter's reasons are the log's.
            let letters = try await service.letters(of: try await service.request(receipt.id, visibleTo: staff))
            let reply = try #require(letters.first { $0.kind == .reply })
            #expect(reply.body.contains("「补贴发放明细（遮盖）.pdf」第 1 页共 1 处（居民身份证号）属于个人隐私，公开会对第三方合法权益造成损害，依据《中华人民共和国政府信息公开条例》第十五条不予公开，已作遮盖处理。"))
            #expect(reply.body.contains("（银行卡号）属于商业秘密"))
            #expect(reply.body.contains("1. 「补贴发放明细（遮盖）.pdf」，共 1 页。"))
            #expect(!reply.body.contains("「补贴发放明细.pdf」"))

            // The applicant sees and downloads only the redacted copy; its text holds neither number.
            let track = try await browser.post("/track", form: credentials)
            #expect(track.body.contains("补贴发放明细（遮盖）.pdf"))
            #expect(!track.body.contains(">补贴发放明细.pdf"))
            #expect(try await browser.post("/track/file", form: credentials.merging(["file": String(original.id)]) { $1 }).status == .notFound)
            let download = try await browser.post("/track/file", form: credentials.merging(["file": String(copy.id)]) { $1 })
            let downloaded = download.bodyBytes
            #expect(downloaded.starts(with: Array("%PDF-".utf8)))
            let text = try Self.text(of: downloaded)
            #expect(!text.contains(Self.id) && !text.contains(Self.account) && !text.contains("Payee"))
        }
    }

    @Test("a released file with a mobile number holds the approval until the number is redacted or confirmed with a reason")
    func releasedFileScan() async throws {
        try await WebHarness.run(.sqlite) { browser, database in
            let service = RequestService(database: database, clock: FixedClock())
            let receipt = try await service.submitOnline(try ApplicationFormFixture.application())
            try await browser.login("editor")
            #expect(try await browser.post("/staff/requests/\(receipt.id)/actions/confirm", form: ["on": "2026-11-20"]).status == .seeOther)
            let pdf = SamplePDF.make(text: "Contact 13812345678 for the ledger")
            let (type, body) = PowerPagesTests.multipart(csrf: browser.csrfToken, name: "台账.pdf", bytes: pdf)
            #expect(
                try await browser.send("/staff/requests/\(receipt.id)/files", method: .post, headers: [.contentType: type], bytes: body).status
                    == .seeOther)
            let casePage = try await browser.get("/staff/requests/\(receipt.id)")
            #expect(casePage.body.contains("手机号码 138****5678"))
            #expect(casePage.body.contains("答复附件「台账.pdf」"))
            #expect(
                try await browser.post("/staff/requests/\(receipt.id)/actions/draftReply", form: ["outcome": "r3.1", "replyText": "予以公开。"]).status
                    == .seeOther)
            #expect(try await browser.post("/staff/requests/\(receipt.id)/actions/submitReply", form: [:]).status == .seeOther)
            try await browser.post("/staff/logout", form: [:])
            try await browser.login("reviewer")
            let held = try await browser.post("/staff/requests/\(receipt.id)/actions/approveReply", form: ["on": "2026-11-20"])
            #expect(held.status == .conflict)
            #expect(held.body.contains("答复附件「台账.pdf」中有未核对的个人信息（手机号码 138****5678）"))
            // A confirmation needs its reason; with it, the reply goes out.
            let noReason = try await browser.post(
                "/staff/requests/\(receipt.id)/privacy", form: ["privacy.0.action": "confirm", "privacy.0.masked": "138****5678"])
            #expect(noReason.status == .badRequest)
            #expect(
                try await browser.post(
                    "/staff/requests/\(receipt.id)/privacy",
                    form: ["privacy.0.action": "confirm", "privacy.0.reason": "台账所列为单位值班电话", "privacy.0.masked": "138****5678"]
                ).status == .seeOther)
            #expect(try await browser.post("/staff/requests/\(receipt.id)/actions/approveReply", form: ["on": "2026-11-20"]).status == .seeOther)
            let staff = StaffIdentity(userID: 0, username: "office", role: .office, unitCode: "ZFB")
            #expect(try await service.request(receipt.id, visibleTo: staff).state == .answered)
        }
    }

    @Test(
        "a Word file is redacted by span: the scan's number and a typed company name are replaced, the copy holds neither, the letter names them",
        arguments: TestDatabase.kinds)
    func wordFile(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, database in
            let service = RequestService(database: database, clock: FixedClock())
            let receipt = try await service.submitOnline(try ApplicationFormFixture.application())
            let credentials = ["reference": receipt.reference, "queryCode": receipt.queryCode]
            try await browser.login("editor")
            #expect(try await browser.post("/staff/requests/\(receipt.id)/actions/confirm", form: ["on": "2026-11-20"]).status == .seeOther)
            let docx = try DOCXDocument.write([
                .paragraph("补贴发放情况说明"), .paragraph("收款人身份证号\(Self.id)，开户单位示范县绿谷农业有限公司。"),
                .table(ReportGrid(title: "", columnCount: 2, headerRows: 0, rows: [[.init("单位"), .init("示范县绿谷农业有限公司")]])),
            ])
            let (type, body) = PowerPagesTests.multipart(csrf: browser.csrfToken, name: "说明.docx", bytes: Array(docx))
            #expect(
                try await browser.send("/staff/requests/\(receipt.id)/files", method: .post, headers: [.contentType: type], bytes: body).status
                    == .seeOther)
            let staff = StaffIdentity(userID: 0, username: "office", role: .office, unitCode: "ZFB")
            let original = try #require(try await service.replyFiles(of: try await service.request(receipt.id, visibleTo: staff)).first)
            let form = try await browser.get("/staff/requests/\(receipt.id)/files/\(original.id)/redact")
            #expect(form.body.contains("居民身份证号 110***********002X") && !form.body.contains(Self.id))
            // A typed text that is not in the file is refused, naming it.
            var answers = ["p.0.use": "on", "p.0.ground": "个人隐私", "s.0.text": "不存在的公司", "s.0.what": "企业名称", "s.0.ground": "商业秘密"]
            let refused = try await browser.post("/staff/requests/\(receipt.id)/files/\(original.id)/redact", form: answers)
            #expect(refused.status == .badRequest && refused.body.contains("文件中没有找到要遮盖的文字「企业名称」"))
            answers["s.0.text"] = "示范县绿谷农业有限公司"
            // Withholding pictures needs a ground, and pictures to withhold.
            answers["pictures"] = "withhold"
            let noGround = try await browser.post("/staff/requests/\(receipt.id)/files/\(original.id)/redact", form: answers)
            #expect(noGround.status == .badRequest && noGround.body.contains("不提供文件中的图片时，须选择不予公开的理由"))
            answers["pictures.ground"] = "个人隐私"
            let noPictures = try await browser.post("/staff/requests/\(receipt.id)/files/\(original.id)/redact", form: answers)
            #expect(noPictures.status == .badRequest && noPictures.body.contains("文件中没有图片"))
            answers["pictures"] = "keep"
            #expect(try await browser.post("/staff/requests/\(receipt.id)/files/\(original.id)/redact", form: answers).status == .seeOther)
            let copy = try #require(
                try await service.replyFiles(of: try await service.request(receipt.id, visibleTo: staff)).first { $0.sourceFileID == original.id })
            #expect(copy.fileName == "说明（遮盖）.docx")
            try await Self.answerPartly(receipt.id, browser)
            let reply = try #require(
                try await service.letters(of: try await service.request(receipt.id, visibleTo: staff)).first { $0.kind == .reply })
            #expect(reply.body.contains("「说明（遮盖）.docx」共 2 处（企业名称）属于商业秘密"))
            #expect(reply.body.contains("「说明（遮盖）.docx」共 1 处（居民身份证号）属于个人隐私"))
            let download = try await browser.post("/track/file", form: credentials.merging(["file": String(copy.id)]) { $1 })
            let text = try DOCXReader.read(Data(download.bodyBytes))
            let all = (text.paragraphs + text.tables.flatMap { $0.flatMap { $0 } }).joined(separator: "\n")
            #expect(!all.contains(Self.id) && !all.contains("绿谷农业"))
            #expect(all.contains("［已遮盖：个人隐私］") && all.contains("［已遮盖：商业秘密］") && all.contains("补贴发放情况说明"))
        }
    }
}
