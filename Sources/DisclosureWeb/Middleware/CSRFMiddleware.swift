import Hummingbird

/// Rejects any form post on a page route whose `_csrf` field does not match the expected token:
/// the one bound to the staff session when signed in, else the CSRF cookie (double-submit).
/// Runs before every handler, so no form can forget the check.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post || request.method == .put || request.method == .patch || request.method == .delete else {
            return try await next(request, context)
        }
        var request = request
        let sent: String?
        if let boundary = MultipartForm.boundary(request.headers[.contentType]) {
            // File uploads: the token is a field of the multipart body like any other.
            let buffer = try await request.readBody(upTo: MultipartForm.limit)
            request.body = .init(buffer: buffer)
            sent = MultipartForm(body: Array(buffer.readableBytesView), boundary: boundary).fields["_csrf"]
        } else {
            // The largest form anywhere (a whole document's text); each handler applies its own limit.
            let buffer = try await request.readBody(upTo: RequestBodyLimit.documentText)
            request.body = .init(buffer: buffer)
            sent = FormData(urlEncoded: String(buffer: buffer))["_csrf"]
        }
        // A signed-in account's token comes from its session; an anonymous form's from a cookie
        // that must already have been set by the page the form was on.
        guard context.staff != nil || !context.csrfCookieIsNew, let sent, Self.constantTimeEqual(sent, context.csrfToken) else {
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
