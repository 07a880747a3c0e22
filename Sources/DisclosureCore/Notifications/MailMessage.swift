import Foundation

/// One e-mail as it goes over SMTP (RFC 5322 with MIME): Chinese subjects and names as UTF-8
/// encoded words, the text and any attachment in base64 so no line is too long or 8-bit, and a
/// Message-ID that stays the same if the message has to be sent again, so a receiving server can
/// recognise the repeat.
public struct MailMessage: Equatable, Sendable {
    public struct Attachment: Equatable, Sendable {
        public let fileName: String
        public let contentType: String
        public let data: Data

        public init(fileName: String, contentType: String, data: Data) {
            self.fileName = fileName
            self.contentType = contentType
            self.data = data
        }
    }

    public var fromAddress: String
    public var fromName: String
    public var to: String
    public var subject: String
    public var text: String
    public var attachments: [Attachment]
    /// Without the angle brackets, e.g. `delivery-12@shifan.gov.cn`.
    public var messageID: String
    public var date: Date
    /// e.g. `List-Unsubscribe` for subscription digests.
    public var extraHeaders: [(name: String, value: String)]

    public init(
        fromAddress: String, fromName: String, to: String, subject: String, text: String, attachments: [Attachment] = [], messageID: String,
        date: Date, extraHeaders: [(name: String, value: String)] = []
    ) {
        self.fromAddress = fromAddress
        self.fromName = fromName
        self.to = to
        self.subject = subject
        self.text = text
        self.attachments = attachments
        self.messageID = messageID
        self.date = date
        self.extraHeaders = extraHeaders
    }

    public static func == (lhs: MailMessage, rhs: MailMessage) -> Bool {
        lhs.rendered() == rhs.rendered()
    }

    /// The message with CRLF line ends, ready for SMTP's DATA (before dot-stuffing).
    public func rendered() -> Data {
        var lines: [String] = []
        let from = fromName.isEmpty ? "<\(fromAddress)>" : "\(Self.encodedWords(fromName)) <\(fromAddress)>"
        lines.append("From: \(from)")
        lines.append("To: <\(to)>")
        lines.append("Subject: \(Self.encodedWords(subject))")
        lines.append("Date: \(Self.dateHeader(date))")
        lines.append("Message-ID: <\(messageID)>")
        for header in extraHeaders { lines.append("\(header.name): \(Self.headerSafe(header.value))") }
        lines.append("MIME-Version: 1.0")
        let body = Self.base64Lines(Data(Self.crlf(text).utf8))
        if attachments.isEmpty {
            lines += ["Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: base64", ""] + body
        } else {
            let boundary = "=_disclosure_\(messageID.filter { $0.isLetter || $0.isNumber })"
            lines += ["Content-Type: multipart/mixed; boundary=\"\(boundary)\"", "", "This is a MIME message.", "--\(boundary)"]
            lines += ["Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: base64", ""] + body
            for attachment in attachments {
                lines.append("--\(boundary)")
                lines.append("Content-Type: \(Self.headerSafe(attachment.contentType)); name=\"\(Self.encodedWords(attachment.fileName))\"")
                lines.append("Content-Disposition: attachment; filename*=UTF-8''\(Self.percentEncoded(attachment.fileName))")
                lines.append("Content-Transfer-Encoding: base64")
                lines.append("")
                lines += Self.base64Lines(attachment.data)
            }
            lines.append("--\(boundary)--")
        }
        return Data((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    /// RFC 2047 encoded words, each at most 75 characters, folded onto continuation lines; plain
    /// ASCII text without specials is left as it is.
    static func encodedWords(_ text: String) -> String {
        let clean = headerSafe(text)
        if clean.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 }) && !clean.contains("=?") && clean.count <= 70 { return clean }
        var words: [String] = []
        var chunk = ""
        for character in clean {
            // 45 bytes of UTF-8 are 60 characters of base64: with «=?UTF-8?B?» and «?=» a word stays under 75.
            if chunk.utf8.count + String(character).utf8.count > 45 {
                words.append(chunk)
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?\(Data($0.utf8).base64EncodedString())?=" }.joined(separator: "\r\n ")
    }

    /// A header value cannot carry a line break (header injection) or control characters.
    static func headerSafe(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
    }

    static func percentEncoded(_ name: String) -> String {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
        return headerSafe(name).utf8.map { allowed.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }.joined()
    }

    static func base64Lines(_ data: Data) -> [String] {
        let encoded = data.base64EncodedString()
        var lines: [String] = []
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let end = encoded.index(index, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(String(encoded[index..<end]))
            index = end
        }
        return lines
    }

    static func crlf(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
    }

    /// «Mon, 07 Dec 2026 09:25:51 +0800»: Beijing time, as Chinese mail clients show it.
    static func dateHeader(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + 8 * 3600
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let day = CivilDate(dayNumber: days)
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let weekday = weekdays[((days % 7) + 7) % 7]
        return String(
            format: "%@, %02d %@ %04d %02d:%02d:%02d +0800", weekday, day.day, months[day.month - 1], day.year, rest / 3600, rest / 60 % 60, rest % 60
        )
    }
}
