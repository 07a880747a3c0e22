import Foundation
import Hummingbird

/// A parsed `multipart/form-data` body (RFC 7578): text fields and uploaded files.
struct MultipartForm: Sendable {
    struct File: Sendable {
        let fileName: String
        let bytes: [UInt8]
    }

    var fields: [String: String] = [:]
    var files: [String: File] = [:]
    /// The first text field that was not valid UTF-8 (kept out of `fields`).
    var undecodable: String?

    static let limit = 21 << 20

    /// The boundary of a multipart content type, or nil when the request is not multipart.
    static func boundary(_ contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return value.isEmpty || value.count > 200 ? nil : value
            }
        }
        return nil
    }

    /// Parses `body`; malformed input gives an empty form rather than an error page with internals.
    init(body: [UInt8], boundary: String) {
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [ArraySlice<UInt8>] = []
        var position = 0
        var start: Int?
        while let found = Self.find(delimiter, in: body, from: position) {
            if let start { parts.append(body[start..<max(start, found - 2)]) }  // drop the CRLF before the delimiter
            position = found + delimiter.count
            if body.count >= position + 2 && body[position] == 0x2D && body[position + 1] == 0x2D { break }
            position += 2  // CRLF after the delimiter
            start = position
        }
        for part in parts {
            guard let split = Self.find(Array("\r\n\r\n".utf8), in: Array(part), from: 0) else { continue }
            let headerBytes = Array(part.prefix(split))
            let content = Array(part.dropFirst(split + 4))
            let headers = String(decoding: headerBytes, as: UTF8.self)
            guard let disposition = headers.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition:") }) else {
                continue
            }
            let name = Self.parameter("name", in: String(disposition))
            guard let name else { continue }
            if let fileName = Self.parameter("filename", in: String(disposition)) {
                files[name] = File(fileName: fileName, bytes: content)
            } else if let text = String(validating: content, as: UTF8.self) {
                fields[name] = text
            } else {
                undecodable = undecodable ?? name
            }
        }
    }

    static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == key {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == needle[0] && haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// Reads a multipart request body (up to `limit`).
    static func read(_ request: Request) async throws -> MultipartForm? {
        guard let boundary = boundary(request.headers[.contentType]) else { return nil }
        let buffer = try await request.readBody(upTo: limit)
        let form = MultipartForm(body: Array(buffer.readableBytesView), boundary: boundary)
        if let field = form.undecodable { throw UndecodableField(field: field) }
        return form
    }
}

extension MultipartForm {
    /// A form that may carry one optional file: multipart when the browser sent one, URL-encoded
    /// otherwise. An empty file input comes back as nil.
    static func fieldsAndFile(_ request: Request, field: String) async throws -> (FormData, File?) {
        if let multipart = try await read(request) {
            let file = multipart.files[field].flatMap { $0.fileName.isEmpty && $0.bytes.isEmpty ? nil : $0 }
            return (FormData(multipart.fields), file)
        }
        return (try await FormData.read(request), nil)
    }
}
