import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Hummingbird
import Testing

@testable import DisclosureWeb

@Suite("The citizen's side of an application: every problem at once, tracking with letters and 补正 online")
struct TrackPagesTests {
    @Test("/apply shows every problem at once beside its field, with no preselected way or route that forces a field")
    func everyProblemAtOnce() async throws {
        try await WebHarness.run(.sqlite) { browser, _ in
            let page = try await browser.get("/apply")
            // Neither 获取信息的方式 nor 途径 is chosen for the citizen (纸质 + 邮寄 demanded an address).
            #expect(page.body.contains(#"name="requestedForm" required><option value="" selected>请选择</option>"#))
            #expect(page.body.contains(#"name="delivery" required><option value="" selected>请选择</option>"#))
            #expect(page.body.contains(#"id="idNumber-hint""#))
            #expect(page.body.contains("novalidate"))
            #expect(!page.body.contains("error-summary"))
            // Three mistakes: no agency, a wrong check digit, 邮寄 without an address.
            var form = RequestPagesTests.form
            form["unitCode"] = ""
            form["idNumber"] = "360421199003071232"
            form["address"] = ""
            form["formToken"] = RequestPagesTests.formToken(in: page.body) ?? ""
            let refused = try await browser.post("/apply", form: form)
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("请修改以下 3 处后重新提交"))
            for (field, message) in [("unitCode", "请选择受理机关"), ("idNumber", "居民身份证号码无效"), ("address", "邮寄送达须填写通信地址")] {
                #expect(refused.body.contains("<li><a href=\"#\(field)\">\(message)"), "summary links \(field)")
                #expect(refused.body.contains(#"<p class="field-error" id="\#(field)-error">\#(message)"#), "\(field)'s problem beside it")
                #expect(refused.body.contains(#"\#(field)-error""#))
            }
            #expect(refused.body.contains(#"aria-describedby="idNumber-hint idNumber-error" aria-invalid="true""#))
            // What was typed stays; a fixed form files one case.
            #expect(refused.body.contains("2026年城乡低保资金发放明细"))
            form["unitCode"] = "CZJ"
            form["idNumber"] = "360421199003071231"
            form["address"] = "示范县解放路2号"
            #expect(try await browser.post("/apply", form: form).status == .seeOther)
            // A form without the two choices names them, and nothing else.
            var unchosen = RequestPagesTests.form
            unchosen["requestedForm"] = ""
            unchosen["delivery"] = ""
            let missing = try await browser.post("/apply", form: unchosen)
            #expect(missing.body.contains("请修改以下 2 处后重新提交"))
            #expect(missing.body.contains("请选择获取信息的方式"))
            #expect(missing.body.contains("请选择获取信息的途径"))
        }
    }

    @Test("tracking shows what was asked; a 补正 sent online becomes 收到补正 with its content; letters print and download", arguments: TestDatabase.kinds)
    func trackAndCorrectOnline(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, database in
            let service = RequestService(database: database, clock: FixedClock())
            var application = try ApplicationFormFixture.application()
            application.infoDescription = "2026 年第三季度各乡镇发放明细"
            let receipt = try await service.submitOnline(application)

            try await browser.login("editor")
            #expect(try await browser.post("/staff/requests/\(receipt.id)/actions/confirm", form: ["on": "2026-11-20"]).status == .seeOther)
            #expect(
                try await browser.post(
                    "/staff/requests/\(receipt.id)/actions/requestCorrection", form: ["on": "2026-11-20", "note": "请写明所需明细的乡镇名称"]
                ).status == .seeOther)
            try await browser.post("/staff/logout", form: [:])

            let credentials = ["reference": receipt.reference, "queryCode": receipt.queryCode]
            let tracked = try await browser.post("/track", form: credentials)
            #expect(tracked.status == .ok)
            #expect(tracked.body.contains("2026年城乡低保资金发放明细"))
            #expect(tracked.body.contains("2026 年第三季度各乡镇发放明细"))
            #expect(tracked.body.contains("请补正您的申请"))
            #expect(tracked.body.contains("请写明所需明细的乡镇名称"))
            #expect(tracked.body.contains(#"action="/track/correction""#))
            #expect(!tracked.body.contains("360421199003071231"))

            let empty = try await browser.post("/track/correction", form: credentials.merging(["correction": "  "]) { $1 })
            #expect(empty.status == .badRequest)
            #expect(empty.body.contains(#"<p class="field-error" id="correction-error">请填写补正内容"#))
            let forged = try await browser.post(
                "/track/correction", form: ["reference": receipt.reference, "queryCode": "ZZZZZZZZ", "correction": "城关镇"])
            #expect(forged.status == .notFound)
            let sent = try await browser.post("/track/correction", form: credentials.merging(["correction": "城关镇、河口镇"]) { $1 })
            #expect(sent.status == .ok)
            #expect(sent.body.contains("收到您的补正"))
            #expect(sent.body.contains("城关镇、河口镇"))
            #expect(!sent.body.contains("请补正您的申请"))
            let again = try await browser.post("/track/correction", form: credentials.merging(["correction": "城关镇"]) { $1 })
            #expect(again.status == .conflict)

            let staff = StaffIdentity(userID: 0, username: "office", role: .office, unitCode: "ZFB")
            let request = try await service.request(receipt.id, visibleTo: staff)
            #expect(request.state == .accepted)
            let correction = try #require(request.events.last { $0.kind == .correctionReceived })
            #expect(correction.detail == "城关镇、河口镇")
            #expect(correction.party == RequestService.onlineCorrectionParty)
            try await browser.login("editor")
            #expect(try await browser.get("/staff/requests/\(receipt.id)").body.contains("申请人网上提交：城关镇、河口镇"))
            try await browser.post("/staff/logout", form: [:])

            let letters = try await service.letters(of: request)
            let letter = try #require(letters.first)
            let print = try await browser.post("/track/letter", form: credentials.merging(["letter": String(letter.id), "format": "page"]) { $1 })
            #expect(print.body.contains("letter-sheet"))
            #expect(print.body.contains(letter.number))
            let word = try await browser.post("/track/letter", form: credentials.merging(["letter": String(letter.id), "format": "docx"]) { $1 })
            #expect(word.headers[.contentType] == DOCXDocument.mediaType)
            #expect(word.body.hasPrefix("PK"))
            #expect(word.headers[.contentDisposition]?.contains(".docx") == true)
            let stolen = try await browser.post(
                "/track/letter", form: ["reference": receipt.reference, "queryCode": "ZZZZZZZZ", "letter": String(letter.id), "format": "docx"])
            #expect(stolen.status == .notFound)
            #expect(!stolen.body.hasPrefix("PK"))
        }
    }

    @Test(
        "a file the reply releases is uploaded to the case and downloadable from /track once the reply is sent, not before",
        arguments: TestDatabase.kinds)
    func releasedFiles(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, database in
            let service = RequestService(database: database, clock: FixedClock())
            let receipt = try await service.submitOnline(try ApplicationFormFixture.application())
            let credentials = ["reference": receipt.reference, "queryCode": receipt.queryCode]
            let pdf = Array("%PDF-1.4\n低保资金发放明细\n%%EOF\n".utf8)

            try await browser.login("editor")
            #expect(try await browser.post("/staff/requests/\(receipt.id)/actions/confirm", form: ["on": "2026-11-20"]).status == .seeOther)
            let (badType, badBody) = PowerPagesTests.multipart(csrf: browser.csrfToken, name: "明细.exe", bytes: Array("MZ".utf8))
            let refused = try await browser.send(
                "/staff/requests/\(receipt.id)/files", method: .post, headers: [.contentType: badType], bytes: badBody)
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("附件类型只能是"))
            let (type, body) = PowerPagesTests.multipart(csrf: browser.csrfToken, name: "低保资金发放明细.pdf", bytes: pdf)
            let added = try await browser.send("/staff/requests/\(receipt.id)/files", method: .post, headers: [.contentType: type], bytes: body)
            #expect(added.status == .seeOther)
            let casePage = try await browser.get("/staff/requests/\(receipt.id)")
            #expect(casePage.body.contains("低保资金发放明细.pdf"))
            let staff = StaffIdentity(userID: 0, username: "office", role: .office, unitCode: "ZFB")
            let fileID = try #require(try await service.replyFiles(of: try await service.request(receipt.id, visibleTo: staff)).first?.id)
            #expect(try await browser.get("/staff/requests/\(receipt.id)/files/\(fileID)").body.hasPrefix("%PDF-"))
            try await browser.post("/staff/logout", form: [:])

            // Before the reply: nothing to download.
            let before = try await browser.post("/track", form: credentials)
            #expect(!before.body.contains("低保资金发放明细.pdf"))
            #expect(try await browser.post("/track/file", form: credentials.merging(["file": String(fileID)]) { $1 }).status == .notFound)

            try await browser.login("editor")
            #expect(
                try await browser.post("/staff/requests/\(receipt.id)/actions/draftReply", form: ["outcome": "r3.1", "replyText": "予以公开，详见附件。"])
                    .status == .seeOther)
            #expect(try await browser.post("/staff/requests/\(receipt.id)/actions/submitReply", form: [:]).status == .seeOther)
            try await browser.post("/staff/logout", form: [:])
            try await browser.login("reviewer")
            #expect(try await browser.post("/staff/requests/\(receipt.id)/actions/approveReply", form: ["on": "2026-11-20"]).status == .seeOther)
            // A sent reply's files stay as sent.
            let remove = try await browser.post("/staff/requests/\(receipt.id)/files/\(fileID)/remove", form: [:])
            #expect(remove.status == .conflict)
            try await browser.post("/staff/logout", form: [:])

            let after = try await browser.post("/track", form: credentials)
            #expect(after.body.contains("答复附件"))
            #expect(after.body.contains("低保资金发放明细.pdf"))
            let download = try await browser.post("/track/file", form: credentials.merging(["file": String(fileID)]) { $1 })
            #expect(download.body.hasPrefix("%PDF-"))
            #expect(download.headers[.contentType] == "application/pdf")
            // The file's checksum is shown, and the download is on the case's record with it.
            let checksum = try #require(try await service.replyFiles(of: try await service.request(receipt.id, visibleTo: staff)).first?.sha256)
            #expect(checksum.count == 64)
            #expect(after.body.contains("SHA-256 校验值：\(checksum)"))
            let downloads = try await AuditLog.recent(on: database.sql, limit: 50, target: "request:\(receipt.id)").filter {
                $0.action == "request.file.download"
            }
            #expect(downloads.count == 1)
            #expect(downloads.first?.actor == "applicant")
            #expect(downloads.first?.summary.contains(checksum) == true)
            let stolen = try await browser.post(
                "/track/file", form: ["reference": receipt.reference, "queryCode": "ZZZZZZZZ", "file": String(fileID)])
            #expect(stolen.status == .notFound)
            #expect(!stolen.body.hasPrefix("%PDF-"))
        }
    }
}
