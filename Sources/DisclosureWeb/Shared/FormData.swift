import Foundation
import Hummingbird

/// A parsed `application/x-www-form-urlencoded` body. Repeated keys keep the last value.
struct FormData: Sendable {
    let values: [String: String]

    init(_ values: [String: String]) { self.values = values }

    /// Parses a URL-encoded body; `+` is a space and `%XX` escapes are decoded (bad escapes are kept as typed).
    init(urlEncoded text: String) {
        var values: [String: String] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            values[key] = value
        }
        self.values = values
    }

    static func decode(_ part: Substring) -> String {
        let spaced = part.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    subscript(_ key: String) -> String? { values[key] }

    /// The trimmed value, or "" when absent.
    func text(_ key: String) -> String {
        (values[key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Reads a form body of at most `limit` bytes.
    static func read(_ request: Request, limit: Int = 256 * 1024) async throws -> FormData {
        let buffer = try await request.body.collect(upTo: limit)
        return FormData(urlEncoded: String(buffer: buffer))
    }
}
