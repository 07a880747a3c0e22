import DisclosureCore
import DisclosureStore
import Hummingbird
import Logging

/// How any error reads to a user: status, Chinese detail, the field at fault and, when the
/// database was only busy, when to retry. Pages and the API present the same description in
/// their own form; internals never show.
struct ErrorDescription {
    var status: HTTPResponse.Status
    var detail: String
    var field: String?
    var retryAfter: Int?

    init(_ error: any Error) {
        switch error {
        case let busy as DatabaseBusy:
            // Nothing was written; the client may simply try again (issue 17: never a 500).
            status = .serviceUnavailable
            detail = busy.description
            retryAfter = busy.retryAfter
        case let notReady as SearchNotReady:
            // The index is being read or rebuilt at start; searching again shortly will work.
            status = .serviceUnavailable
            detail = notReady.description
            retryAfter = 5
        case is IndexFolderError:
            // Misconfiguration (two instances on one folder) or a full disk: the rest of the site
            // keeps working, and the log (not the page) names the folder.
            status = .serviceUnavailable
            detail = "站内检索暂不可用，请稍后再试。"
        case let domain as DomainError:
            status = domain.kind.httpStatus
            detail = domain.message
            field = domain.field
        case is CSRFRejected:
            status = .forbidden
            detail = "表单已过期或来源无效，请返回上一页刷新后重新提交。"
        case let tooLarge as PayloadTooLarge:
            status = .contentTooLarge
            detail = tooLarge.message
        case let undecodable as UndecodableField:
            status = .badRequest
            detail = undecodable.message
            field = undecodable.field
        case let http as any HTTPResponseError:
            status = http.status
            detail = StatusText.detail(http.status)
        default:
            status = .internalServerError
            detail = StatusText.detail(status)
        }
    }

    /// 5xx other than a busy database are logged with the request id.
    func log(_ error: any Error, path: String, logger: Logger) {
        if status.code >= 500 && retryAfter == nil {
            logger.critical("request failed", metadata: ["path": "\(path)", "error": "\(String(reflecting: error))"])
        }
    }

    var headers: HTTPFields {
        var headers: HTTPFields = [:]
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        return headers
    }
}
