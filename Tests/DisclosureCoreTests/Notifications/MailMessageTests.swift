import DisclosureCore
import Foundation
import Testing

/// Issue 24 §1: an e-mail as it goes over SMTP.
@Suite("Mail messages: MIME with Chinese subjects, names and attachments")
struct MailMessageTests {
    static let sent = Date(timeIntervalSince1970: 1_796_601_600 - 8 * 3600 + 9 * 3600 + 25 * 60 + 51)

    static func message(subject: String = "即将到期：示财申〔2026〕3号", attachments: [MailMessage.Attachment] = []) -> MailMessage {
        MailMessage(
            fromAddress: "zwgk@shifan.gov.cn", fromName: "示范县财政局", to: "li@example.cn", subject: subject, text: "李四：\n请于 12月9日 前答复。",
            attachments: attachments, messageID: "delivery-7.1796486400@shifan.gov.cn", date: sent)
    }

    static func text(_ message: MailMessage) -> String { String(decoding: message.rendered(), as: UTF8.self) }

    @Test("headers: encoded words for Chinese, the Beijing date, a stable Message-ID; the text in base64; CRLF throughout")
    func plainMessage() throws {
        let text = Self.text(Self.message())
        #expect(text.contains("From: =?UTF-8?B?\(Data("示范县财政局".utf8).base64EncodedString())?= <zwgk@shifan.gov.cn>\r\n"))
        #expect(text.contains("To: <li@example.cn>\r\n"))
        #expect(text.contains("Date: Mon, 07 Dec 2026 09:25:51 +0800\r\n"))
        #expect(text.contains("Message-ID: <delivery-7.1796486400@shifan.gov.cn>\r\n"))
        #expect(text.contains("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let body = try #require(text.components(separatedBy: "\r\n\r\n").last)
        let decoded = String(decoding: try #require(Data(base64Encoded: body.replacingOccurrences(of: "\r\n", with: ""))), as: UTF8.self)
        #expect(decoded == "李四：\r\n请于 12月9日 前答复。")
        #expect(text.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 998 })
        #expect(Self.message() == Self.message())
    }

    @Test("a long subject becomes several encoded words of at most 75 characters, folded; each decodes to part of the subject")
    func longSubject() throws {
        let subject = String(repeating: "政府信息公开申请答复告知书", count: 6)
        let text = Self.text(Self.message(subject: subject))
        let header = try #require(text.components(separatedBy: "\r\nDate:").first?.components(separatedBy: "Subject: ").last)
        let words = header.components(separatedBy: "\r\n ")
        #expect(words.count > 1)
        #expect(words.allSatisfy { $0.count <= 75 && $0.hasPrefix("=?UTF-8?B?") && $0.hasSuffix("?=") })
        let decoded = words.map { String(decoding: Data(base64Encoded: String($0.dropFirst(10).dropLast(2)))!, as: UTF8.self) }.joined()
        #expect(decoded == subject)
    }

    @Test("a line break in a subject or header cannot add a header (injection)")
    func injection() {
        let text = Self.text(Self.message(subject: "Hello\r\nBcc: victim@example.cn"))
        #expect(!text.contains("\r\nBcc:"))
        #expect(text.contains("Subject: HelloBcc: victim@example.cn\r\n"))
    }

    @Test("attachments: multipart/mixed, the Chinese file name in RFC 2231 and encoded-word form, the bytes in base64 lines of 76")
    func attachments() throws {
        let bytes = Data((0..<3000).map { UInt8($0 % 256) })
        let text = Self.text(Self.message(attachments: [.init(fileName: "答复告知书.docx", contentType: "application/octet-stream", data: bytes)]))
        #expect(text.contains("Content-Type: multipart/mixed; boundary=\"=_disclosure_delivery71796486400shifangovcn\""))
        #expect(text.contains("filename*=UTF-8''%E7%AD%94%E5%A4%8D%E5%91%8A%E7%9F%A5%E4%B9%A6.docx"))
        let part = try #require(
            text.components(separatedBy: "Content-Transfer-Encoding: base64\r\n\r\n").last?.components(separatedBy: "\r\n--").first)
        let lines = part.components(separatedBy: "\r\n")
        #expect(lines.dropLast().allSatisfy { $0.count == 76 })
        #expect(Data(base64Encoded: lines.joined()) == bytes)
        #expect(text.hasSuffix("--=_disclosure_delivery71796486400shifangovcn--\r\n"))
    }
}
