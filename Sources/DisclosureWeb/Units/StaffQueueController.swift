import DisclosureCore
import DisclosureStore
import Hummingbird

/// 我的待办: the signed-in account's work queue on its own page (issue 22 §1).
///
/// | method | path | who |
/// |---|---|---|
/// | GET | `/staff/queue` | signed in |
struct StaffQueueController {
    let clock: any WallClock
    let sources: WorkQueue.Sources
    let renderer: PageRenderer

    func addRoutes(to router: RouterGroup<StaffRequestContext>) {
        router.get("/staff/queue", use: show)
    }

    @Sendable func show(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let queue = try await WorkQueue(staff: context.staff, sources: sources, today: today)
        var context = context
        context.queueCount = queue.total
        return renderer.render("Units/queue", title: "我的待办", page: queue, context: context)
    }
}

extension StaffQueueController: ClockReading {}

/// Counts the account's queue for the navigation on every staff page it renders (GET only: a
/// post answers with a redirect or the page it was on). The dashboard and `/staff/queue` build
/// the whole queue anyway and count it themselves.
struct WorkQueueCountMiddleware: RouterMiddleware {
    typealias Context = StaffRequestContext
    let clock: any WallClock
    let sources: WorkQueue.Sources
    static let buildsQueue: Set<String> = ["/staff", "/staff/queue"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get, !Self.buildsQueue.contains(request.uri.path) else { return try await next(request, context) }
        var context = context
        context.queueCount = try? await WorkQueue(staff: context.staff, sources: sources, today: CivilDate(instant: clock.now())).total
        return try await next(request, context)
    }
}
