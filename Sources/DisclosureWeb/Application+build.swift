import DisclosureCore
import DisclosureStore
import Foundation
import Hummingbird
import Logging

/// Builds the whole web application on an open, migrated database. Production and tests both
/// come through here (DESIGN §2: one composition root).
public func buildApplication(
    config: AppConfig, database: Database, clock: any WallClock = SystemWallClock(), logger: Logger = Logger(label: "disclosure")
) async throws -> some ApplicationProtocol {
    let services = try await AppServices(config: config, database: database, clock: clock)
    let router = buildRouter(services: services)
    let cache = services.pageCache
    let clock = services.clock
    let lookup: @Sendable (String) -> ByteBuffer? = { target in
        CachedPageKeys.key(for: target, today: CivilDate(instant: clock.now())).flatMap { cache.freshPage($0) }
    }
    return Application(
        router: router, server: .http1(configuration: .init(additionalChannelHandlers: [CachedPageHandler(lookup: lookup)])),
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: "disclosure"), logger: logger)
}

/// Wires middleware and every controller. Middleware order, outermost first: metrics, security
/// headers, client address, session and CSRF cookie, error pages, CSRF check, rate limit.
public func buildRouter(services: AppServices) -> Router<AppRequestContext> {
    _ = AppMetrics.registry
    let router = Router(context: AppRequestContext.self)
    let renderer = PageRenderer(services: services)
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: ClientAddressMiddleware(trustedProxies: services.config.trustedProxies))
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: SessionMiddleware(authentication: services.authentication, secureCookies: services.config.secureCookies))
    router.add(middleware: ErrorPageMiddleware(renderer: renderer))
    router.add(middleware: CSRFMiddleware())
    router.add(
        middleware: RateLimitMiddleware(
            publicLimiter: SlidingWindowLimiter(limit: services.config.publicPostsPerMinute),
            staffLimiter: SlidingWindowLimiter(limit: services.config.staffPostsPerMinute)))
    router.add(
        middleware: FileMiddleware(Bundle.module.resourcePath.map { $0 + "/static" } ?? "static", urlBasePath: "/static", searchForIndexHtml: false))

    HealthController(health: services.health).addRoutes(to: router)
    PortalController(services: services, renderer: renderer).addRoutes(to: router)
    PublicDocumentController(services: services, renderer: renderer).addRoutes(to: router)
    SearchController(services: services, renderer: renderer).addRoutes(to: router)
    StaffLoginController(services: services, renderer: renderer).addRoutes(to: router)
    StaffDashboardController(services: services, renderer: renderer).addRoutes(to: router)
    StaffAccountController(services: services, renderer: renderer).addRoutes(to: router)
    StaffUnitsController(services: services, renderer: renderer).addRoutes(to: router)
    StaffUsersController(services: services, renderer: renderer).addRoutes(to: router)
    StaffCalendarController(services: services, renderer: renderer).addRoutes(to: router)
    StaffAuditController(services: services, renderer: renderer).addRoutes(to: router)
    StaffDocumentsController(services: services, renderer: renderer).addRoutes(to: router)
    StaffCatalogController(services: services, renderer: renderer).addRoutes(to: router)
    ApplyController(services: services, renderer: renderer).addRoutes(to: router)
    ComplainController(services: services, renderer: renderer).addRoutes(to: router)
    AskController(services: services, renderer: renderer).addRoutes(to: router)
    StaffRequestsController(services: services, renderer: renderer).addRoutes(to: router)
    StaffLettersController(services: services, renderer: renderer).addRoutes(to: router)
    StaffComplaintsController(services: services, renderer: renderer).addRoutes(to: router)
    StaffMessagesController(services: services, renderer: renderer).addRoutes(to: router)
    StaffRecordsController(services: services, renderer: renderer).addRoutes(to: router)
    StaffSupervisionController(services: services, renderer: renderer).addRoutes(to: router)
    PowersController(services: services, renderer: renderer).addRoutes(to: router)
    StaffPowersController(services: services, renderer: renderer).addRoutes(to: router)
    ReportsController(services: services, renderer: renderer).addRoutes(to: router)
    StaffReportsController(services: services, renderer: renderer).addRoutes(to: router)
    StaffAssessmentsController(services: services, renderer: renderer).addRoutes(to: router)
    AssessmentsController(services: services, renderer: renderer).addRoutes(to: router)

    let api = router.group("/api/v1").add(middleware: BearerMiddleware(authentication: services.authentication))
    api.get("openapi.json") { _, _ in OpenAPIDocument.response() }
    UnitsAPIController(services: services).addRoutes(to: api)
    CalendarAPIController(services: services).addRoutes(to: api)
    AuditAPIController(services: services).addRoutes(to: api)
    DocumentsAPIController(services: services).addRoutes(to: api)
    RequestsAPIController(services: services, limiter: SlidingWindowLimiter(limit: services.config.publicPostsPerMinute)).addRoutes(to: api)
    ComplaintsAPIController(services: services, limiter: SlidingWindowLimiter(limit: services.config.publicPostsPerMinute)).addRoutes(to: api)
    RecordsAPIController(services: services).addRoutes(to: api)
    MonitoringAPIController(services: services).addRoutes(to: api)
    PowersAPIController(services: services).addRoutes(to: api)
    ReportsAPIController(services: services).addRoutes(to: api)
    AssessmentsAPIController(services: services).addRoutes(to: api)
    return router
}
