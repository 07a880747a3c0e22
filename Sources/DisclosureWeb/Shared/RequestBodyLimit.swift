import DisclosureCore
import Hummingbird
import NIOCore

/// How large a request body may be, by what it carries. Bodies over the limit get 413 with the
/// limit named, never a 500 (issue 17).
enum RequestBodyLimit {
    /// A URL-encoded form or JSON body that may carry a whole document: 200,000 Chinese characters
    /// (`DocumentDraft.bodyLimit`) take 1.8 MB percent-encoded and 1.2 MB as JSON `\u` escapes.
    static let documentText = 4 << 20
    /// Any other form.
    static let form = 256 << 10
    /// Any other JSON body.
    static let json = 64 << 10

    /// "4 MB", "256 KB": how a limit is named in the error.
    static func describe(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MB" : "\(bytes >> 10) KB"
    }
}

/// A request body larger than its limit (HTTP 413); nothing was read past the limit.
struct PayloadTooLarge: Error, Sendable {
    let limit: Int

    var message: String { "提交的内容超过了 \(RequestBodyLimit.describe(limit)) 的上限，请缩减后重新提交。" }
}

extension Request {
    /// The whole body, or `PayloadTooLarge` naming `limit` when it is longer.
    func readBody(upTo limit: Int) async throws -> ByteBuffer {
        do {
            return try await body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw PayloadTooLarge(limit: limit)
        }
    }
}
