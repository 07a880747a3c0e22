import HTTPTypes
import Hummingbird

/// Headers that make every response safer by default: no inline scripts, no framing, no sniffing.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        for field in Self.fields { response.headers[field.name] = field.value }
        return response
    }
}

extension SecurityHeadersMiddleware {
    /// Shared with `CachedPageHandler`, which answers cached pages before the router runs.
    static var fields: [HTTPField] { securityHeaderFields }
}

let securityHeaderFields: [HTTPField] = [
    HTTPField(
        name: .contentSecurityPolicy,
        value:
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    HTTPField(name: .xContentTypeOptions, value: "nosniff"), HTTPField(name: .xFrameOptions, value: "DENY"),
    HTTPField(name: .referrerPolicy, value: "strict-origin-when-cross-origin"),
    HTTPField(name: .permissionsPolicy, value: "camera=(), microphone=(), geolocation=()"),
]

extension HTTPField.Name {
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let permissionsPolicy = HTTPField.Name("Permissions-Policy")!
}
