/// One SMTP reply (RFC 5321 §4.2): a three-digit code and its text, possibly over several lines
/// («250-…» continues, «250 …» ends).
struct SMTPReply: Equatable, Sendable {
    let code: Int
    let lines: [String]

    var text: String { lines.joined(separator: " ") }

    var isPositive: Bool { (200..<400).contains(code) }
    var isTransientFailure: Bool { (400..<500).contains(code) }

    /// Reads reply lines one at a time; returns a reply once its last line arrives.
    struct Parser {
        private var code: Int?
        private var lines: [String] = []

        /// nil while the reply continues; throws on a line that is not SMTP.
        mutating func consume(_ line: String) throws(DeliveryFailure) -> SMTPReply? {
            let scalars = Array(line.unicodeScalars)
            guard scalars.count >= 3, let value = Int(String(String.UnicodeScalarView(scalars[0..<3]))), (200...599).contains(value) else {
                throw .transient("邮件服务器的应答无法识别：\(line.prefix(80))")
            }
            if let code, code != value { throw .transient("邮件服务器的应答前后不一致：\(line.prefix(80))") }
            code = value
            let separator = scalars.count > 3 ? scalars[3] : " "
            lines.append(scalars.count > 4 ? String(String.UnicodeScalarView(scalars[4...])) : "")
            guard separator != "-" else { return nil }
            let reply = SMTPReply(code: value, lines: lines)
            self = Parser()
            return reply
        }
    }

    /// The EHLO reply's extension keywords, upper-cased, with their parameters.
    var extensions: [String: [String]] {
        var found: [String: [String]] = [:]
        for line in lines.dropFirst() {
            let words = line.split(separator: " ").map(String.init)
            if let keyword = words.first { found[keyword.uppercased()] = words.dropFirst().map { $0.uppercased() } }
        }
        return found
    }
}
