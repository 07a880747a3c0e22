import Foundation
import Hummingbird
import NIOConcurrencyHelpers

/// Limits form posts: anonymous ones per client address, signed-in staff per account with an
/// allowance of their own (a staff session used to bypass the limit, even on `/track`).
///
/// Counters live in memory: losing them on restart only resets the window, which DESIGN §8 allows;
/// each instance of a multi-instance deployment limits on its own.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let publicLimiter: SlidingWindowLimiter
    let staffLimiter: SlidingWindowLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post else {
            return try await next(request, context)
        }
        let allowed =
            if let staff = context.staff {
                staffLimiter.allow("staff:\(staff.username)", now: Date())
            } else {
                publicLimiter.allow(context.clientAddress, now: Date())
            }
        guard allowed else { throw HTTPError(.tooManyRequests) }
        return try await next(request, context)
    }
}

/// At most `limit` events per key in any 60-second window.
final class SlidingWindowLimiter: Sendable {
    private let limit: Int
    private let state = NIOLockedValueBox<[String: [Date]]>([:])

    init(limit: Int) { self.limit = limit }

    func allow(_ key: String, now: Date) -> Bool {
        state.withLockedValue { events in
            let windowStart = now.addingTimeInterval(-60)
            var recent = (events[key] ?? []).filter { $0 > windowStart }
            if events.count > 10_000 { events = events.filter { $0.value.last.map { $0 > windowStart } ?? false } }
            guard recent.count < limit else {
                events[key] = recent
                return false
            }
            recent.append(now)
            events[key] = recent
            return true
        }
    }
}

extension SlidingWindowLimiter {
    /// For the public JSON API, which the form middleware skips: a 429 problem in Chinese.
    func check(_ context: AppRequestContext) throws {
        guard allow(context.clientAddress, now: Date()) else {
            throw HTTPError(.tooManyRequests, message: "提交过于频繁，请一分钟后再试")
        }
    }
}
