import DisclosureCore
import Foundation
import Hummingbird

/// An RFC 9457 `application/problem+json` body with a Chinese `detail`.
struct Problem: Codable, Sendable {
    var type = "about:blank"
    var title: String
    var status: Int
    var detail: String
    var field: String?

    func response(headers extra: HTTPFields = [:]) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        var headers: HTTPFields = [.contentType: "application/problem+json; charset=utf-8"]
        headers.append(contentsOf: extra)
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

extension DomainError.Kind {
    var httpStatus: HTTPResponse.Status {
        switch self {
        case .invalid: .badRequest
        case .conflict: .conflict
        case .notFound: .notFound
        case .forbidden: .forbidden
        }
    }
}

/// Chinese wording for the statuses the app returns.
enum StatusText {
    static func title(_ status: HTTPResponse.Status) -> String {
        switch status.code {
        case 400: "请求有误"
        case 401: "需要登录"
        case 403: "无权访问"
        case 404: "页面不存在"
        case 405: "不支持的请求方法"
        case 409: "与现有数据冲突"
        case 413: "提交内容过大"
        case 429: "操作过于频繁"
        case 500..<600: "系统暂时无法处理"
        default: "请求未能完成"
        }
    }

    static func detail(_ status: HTTPResponse.Status) -> String {
        switch status.code {
        case 401: "请先登录。"
        case 403: "您的账号没有执行此操作的权限。"
        case 404: "您访问的页面不存在或已被移除。"
        case 405: "该地址不支持此请求方法。"
        case 413: "提交的内容超过了允许的大小。"
        case 429: "提交过于频繁，请稍后再试。"
        case 500..<600: "系统暂时无法处理您的请求，请稍后再试。如问题持续，请联系政务公开办。"
        default: "请求未能完成。"
        }
    }
}
