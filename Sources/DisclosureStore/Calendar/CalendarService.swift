import DisclosureCore
import Foundation
import SQLKit

/// The working-day calendar as the program uses it, and the office's changes to it, audited.
public struct CalendarService: Sendable {
    let database: Database
    let clock: any WallClock

    public init(database: Database, clock: any WallClock) {
        self.database = database
        self.clock = clock
    }

    /// Bundled State Council data, then imported years, then single-day overrides. Loaded fresh
    /// each time so a change re-times every open case (derived values are never stored).
    public func calendar() async throws -> WorkingDayCalendar {
        try await CalendarRepository(database.sql).calendar()
    }

    /// Loads the years of a `holidays-cn.json`-shaped file, replacing what was stored for them.
    public func importFile(_ data: Data, by actor: AuditActor) async throws -> [Int] {
        let years = try HolidayFile.parse(data)
        let now = clock.now()
        for year in years {
            try await database.change(by: actor, at: now) { db in
                try await CalendarRepository(db).replaceYear(year, by: actor.name, at: now)
                let summary = ["holidays": String(year.holidays.count), "workdays": String(year.workdays.count)]
                return ((), AuditEvent("calendar.import", target: "calendar:\(year.year)", summary))
            }
        }
        return years.map(\.year)
    }

    public func setOverride(_ override: CalendarOverride, by actor: AuditActor) async throws {
        let now = clock.now()
        try await database.change(by: actor, at: now) { db in
            try await CalendarRepository(db).setOverride(override, by: actor.name, at: now)
            return (
                (), AuditEvent("calendar.override", target: "calendar:\(override.date)", ["kind": override.kind.rawValue, "note": override.note])
            )
        }
    }

    public func removeOverride(_ date: CivilDate, by actor: AuditActor) async throws {
        try await database.change(by: actor, at: clock.now()) { db in
            guard try await CalendarRepository(db).removeOverride(date) else {
                throw DomainError(.notFound, field: "date", "\(date) 没有人工调整记录")
            }
            return ((), AuditEvent("calendar.override.remove", target: "calendar:\(date)"))
        }
    }
}
