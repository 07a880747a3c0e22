import DisclosureCore
import HTTPTypes
import Metrics
import NIOCore
import NIOHTTPTypes

/// Answers GET requests for public pages that are already rendered in the `PageCache` directly
/// on the event loop, before a request reaches the router and its Swift task: under load most of
/// a cached page's cost was the hand-off to the task and back (docs/benchmarks.md). Everything
/// else, and any request arriving while an earlier one on the connection is still being
/// answered, goes through untouched, so responses keep their order.
final class CachedPageHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// Maps a request target (path and query) to a cached body, or nil.
    let lookup: @Sendable (String) -> ByteBuffer?
    private var swallowing = false
    private var responsesInFlight = 0
    private static let served = Counter(label: "disclosure_cached_pages_total")
    /// Every header but the length, built once.
    private static let baseFields: HTTPFields = {
        var fields = HTTPFields(securityHeaderFields)
        fields[.contentType] = "text/html; charset=utf-8"
        fields[.cacheControl] = "public, max-age=0"
        return fields
    }()

    init(lookup: @escaping @Sendable (String) -> ByteBuffer?) {
        self.lookup = lookup
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            if responsesInFlight == 0, head.method == .get, let target = head.path, let body = lookup(target) {
                swallowing = true
                var fields = Self.baseFields
                fields.append(HTTPField(name: .contentLength, value: String(body.readableBytes)))
                context.write(wrapOutboundOut(.head(HTTPResponse(status: .ok, headerFields: fields))), promise: nil)
                context.write(wrapOutboundOut(.body(body)), promise: nil)
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
                Self.served.increment()
                return
            }
            swallowing = false
            responsesInFlight += 1
            context.fireChannelRead(data)
        case .body:
            if !swallowing { context.fireChannelRead(data) }
        case .end:
            if swallowing {
                swallowing = false
            } else {
                context.fireChannelRead(data)
            }
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { responsesInFlight = max(0, responsesInFlight - 1) }
        context.write(data, promise: promise)
    }
}

/// A page route that opts in to the fast path: given a raw request target, the `PageCache` key its
/// handler stores the page under, or nil when the target is not this route. Declared by the
/// controller that renders and caches the page, beside its route, so the two cannot drift.
struct CachedPageRoute: Sendable {
    let key: @Sendable (_ path: Substring, _ query: Substring?, _ today: CivilDate) -> String?

    /// The first declared route's key for a raw target (`/search?q=…`).
    static func key(for target: String, among routes: [CachedPageRoute], today: CivilDate) -> String? {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let query = parts.count > 1 ? parts[1] : nil
        for route in routes {
            if let key = route.key(parts[0], query, today) { return key }
        }
        return nil
    }
}
