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
    let renderer = PageRenderer(config: services.config, templates: services.templates)
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
    PortalController(clock: services.clock, publishingQueries: services.publishingQueries, unitQueries: services.unitQueries, renderer: renderer)
        .addRoutes(to: router)
    PublicDocumentController(
        clock: services.clock, config: services.config, files: services.files, pageCache: services.pageCache, publishing: services.publishing,
        publishingQueries: services.publishingQueries, unitQueries: services.unitQueries, renderer: renderer
    ).addRoutes(to: router)
    SearchController(
        pageCache: services.pageCache, publishingQueries: services.publishingQueries, unitQueries: services.unitQueries, renderer: renderer
    ).addRoutes(to: router)
    StaffLoginController(authentication: services.authentication, clock: services.clock, config: services.config, renderer: renderer).addRoutes(
        to: router)
    StaffDashboardController(
        accountQueries: services.accountQueries, auditQueries: services.auditQueries, calendar: services.calendar, clock: services.clock,
        complaints: services.complaints, messages: services.messages, monitoringQueries: services.monitoringQueries, requests: services.requests,
        timeliness: services.timeliness, unitQueries: services.unitQueries, renderer: renderer
    ).addRoutes(to: router)
    StaffAccountController(accounts: services.accounts, renderer: renderer).addRoutes(to: router)
    StaffUnitsController(auditQueries: services.auditQueries, unitQueries: services.unitQueries, units: services.units, renderer: renderer).addRoutes(
        to: router)
    StaffUsersController(
        accountQueries: services.accountQueries, accounts: services.accounts, auditQueries: services.auditQueries, clock: services.clock,
        unitQueries: services.unitQueries, renderer: renderer
    ).addRoutes(to: router)
    StaffCalendarController(calendar: services.calendar, calendarQueries: services.calendarQueries, clock: services.clock, renderer: renderer)
        .addRoutes(to: router)
    StaffAuditController(auditQueries: services.auditQueries, renderer: renderer).addRoutes(to: router)
    StaffDocumentsController(
        auditQueries: services.auditQueries, calendar: services.calendar, clock: services.clock, files: services.files,
        publishing: services.publishing, publishingQueries: services.publishingQueries, unitQueries: services.unitQueries, renderer: renderer
    ).addRoutes(to: router)
    StaffCatalogController(catalog: services.catalog, unitQueries: services.unitQueries, renderer: renderer).addRoutes(to: router)
    ApplyController(
        calendar: services.calendar, complaints: services.complaints, requests: services.requests, unitQueries: services.unitQueries,
        renderer: renderer
    ).addRoutes(to: router)
    ComplainController(
        calendar: services.calendar, complaintQueries: services.complaintQueries, complaints: services.complaints, config: services.config,
        unitQueries: services.unitQueries, renderer: renderer
    ).addRoutes(to: router)
    AskController(config: services.config, files: services.files, messages: services.messages, unitQueries: services.unitQueries, renderer: renderer)
        .addRoutes(to: router)
    StaffRequestsController(
        calendar: services.calendar, clock: services.clock, requests: services.requests, unitQueries: services.unitQueries, renderer: renderer
    ).addRoutes(to: router)
    StaffLettersController(
        requestQueries: services.requestQueries, requests: services.requests, unitQueries: services.unitQueries, renderer: renderer
    ).addRoutes(to: router)
    StaffComplaintsController(
        calendar: services.calendar, clock: services.clock, complaints: services.complaints, unitQueries: services.unitQueries, renderer: renderer
    ).addRoutes(to: router)
    StaffMessagesController(
        calendar: services.calendar, clock: services.clock, files: services.files, messages: services.messages, unitQueries: services.unitQueries,
        renderer: renderer
    ).addRoutes(to: router)
    StaffRecordsController(
        clock: services.clock, files: services.files, records: services.records, unitQueries: services.unitQueries, renderer: renderer
    ).addRoutes(to: router)
    StaffSupervisionController(
        clock: services.clock, complaints: services.complaints, monitor: services.monitor, monitoringQueries: services.monitoringQueries,
        unitQueries: services.unitQueries, renderer: renderer
    ).addRoutes(to: router)
    PowersController(files: services.files, powers: services.powers, unitQueries: services.unitQueries, renderer: renderer).addRoutes(to: router)
    StaffPowersController(
        clock: services.clock, files: services.files, powers: services.powers, unitQueries: services.unitQueries, renderer: renderer
    ).addRoutes(to: router)
    ReportsController(
        clock: services.clock, reports: services.reports, templates: services.templates, unitQueries: services.unitQueries, renderer: renderer
    ).addRoutes(to: router)
    StaffReportsController(
        clock: services.clock, reports: services.reports, templates: services.templates, unitQueries: services.unitQueries, renderer: renderer
    ).addRoutes(to: router)
    StaffAssessmentsController(
        assessments: services.assessments, clock: services.clock, files: services.files, unitQueries: services.unitQueries, renderer: renderer
    ).addRoutes(to: router)
    StaffAssessmentUnitController(
        assessmentQueries: services.assessmentQueries, assessments: services.assessments, clock: services.clock, files: services.files,
        unitQueries: services.unitQueries, renderer: renderer
    ).addRoutes(to: router)
    AssessmentsController(assessments: services.assessments, renderer: renderer).addRoutes(to: router)

    let api = router.group("/api/v1").add(middleware: BearerMiddleware(authentication: services.authentication))
    api.get("openapi.json") { _, _ in OpenAPIDocument.response() }
    UnitsAPIController(accountQueries: services.accountQueries, accounts: services.accounts, unitQueries: services.unitQueries, units: services.units)
        .addRoutes(to: api)
    CalendarAPIController(calendar: services.calendar).addRoutes(to: api)
    AuditAPIController(auditQueries: services.auditQueries).addRoutes(to: api)
    DocumentsAPIController(
        catalog: services.catalog, clock: services.clock, files: services.files, publishing: services.publishing,
        publishingQueries: services.publishingQueries, unitQueries: services.unitQueries
    ).addRoutes(to: api)
    RequestsAPIController(
        calendar: services.calendar, requestQueries: services.requestQueries, requests: services.requests, unitQueries: services.unitQueries,
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
