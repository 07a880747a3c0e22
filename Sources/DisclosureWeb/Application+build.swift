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
        CachedPageRoute.key(for: target, among: cachedPageRoutes, today: CivilDate(instant: clock.now())).flatMap { cache.freshPage($0) }
    }
    return Application(
        router: router, server: .http1(configuration: .init(additionalChannelHandlers: [CachedPageHandler(lookup: lookup)])),
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: "disclosure"),
        services: [SearchCatchUpService(search: services.portalSearch, logger: logger)], logger: logger)
}

/// The page routes the connection handler may answer from the page cache, declared by the
/// controllers that render them.
let cachedPageRoutes = [PublicDocumentController.cachedPage, SearchController.cachedPage]

/// Where the JSON API's group is mounted; unmatched paths under it answer in problem+json.
let apiPath = "/api/v1"

/// Wires the route groups and every controller. Each group has its own middleware stack
/// (outermost first):
/// - every request: metrics, client address, security headers, the answer for unmatched routes,
///   static files;
/// - `pages` (portal forms and the staff console): session and CSRF cookie, error pages, CSRF
///   check, form rate limits; `staff` inside it has a `StaffRequestContext`, so its handlers hold
///   the signed-in account by type;
/// - `publicPages` (documents, catalog, search, feed): error pages only — no cookies, so they are
///   cacheable and shared;
/// - `api`: problem+json errors, bearer tokens.
public func buildRouter(services: AppServices) -> Router<AppRequestContext> {
    _ = AppMetrics.registry
    let router = Router(context: AppRequestContext.self)
    let renderer = PageRenderer(config: services.config, templates: services.templates)
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: ClientAddressMiddleware(trustedProxies: services.config.trustedProxies))
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: UnmatchedRouteMiddleware(renderer: renderer, apiPath: apiPath))
    router.add(
        middleware: FileMiddleware(Bundle.module.resourcePath.map { $0 + "/static" } ?? "static", urlBasePath: "/static", searchForIndexHtml: false))

    let pages = router.group()
        .add(middleware: SessionMiddleware(authentication: services.authentication, secureCookies: services.config.secureCookies))
        .add(middleware: ErrorPageMiddleware<AppRequestContext>(renderer: renderer))
        .add(middleware: CSRFMiddleware())
        .add(
            middleware: RateLimitMiddleware(
                publicLimiter: SlidingWindowLimiter(limit: services.config.publicPostsPerMinute),
                staffLimiter: SlidingWindowLimiter(limit: services.config.staffPostsPerMinute)))
    let queueSources = WorkQueue.Sources(
        calendar: services.calendar, complaints: services.complaints, messages: services.messages, publishingQueries: services.publishingQueries,
        requests: services.requests, assessments: services.assessments, unitQueries: services.unitQueries)
    let staff = pages.group(context: StaffRequestContext.self).add(middleware: WorkQueueCountMiddleware(clock: services.clock, sources: queueSources))
    let publicPages = router.group().add(middleware: ErrorPageMiddleware<AppRequestContext>(renderer: renderer))
    let api = router.group(RouterPath(apiPath)).add(middleware: APIErrorMiddleware())
        .add(middleware: BearerMiddleware(authentication: services.authentication))

    HealthController(health: services.health).addRoutes(to: router)
    DisplayModeController().addRoutes(to: publicPages)
    PortalController(
        clock: services.clock, portalQueries: services.portalQueries, publishingQueries: services.publishingQueries,
        unitQueries: services.unitQueries,
        renderer: renderer
    )
    .addRoutes(to: pages)
    PublicDocumentController(
        clock: services.clock, config: services.config, files: services.files, pageCache: services.pageCache, publishing: services.publishing,
        publishingQueries: services.publishingQueries, unitQueries: services.unitQueries, renderer: renderer
    ).addRoutes(to: publicPages)
    SearchController(
        pageCache: services.pageCache, hitDocuments: services.hitDocuments, publishingQueries: services.publishingQueries,
        portalSearch: services.portalSearch,
        unitQueries: services.unitQueries, renderer: renderer
    ).addRoutes(to: publicPages)
    StaffLoginController(authentication: services.authentication, clock: services.clock, config: services.config, renderer: renderer).addRoutes(
        to: pages)
    StaffQueueController(clock: services.clock, sources: queueSources, renderer: renderer).addRoutes(to: staff)
    StaffDashboardController(
        accountQueries: services.accountQueries, auditQueries: services.auditQueries, calendar: services.calendar, clock: services.clock,
        complaints: services.complaints, messages: services.messages, monitoringQueries: services.monitoringQueries, requests: services.requests,
        timeliness: services.timeliness, unitQueries: services.unitQueries, queueSources: queueSources, renderer: renderer
    ).addRoutes(to: staff)
    StaffAccountController(accounts: services.accounts, contacts: services.contactQueries, renderer: renderer).addRoutes(to: staff)
    SubscriptionsController(
        subscriptions: services.subscriptions, unitQueries: services.unitQueries, linkBase: services.config.site.linkBase, renderer: renderer
    ).addRoutes(pages: pages, publicPages: publicPages)
    StaffNotificationsController(
        deliveries: services.deliveries, settings: services.notificationSettings, unitQueries: services.unitQueries, renderer: renderer
    ).addRoutes(to: staff)
    StaffUnitsController(
        accountQueries: services.accountQueries, auditQueries: services.auditQueries, unitQueries: services.unitQueries, units: services.units,
        renderer: renderer
    ).addRoutes(
        to: staff)
    StaffUsersController(
        accountQueries: services.accountQueries, accounts: services.accounts, auditQueries: services.auditQueries, clock: services.clock,
        unitQueries: services.unitQueries, renderer: renderer
    ).addRoutes(to: staff)
    StaffCalendarController(calendar: services.calendar, calendarQueries: services.calendarQueries, clock: services.clock, renderer: renderer)
        .addRoutes(to: staff)
    StaffAuditController(
        accountQueries: services.accountQueries, auditQueries: services.auditQueries, unitQueries: services.unitQueries, renderer: renderer
    ).addRoutes(to: staff)
    StaffDocumentsController(
        accountQueries: services.accountQueries, auditQueries: services.auditQueries, calendar: services.calendar, clock: services.clock,
        files: services.files,
        publishing: services.publishing, publishingQueries: services.publishingQueries, unitQueries: services.unitQueries, renderer: renderer
    ).addRoutes(to: staff)
    StaffCatalogController(catalog: services.catalog, unitQueries: services.unitQueries, renderer: renderer).addRoutes(to: staff)
    ApplyController(
        calendar: services.calendar, complaints: services.complaints, files: services.files, publishedMatches: services.publishedMatches,
        requests: services.requests,
        unitQueries: services.unitQueries, renderer: renderer
    ).addRoutes(to: pages)
    ComplainController(
        calendar: services.calendar, complaintQueries: services.complaintQueries, complaints: services.complaints, config: services.config,
        unitQueries: services.unitQueries, renderer: renderer
    ).addRoutes(to: pages)
    AskController(config: services.config, files: services.files, messages: services.messages, unitQueries: services.unitQueries, renderer: renderer)
        .addRoutes(to: pages)
    StaffRequestsController(
        accountQueries: services.accountQueries, calendar: services.calendar, clock: services.clock, deliveries: services.deliveries,
        files: services.files, publishedMatches: services.publishedMatches, requests: services.requests, siteBase: services.config.site.linkBase,
        unitQueries: services.unitQueries, renderer: renderer
    ).addRoutes(to: staff)
    StaffLettersController(
        requestQueries: services.requestQueries, requests: services.requests, unitQueries: services.unitQueries, renderer: renderer
    ).addRoutes(to: staff)
    StaffComplaintsController(
        accountQueries: services.accountQueries, calendar: services.calendar, clock: services.clock, complaints: services.complaints,
        unitQueries: services.unitQueries, renderer: renderer
    ).addRoutes(to: staff)
    StaffMessagesController(
        calendar: services.calendar, clock: services.clock, files: services.files, messages: services.messages, unitQueries: services.unitQueries,
        renderer: renderer
    ).addRoutes(to: staff)
    StaffRecordsController(
        clock: services.clock, files: services.files, records: services.records, unitQueries: services.unitQueries, renderer: renderer
    ).addRoutes(to: staff)
    StaffSupervisionController(
        clock: services.clock, complaints: services.complaints, requests: services.requests, monitor: services.monitor,
        monitoringQueries: services.monitoringQueries,
        unitQueries: services.unitQueries, renderer: renderer
    ).addRoutes(to: staff)
    PowersController(
        files: services.files, portalSearch: services.portalSearch, powers: services.powers, unitQueries: services.unitQueries, renderer: renderer
    ).addRoutes(to: pages)
    StaffPowersController(
        clock: services.clock, files: services.files, powers: services.powers, unitQueries: services.unitQueries, renderer: renderer
    ).addRoutes(to: staff)
    ReportsController(
        clock: services.clock, reports: services.reports, templates: services.templates, unitQueries: services.unitQueries, renderer: renderer
    ).addRoutes(to: pages)
    StaffReportsController(
        clock: services.clock, reports: services.reports, templates: services.templates, unitQueries: services.unitQueries, renderer: renderer
    ).addRoutes(to: staff)
    StaffAssessmentsController(
        assessments: services.assessments, clock: services.clock, files: services.files, unitQueries: services.unitQueries, renderer: renderer
    ).addRoutes(to: staff)
    StaffAssessmentUnitController(
        assessmentQueries: services.assessmentQueries, assessments: services.assessments, clock: services.clock, files: services.files,
        unitQueries: services.unitQueries, renderer: renderer
    ).addRoutes(to: staff)
    AssessmentsController(assessments: services.assessments, renderer: renderer).addRoutes(to: pages)

    api.get("openapi.json") { _, _ in OpenAPIDocument.response() }
    UnitsAPIController(accountQueries: services.accountQueries, accounts: services.accounts, unitQueries: services.unitQueries, units: services.units)
        .addRoutes(to: api)
    CalendarAPIController(calendar: services.calendar).addRoutes(to: api)
    AuditAPIController(auditQueries: services.auditQueries).addRoutes(to: api)
    DocumentsAPIController(
        catalog: services.catalog, clock: services.clock, files: services.files, publishing: services.publishing,
        portalSearch: services.portalSearch, hitDocuments: services.hitDocuments, publishingQueries: services.publishingQueries,
        unitQueries: services.unitQueries
    ).addRoutes(to: api)
    DeliveriesAPIController(deliveries: services.deliveries).addRoutes(to: api)
    RequestsAPIController(
        calendar: services.calendar, files: services.files, requestQueries: services.requestQueries, requests: services.requests,
        unitQueries: services.unitQueries,
        limiter: SlidingWindowLimiter(limit: services.config.publicPostsPerMinute)
    ).addRoutes(to: api)
    ComplaintsAPIController(
        calendar: services.calendar, clock: services.clock, complaints: services.complaints, messages: services.messages,
        limiter: SlidingWindowLimiter(limit: services.config.publicPostsPerMinute)
    ).addRoutes(to: api)
    RecordsAPIController(clock: services.clock, records: services.records).addRoutes(to: api)
    MonitoringAPIController(
        clock: services.clock, monitor: services.monitor, monitoringQueries: services.monitoringQueries, unitQueries: services.unitQueries
    ).addRoutes(to: api)
    PowersAPIController(clock: services.clock, powers: services.powers, unitQueries: services.unitQueries).addRoutes(to: api)
    ReportsAPIController(clock: services.clock, reports: services.reports, templates: services.templates).addRoutes(to: api)
    AssessmentsAPIController(assessments: services.assessments, clock: services.clock).addRoutes(to: api)
    return router
}
