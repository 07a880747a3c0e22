import DisclosureStore
import Logging
import ServiceLifecycle

/// Opens this instance's search index when the server starts (in the background: reading it, or
/// building it the first time, must not hold up the portal's other pages), then keeps it current:
/// twice a second it applies the change-log rows other instances (or the CLI) wrote, so a document
/// published anywhere is findable here within a second even before anyone searches (issue 20 §5).
struct SearchCatchUpService: Service {
    let search: PortalSearch
    let logger: Logger

    func run() async throws {
        search.start()
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    if search.isReady { try await search.catchUp(force: true) }
                } catch is CancellationError {
                    return
                } catch {
                    logger.warning("search catch-up failed", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: .milliseconds(500))
            }
        }
        // A shutdown during the first open waits for it: the database closes after the services.
        await search.finishOpening()
    }
}
