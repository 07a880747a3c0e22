import DisclosureStore
import Hummingbird

/// Authenticates API calls with `Authorization: Bearer <token>`. No header means anonymous
/// (public endpoints still work); a bad or revoked token is a 401 rather than silently anonymous.
///
/// Every API answer is marked `Cache-Control: no-store` unless its handler chose otherwise: most
/// carry personal data or a staff member's view (issue 17), and none gains from a shared cache.
struct BearerMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let authentication: Authentication

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await authenticated(request, context: context, next: next)
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }

    private func authenticated(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization] else { return try await next(request, context) }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer", parts[1].count <= 128,
            let account = try await authentication.account(forToken: String(parts[1]))
        else { throw HTTPError(.unauthorized) }
        var context = context
        context.staff = account
        return try await next(request, context)
    }
}
