import DisclosureStore
import Foundation
import Hummingbird
import NIOConcurrencyHelpers

/// Rendered public pages kept in memory: render once, serve from memory, drop everything when
/// the database's change marker moves (checked at most every `checkInterval`, so a publication
/// shows within that time on every instance; DESIGN §8). Bounded by a page count and a byte budget
/// (search pages are ~30 KB each and a query log has thousands of them): when either is reached the
/// cache starts over, which costs a re-render per page and keeps the server's memory predictable.
final class PageCache: Sendable {
    struct State {
        var pages: [String: ByteBuffer] = [:]
        var bytes = 0
        var marker: Int64 = -1
        var checkedAt: UInt64 = 0
    }

    private let state = NIOLockedValueBox(State())
    private let portal: PortalQueries
    private let checkInterval: UInt64
    private let capacity: Int
    private let byteBudget: Int

    init(portal: PortalQueries, checkIntervalMilliseconds: UInt64 = 500, capacity: Int = 20_000, byteBudget: Int = 128 << 20) {
        self.portal = portal
        self.checkInterval = checkIntervalMilliseconds * 1_000_000
        self.capacity = capacity
        self.byteBudget = byteBudget
    }

    /// The cached page for `key`, or renders it with `render` (nil bodies are not cached).
    func page(_ key: String, render: () async throws -> ByteBuffer?) async throws -> ByteBuffer? {
        try await refreshIfDue()
        if let hit = state.withLockedValue({ $0.pages[key] }) { return hit }
        guard let body = try await render() else { return nil }
        state.withLockedValue { state in
            if state.pages.count >= capacity || state.bytes + body.readableBytes > byteBudget {
                state.pages.removeAll(keepingCapacity: true)
                state.bytes = 0
            }
            // Two requests may render the same page at once; the second replaces the first.
            state.bytes += body.readableBytes - (state.pages.updateValue(body, forKey: key)?.readableBytes ?? 0)
        }
        return body
    }

    /// The page for `key` only when it is cached and the change marker was checked within the
    /// interval; the event-loop fast path uses this and leaves every other case to the router.
    func freshPage(_ key: String) -> ByteBuffer? {
        let now = DispatchTime.now().uptimeNanoseconds
        return state.withLockedValue { state in
            guard now &- state.checkedAt < checkInterval else { return nil }
            return state.pages[key]
        }
    }

    private func refreshIfDue() async throws {
        let now = DispatchTime.now().uptimeNanoseconds
        let due = state.withLockedValue { state -> Bool in
            guard now &- state.checkedAt >= checkInterval else { return false }
            state.checkedAt = now
            return true
        }
        guard due else { return }
        let marker = try await portal.changeMarker()
        state.withLockedValue { state in
            if state.marker != marker {
                state.pages.removeAll(keepingCapacity: true)
                state.bytes = 0
                state.marker = marker
            }
        }
    }
}

/// An HTML response from a cached body.
func htmlResponse(_ body: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
    Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "public, max-age=0"], body: .init(byteBuffer: body))
}
