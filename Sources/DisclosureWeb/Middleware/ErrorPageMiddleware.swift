import DisclosureCore
import DisclosureStore
import Hummingbird
import Logging

/// Turns every error into a friendly Chinese page (or problem+json under `/api/`), never showing
/// internals; 5xx are logged with the request id.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let renderer: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return respond(to: error, request: request, context: context)
        }
    }

    func respond(to error: any Error, request: Request, context: Context) -> Response {
        let isAPI = request.uri.path.hasPrefix("/api/")
        var status: HTTPResponse.Status
        var detail: String
        var field: String? = nil
        var retryAfter: Int? = nil
        switch error {
        case let busy as DatabaseBusy:
            // Nothing was written; the client may simply try again (issue 17: never a 500).
            status = .serviceUnavailable
            detail = busy.description
            retryAfter = busy.retryAfter
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
        if status.code >= 500 && retryAfter == nil {
            context.logger.critical("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(String(reflecting: error))"])
        }
        if status == .unauthorized && !isAPI {
            return redirect(to: "/staff/login")
        }
        var headers: HTTPFields = [:]
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        if isAPI {
            if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"disclosure\"" }
            return Problem(title: StatusText.title(status), status: Int(status.code), detail: detail, field: field).response(headers: headers)
        }
        let page = ErrorPage(status: Int(status.code), heading: StatusText.title(status), detail: detail)
        var response = renderer.render("Portal/error", title: page.heading, page: page, context: context, status: status)
        response.headers.append(contentsOf: headers)
        return response
    }
}

struct ErrorPage: Sendable {
    let status: Int
    let heading: String
    let detail: String
}
