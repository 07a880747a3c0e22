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
    }

    /// Today in China Standard Time.
    public var today: CivilDate { CivilDate(instant: clock.now()) }
}
