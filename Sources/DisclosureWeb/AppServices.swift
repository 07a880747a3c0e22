import DisclosureCore
import DisclosureStore
import Foundation
import Mustache

/// The services (writes and the reads they decide on) and queries (reads for pages and the API)
/// that `buildApplication` builds once; the composition root hands each controller the ones it
/// uses. The raw database stays here: the web layer never reaches it (issue 19).
public struct AppServices: Sendable {
    public let config: AppConfig
    public let clock: any WallClock
    public let templates: MustacheLibrary
    public let authentication: Authentication
    public let units: UnitService
    public let accounts: AccountService
    public let calendar: CalendarService
    public let publishing: PublishingService
    public let catalog: CatalogService
    public let timeliness: TimelinessWatch
    public let requests: RequestService
    public let complaints: ComplaintService
    public let messages: MessageService
    public let records: WorkRecordService
    public let powers: PowerService
    public let reports: AnnualReportService
    public let assessments: AssessmentService
    public let monitor: MonitorRun
    public let unitQueries: UnitQueries
    public let accountQueries: AccountQueries
    public let auditQueries: AuditQueries
    public let calendarQueries: CalendarQueries
    public let publishingQueries: PublishingQueries
    public let portalSearch: PortalSearch
    /// The documents behind search hits, cached while the index applies no change.
    public let hitDocuments: SearchHitDocuments
    public let portalQueries: PortalQueries
    public let requestQueries: RequestQueries
    public let complaintQueries: ComplaintQueries
    public let monitoringQueries: MonitoringQueries
    public let assessmentQueries: AssessmentQueries
    let health: DatabaseHealth
    let pageCache: PageCache
    public let files: any FileStore
    public let deliveries: DeliveryService
    public let subscriptions: SubscriptionService
    public let publishedMatches: PublishedMatchFinder
    public let notificationSettings: NotificationSettingsStore
    public let contactQueries: StaffContactQueries

    public init(config: AppConfig, database: Database, clock: any WallClock) async throws {
        let hasher = PasswordHasher(cost: config.bcryptCost)
        self.config = config
        self.clock = clock
        self.templates = try await Templates.load()
        self.authentication = Authentication(database: database, clock: clock, hasher: hasher, sessionLifetime: config.sessionLifetime)
        self.units = UnitService(database: database, clock: clock)
        self.accounts = AccountService(database: database, clock: clock, hasher: hasher)
        self.calendar = CalendarService(database: database, clock: clock)
        self.publishing = PublishingService(database: database, clock: clock, indexFormat: config.indexFormat)
        self.catalog = CatalogService(database: database, clock: clock)
        self.timeliness = TimelinessWatch(database: database, clock: clock)
        self.requests = RequestService(database: database, clock: clock, policy: config.clockPolicy)
        self.complaints = ComplaintService(database: database, clock: clock)
        self.messages = MessageService(database: database, clock: clock)
        self.records = WorkRecordService(database: database, clock: clock)
        self.powers = PowerService(database: database, clock: clock)
        self.reports = AnnualReportService(database: database, clock: clock)
        self.assessments = AssessmentService(database: database, clock: clock)
        self.monitor = MonitorRun(database: database, clock: clock, policy: config.clockPolicy)
        self.unitQueries = UnitQueries(database: database)
        self.accountQueries = AccountQueries(database: database)
        self.auditQueries = AuditQueries(database: database)
        self.calendarQueries = CalendarQueries(database: database)
        self.publishingQueries = PublishingQueries(database: database)
        self.portalSearch = PortalSearch(
            database: database, clock: clock,
            folder: config.searchFolder.map { URL(fileURLWithPath: $0) } ?? PortalSearch.folder(beside: database.url))
        self.hitDocuments = SearchHitDocuments(database: database)
        self.requestQueries = RequestQueries(database: database)
        self.complaintQueries = ComplaintQueries(database: database)
        self.monitoringQueries = MonitoringQueries(database: database, clock: clock, policy: config.clockPolicy)
        self.assessmentQueries = AssessmentQueries(database: database)
        self.health = DatabaseHealth(database: database)
        self.portalQueries = PortalQueries(database: database)
        self.pageCache = PageCache(portal: portalQueries)
        self.publishedMatches = PublishedMatchFinder(search: portalSearch, hits: hitDocuments, publishing: publishingQueries)
        self.deliveries = DeliveryService(database: database, clock: clock)
        self.subscriptions = SubscriptionService(database: database, clock: clock)
        self.notificationSettings = NotificationSettingsStore(database: database, clock: clock)
        self.contactQueries = StaffContactQueries(database: database)
        self.files = config.filesFolder.map { FolderFileStore(root: URL(fileURLWithPath: $0)) } ?? FolderFileStore.beside(database.url)
    }
}
