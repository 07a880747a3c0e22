import DisclosureCore
import DisclosureStore
import Foundation
import Mustache

/// Everything handlers use, built once by `buildApplication` and passed to controllers by initialiser.
public struct AppServices: Sendable {
    public let config: AppConfig
    public let database: Database
    public let clock: any WallClock
    public let templates: MustacheLibrary
    public let authentication: Authentication
    public let units: UnitAdministration
    public let accounts: AccountAdministration
    public let calendar: CalendarAdministration
    public let publishing: PublishingService
    public let catalog: CatalogAdministration
    public let timeliness: TimelinessWatch
    public let requests: RequestService
    public let complaints: ComplaintService
    public let messages: MessageService
    public let records: WorkRecordService
    public let powers: PowerService
    public let reports: AnnualReportService
    public let assessments: AssessmentService
    public let monitor: MonitorRun
    let pageCache: PageCache
    public let files: any FileStore

    public init(config: AppConfig, database: Database, clock: any WallClock) async throws {
        let hasher = PasswordHasher(cost: config.bcryptCost)
        self.config = config
        self.database = database
        self.clock = clock
        self.templates = try await Templates.load()
        self.authentication = Authentication(database: database, clock: clock, hasher: hasher, sessionLifetime: config.sessionLifetime)
        self.units = UnitAdministration(database: database, clock: clock)
        self.accounts = AccountAdministration(database: database, clock: clock, hasher: hasher)
        self.calendar = CalendarAdministration(database: database, clock: clock)
        self.publishing = PublishingService(database: database, clock: clock, indexFormat: config.indexFormat)
        self.catalog = CatalogAdministration(database: database, clock: clock)
        self.timeliness = TimelinessWatch(database: database, clock: clock)
        self.requests = RequestService(database: database, clock: clock, policy: config.clockPolicy)
        self.complaints = ComplaintService(database: database, clock: clock)
        self.messages = MessageService(database: database, clock: clock)
        self.records = WorkRecordService(database: database, clock: clock)
        self.powers = PowerService(database: database, clock: clock)
        self.reports = AnnualReportService(database: database, clock: clock)
        self.assessments = AssessmentService(database: database, clock: clock)
        self.monitor = MonitorRun(database: database, clock: clock, policy: config.clockPolicy)
        self.pageCache = PageCache(database: database)
        self.files = config.filesFolder.map { FolderFileStore(root: URL(fileURLWithPath: $0)) } ?? FolderFileStore.beside(database.url)
    }

    /// Unit code → name, for labels.
    func unitNames() async throws -> [String: String] {
        Dictionary(try await UnitRepository(database.sql).all().map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    /// Today in China Standard Time.
    public var today: CivilDate { CivilDate(instant: clock.now()) }
}
