import DisclosureCore
import DisclosureStore
import Hummingbird
import Logging

/// Reads the staff session cookie and the CSRF cookie (creating it on first visit).
///
/// Only page routes carry it: the API group authenticates with bearer tokens only, so a browser's
/// cookies can never make it act (which is why the API needs no CSRF token), and the read-only
/// public pages are registered in a group without it, which keeps them cacheable and cheap.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let sessionCookie = "dsc_session"
    static let csrfCookie = "dsc_csrf"

    let authentication: Authentication
    let secureCookies: Bool

    /// A signed-in account's forms carry a token derived from its session (issue 17): it cannot
    /// be planted beforehand like a cookie, and it changes with every login because the session
    /// does. The session token is secret (HttpOnly) and only its plain hash is stored, so neither
    /// a page nor the database gives this one away.
    static func csrfToken(forSession token: String) -> String {
        SecretToken.storedForm("csrf|" + token)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let csrf = request.cookies[Self.csrfCookie]?.value, csrf.count == 43 {
            context.csrfToken = csrf
        } else {
            context.csrfToken = SecretToken.generate()
            context.csrfCookieIsNew = true
        }
        if let token = request.cookies[Self.sessionCookie]?.value, !token.isEmpty, token.count <= 64 {
            do {
                context.staff = try await authentication.account(forSession: token)
                context.sessionToken = context.staff == nil ? nil : token
                if context.staff != nil { context.csrfToken = Self.csrfToken(forSession: token) }
            } catch {
                // Treat an unreadable session as signed out; the page itself reports database trouble.
                context.logger.error("session lookup failed", metadata: ["error": "\(String(reflecting: error))"])
            }
        }
        var response = try await next(request, context)
        if request.cookies[Self.sessionCookie] != nil && context.staff == nil {
            // An expired or ended session: drop the cookie so the browser's forms go back to the anonymous token.
            response.setCookie(
                Cookie(name: Self.sessionCookie, value: "", maxAge: 0, path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax))
        }
        if context.csrfCookieIsNew {
            response.setCookie(
                Cookie(name: Self.csrfCookie, value: context.csrfToken, path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax))
        }
        return response
    }
}
