import DisclosureCore
import Hummingbird
import NIOCore

/// Per-request state: the staff account behind the session or bearer token, and the CSRF token.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in account, set by `SessionMiddleware` (cookie) or `BearerMiddleware` (API).
    public var staff: StaffAccount?
    /// Raw session token from the cookie, kept for logout.
    public var sessionToken: String?
    /// The double-submit CSRF token every form on the page must carry.
    public var csrfToken: String = ""
    /// Whether `csrfToken` is new and must be set as a cookie on the response.
    public var csrfCookieIsNew = false
    public let remoteAddress: SocketAddress?
    /// The client's address: the socket's, or the nearest untrusted hop of `X-Forwarded-For` when
    /// the socket is a trusted proxy. Set by `ClientAddressMiddleware`; rate limits key on it.
    public var clientAddress: String

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
        self.clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// The signed-in account or a 401 for the middleware to turn into a login redirect.
    public func requireStaff() throws -> StaffAccount {
        guard let staff else { throw HTTPError(.unauthorized) }
        return staff
    }
}
