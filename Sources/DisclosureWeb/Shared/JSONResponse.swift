import DisclosureCore
import Foundation
import Hummingbird

/// Encodes a value as `application/json` with stable key order.
func jsonResponse<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(value)
    return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
}

/// Decodes a JSON request body of at most `limit` bytes, with a Chinese error naming the problem.
func decodeJSON<T: Decodable>(_ type: T.Type, from request: Request, limit: Int = RequestBodyLimit.json) async throws -> T {
    let buffer = try await request.readBody(upTo: limit)
    do {
        return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
    } catch DecodingError.keyNotFound(let key, _) {
        throw DomainError.invalid(key.stringValue, "缺少字段 \(key.stringValue)")
    } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
        let field = context.codingPath.map(\.stringValue).joined(separator: ".")
        throw DomainError.invalid(field, "字段 \(field) 的类型不正确")
    } catch {
        throw DomainError.invalid("body", "请求体不是有效的 JSON")
    }
}
