import DisclosureCore
import DisclosureStore
import Hummingbird
import Logging

/// Turns every error on a page route into a friendly Chinese page, never showing internals; a
/// 401 (no session on a staff page) becomes the login page.
struct ErrorPageMiddleware<Context: RequestContext & PageContext>: RouterMiddleware {
    let renderer: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let description = ErrorDescription(error)
            description.log(error, path: request.uri.path, logger: context.logger)
            return Self.page(for: description, renderer: renderer, context: context)
        }
    }

    static func page(for description: ErrorDescription, renderer: PageRenderer, context: some PageContext) -> Response {
        if description.status == .unauthorized { return redirect(to: "/staff/login") }
        let page = ErrorPage(status: Int(description.status.code), heading: StatusText.title(description.status), detail: description.detail)
        var response = renderer.render("Portal/error", title: page.heading, page: page, context: context, status: description.status)
        response.headers.append(contentsOf: description.headers)
        return response
    }
}

/// Turns every error on an API route into problem+json in Chinese naming the field.
struct APIErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let description = ErrorDescription(error)
            description.log(error, path: request.uri.path, logger: context.logger)
            return Self.problem(for: description)
        }
    }

    static func problem(for description: ErrorDescription) -> Response {
        var headers = description.headers
        if description.status == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"disclosure\"" }
        return Problem(
            title: StatusText.title(description.status), status: Int(description.status.code), detail: description.detail, field: description.field
        ).response(headers: headers)
    }
}

/// Answers what no route group handled (an unknown path or method): under the API's group path a
/// problem, elsewhere the 404 page. The API's path is the one its group is registered with.
struct UnmatchedRouteMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let renderer: PageRenderer
    let apiPath: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let description = ErrorDescription(error)
            description.log(error, path: request.uri.path, logger: context.logger)
            if request.uri.path == apiPath || request.uri.path.hasPrefix(apiPath + "/") { return APIErrorMiddleware.problem(for: description) }
            return ErrorPageMiddleware<AppRequestContext>.page(for: description, renderer: renderer, context: context)
        }
    }
}

struct ErrorPage: Sendable {
    let status: Int
    let heading: String
    let detail: String
}
