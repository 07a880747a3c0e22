import Foundation
import Hummingbird

/// A parsed `application/x-www-form-urlencoded` body. Repeated keys keep the last value.
struct FormData: Sendable {
    let values: [String: String]
    /// The first field whose value was not valid UTF-8 or had a broken `%` escape.
    let undecodable: String?

    init(_ values: [String: String], undecodable: String? = nil) {
        self.values = values
        self.undecodable = undecodable
    }

    /// Parses a URL-encoded body; `+` is a space and `%XX` escapes are decoded. A value whose
    /// escapes do not decode to UTF-8 is kept out of `values` and named in `undecodable`, so it
    /// is refused instead of being stored as `%FF` (issue 17).
    init(urlEncoded text: String) {
        var values: [String: String] = [:]
        var undecodable: String?
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = Self.decode(parts[0]) ?? String(parts[0])
            guard let value = parts.count > 1 ? Self.decode(parts[1]) : "" else {
                undecodable = undecodable ?? key
                continue
            }
            values[key] = value
        }
        self.init(values, undecodable: undecodable)
    }

    static func decode(_ part: Substring) -> String? {
        part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    subscript(_ key: String) -> String? { values[key] }

    /// The trimmed value, or "" when absent.
    func text(_ key: String) -> String {
        (values[key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Reads a form body of at most `limit` bytes; refuses one with a value that is not UTF-8.
    static func read(_ request: Request, limit: Int = RequestBodyLimit.form) async throws -> FormData {
        let buffer = try await request.readBody(upTo: limit)
        guard let text = String(validating: buffer.readableBytesView, as: UTF8.self) else { throw UndecodableField(field: "body") }
        let form = FormData(urlEncoded: text)
        if let field = form.undecodable { throw UndecodableField(field: field) }
        return form
    }
}

/// A form field whose bytes are not valid UTF-8 text (HTTP 400 naming the field).
struct UndecodableField: Error, Sendable {
    let field: String

    var message: String { "字段 \(field) 含有无效的字符编码（须为 UTF-8），请检查后重新提交。" }
}
