import Hummingbird

/// Rejects any form post outside the API whose `_csrf` field does not match the CSRF cookie
/// (double-submit). Runs before every handler, so no form can forget the check.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post || request.method == .put || request.method == .patch || request.method == .delete,
            !request.uri.path.hasPrefix("/api/")
        else { return try await next(request, context) }
        var request = request
        let buffer = try await request.body.collect(upTo: 1024 * 1024)
        request.body = .init(buffer: buffer)
        let form = FormData(urlEncoded: String(buffer: buffer))
        guard !context.csrfCookieIsNew, let sent = form["_csrf"], Self.constantTimeEqual(sent, context.csrfToken) else {
            throw CSRFRejected()
        }
        return try await next(request, context)
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// A form without a valid CSRF token: usually an expired page or a cross-site post.
struct CSRFRejected: Error {}
