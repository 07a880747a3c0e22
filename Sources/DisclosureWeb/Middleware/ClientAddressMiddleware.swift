import HTTPTypes
import Hummingbird

/// Works out who the client is when the server sits behind a reverse proxy (issue 17).
///
/// Behind nginx every request comes from the proxy's socket, so keying rate limits on it gave all
/// citizens one shared allowance. `X-Forwarded-For` is believed only when the socket is a
/// configured proxy (anyone else could write the header to dodge the limits), and then only up
/// to the first hop that is not itself a trusted proxy: the right-most entries were appended by
/// our proxies, anything further left is whatever the client claimed.
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let trustedProxies: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard !trustedProxies.isEmpty, trustedProxies.contains(context.clientAddress) else { return try await next(request, context) }
        var context = context
        context.clientAddress = Self.client(
            forwardedFor: request.headers[values: .xForwardedFor], socket: context.clientAddress, trusted: trustedProxies)
        return try await next(request, context)
    }

    /// The nearest address in the chain that is not a trusted proxy; the left-most hop when every
    /// hop is trusted; the socket when the header is missing.
    static func client(forwardedFor headers: [String], socket: String, trusted: Set<String>) -> String {
        let hops = headers.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for hop in hops.reversed() where !trusted.contains(hop) {
            return String(hop.prefix(45))
        }
        return hops.first.map { String($0.prefix(45)) } ?? socket
    }
}

extension HTTPField.Name {
    static let xForwardedFor = HTTPField.Name("X-Forwarded-For")!
}
