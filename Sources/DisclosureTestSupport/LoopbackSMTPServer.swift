import Foundation

/// A real SMTP server on loopback for a test (issue 24): `scripts/smtp_sink.py` on aiosmtpd,
/// started here and stopped when the test ends (its stdin closes). It offers STARTTLS on one port
/// and TLS from the first byte on another, with a self-signed certificate for `localhost`, and
/// keeps every accepted message as a file. `scripts/test` installs aiosmtpd.
public final class LoopbackSMTPServer {
    public let plainPort: Int
    public let tlsPort: Int
    /// The server's certificate, to trust instead of the system's.
    public let certificateFile: String
    public let maildir: URL
    private let process: Process
    private let input: Pipe

    public static let username = "clerk-relay"
    public static let password = "s3cret-relay"

    public init() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        maildir = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-sink-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", root.appendingPathComponent("scripts/smtp_sink.py").path, maildir.path, "--user", "\(Self.username):\(Self.password)",
        ]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let line = String(decoding: output.fileHandleForReading.availableLine(), as: UTF8.self)
        let words = line.split(separator: " ").map(String.init)
        guard words.count == 4, words[0] == "ready", let plain = Int(words[1]), let tls = Int(words[2]) else {
            process.terminate()
            throw LoopbackSMTPError.notStarted("smtp_sink.py 未启动（需要 python3 -m pip install aiosmtpd）：\(line)")
        }
        self.plainPort = plain
        self.tlsPort = tls
        self.certificateFile = words[3]
        self.process = process
        self.input = input
    }

    deinit {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: maildir)
    }

    /// Every message the server accepted so far, in arrival order.
    public func received() throws -> [ReceivedMail] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: maildir.path)) ?? []
        return try names.filter { $0.hasSuffix(".eml") }.sorted().map { ReceivedMail(try Data(contentsOf: maildir.appendingPathComponent($0))) }
    }
}

public enum LoopbackSMTPError: Error {
    case notStarted(String)
}

extension FileHandle {
    /// Reads up to the first newline (or the end).
    fileprivate func availableLine() -> Data {
        var line = Data()
        while true {
            let byte = readData(ofLength: 1)
            if byte.isEmpty || byte == Data([10]) { return line }
            line.append(byte)
        }
    }
}

/// A message as the loopback server kept it, decoded enough for a test to read: the envelope,
/// the headers with encoded words undone, the text part and the attachments.
public struct ReceivedMail: Sendable {
    public let raw: String
    public let envelopeTo: String
    public let authenticated: Bool
    public let headers: [String: String]
    public let text: String
    public let attachments: [(name: String, data: Data)]

    public var subject: String { headers["subject"] ?? "" }
    public var from: String { headers["from"] ?? "" }

    init(_ data: Data) {
        raw = String(decoding: data, as: UTF8.self)
        let (headers, body) = Self.split(raw)
        self.headers = headers
        envelopeTo = headers["x-envelope-to"] ?? ""
        authenticated = headers["x-authenticated"] == "True"
        var text = ""
        var attachments: [(String, Data)] = []
        if let type = headers["content-type"], type.hasPrefix("multipart/"),
            let boundary = type.components(separatedBy: "boundary=\"").last?.split(separator: "\"").first
        {
            for part in body.components(separatedBy: "--\(boundary)").dropFirst() where !part.hasPrefix("--") {
                let (partHeaders, partBody) = Self.split(String(part.drop { $0 == "\r" || $0 == "\n" }))
                let decoded = Data(base64Encoded: partBody.filter { !$0.isWhitespace }) ?? Data()
                if let disposition = partHeaders["content-disposition"], let name = disposition.components(separatedBy: "filename*=UTF-8''").last {
                    attachments.append((name.removingPercentEncoding ?? name, decoded))
                } else {
                    text = String(decoding: decoded, as: UTF8.self)
                }
            }
        } else {
            text = String(decoding: Data(base64Encoded: body.filter { !$0.isWhitespace }) ?? Data(), as: UTF8.self)
        }
        self.text = text.replacingOccurrences(of: "\r\n", with: "\n")
        self.attachments = attachments
    }

    static func split(_ message: String) -> ([String: String], String) {
        let normalised = message.replacingOccurrences(of: "\r\n", with: "\n")
        let parts = normalised.components(separatedBy: "\n\n")
        var headers: [String: String] = [:]
        var current: String?
        for line in (parts.first ?? "").split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(" ") || line.hasPrefix("\t"), let name = current {
                headers[name, default: ""] += decodeWords(line.trimmingCharacters(in: .whitespaces))
            } else if let colon = line.firstIndex(of: ":") {
                let name = line[..<colon].lowercased()
                headers[name] = decodeWords(line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
                current = name
            }
        }
        return (headers, parts.dropFirst().joined(separator: "\n\n"))
    }

    /// Undoes RFC 2047 B-encoded UTF-8 words.
    static func decodeWords(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let start = rest.range(of: "=?UTF-8?B?") {
            out += rest[..<start.lowerBound]
            let after = rest[start.upperBound...]
            guard let end = after.range(of: "?=") else { break }
            out += String(decoding: Data(base64Encoded: String(after[..<end.lowerBound])) ?? Data(), as: UTF8.self)
            rest = after[end.upperBound...].drop { $0 == " " }
        }
        return out + rest
    }
}
