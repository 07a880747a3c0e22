import DisclosureCore
import Foundation
import SQLKit

/// The office's calendar data: whole imported years and single-day overrides (DESIGN §6).
public struct CalendarRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// Bundled State Council data, then imported years, then single-day overrides.
    public func calendar() async throws -> WorkingDayCalendar {
        .china(importedYears: try await importedYears(), overrides: try await overrides())
    }

    public func importedYears() async throws -> [HolidayYear] {
        let years = try await db.select().column("year").from("calendar_imports").orderBy("year").all(decodingColumn: "year", as: Int.self)
        // A stored day that does not read stops the calendar with a CorruptRow: a holiday that
        // silently vanished would move every deadline across it.
        let rows = try await ImportedDayRow.all(db.select().columns("day", "year", "kind").from(ImportedDayRow.table))
        var holidays: [Int: Set<CivilDate>] = [:]
        var workdays: [Int: Set<CivilDate>] = [:]
        for row in rows {
            if row.kind == .workday {
                workdays[row.year, default: []].insert(row.day)
            } else {
                holidays[row.year, default: []].insert(row.day)
            }
        }
        return try years.map { try HolidayYear(year: $0, holidays: holidays[$0] ?? [], workdays: workdays[$0] ?? []) }
    }

    public func overrides() async throws -> [CalendarOverride] {
        try await OverrideRow.all(db.select().columns("day", "kind", "note").from(OverrideRow.table).orderBy("day")).map { try $0.override() }
    }

    /// Replaces everything stored for `year.year` with the given year.
    public func replaceYear(_ year: HolidayYear, by actor: String, at now: Date) async throws {
        try await db.delete(from: "calendar_imported_days").where("year", .equal, year.year).run()
        try await db.delete(from: "calendar_imports").where("year", .equal, year.year).run()
        try await db.insert(into: "calendar_imports").columns("year", "imported_at", "imported_by")
            .values(SQLBind(year.year), SQLBind(Timestamp.text(now)), SQLBind(actor)).run()
        let days = year.holidays.map { ($0, CalendarOverride.Kind.holiday) } + year.workdays.map { ($0, .workday) }
        guard !days.isEmpty else { return }
        var insert = db.insert(into: "calendar_imported_days").columns("day", "year", "kind")
        for (day, kind) in days.sorted(by: { $0.0 < $1.0 }) {
            insert = insert.values(SQLBind(day.description), SQLBind(year.year), SQLBind(kind.rawValue))
        }
        try await insert.run()
    }

    public func setOverride(_ override: CalendarOverride, by actor: String, at now: Date) async throws {
        try await db.delete(from: "calendar_overrides").where("day", .equal, override.date.description).run()
        try await db.insert(into: "calendar_overrides").columns("day", "kind", "note", "updated_at", "updated_by")
            .values(
                SQLBind(override.date.description), SQLBind(override.kind.rawValue), SQLBind(override.note), SQLBind(Timestamp.text(now)),
                SQLBind(actor)
            )
            .run()
    }

    /// Returns whether an override existed.
    public func removeOverride(_ date: CivilDate) async throws -> Bool {
        let existing = try await db.select().column("day").from("calendar_overrides").where("day", .equal, date.description).first()
        try await db.delete(from: "calendar_overrides").where("day", .equal, date.description).run()
        return existing != nil
    }
}

/// A row of `calendar_imported_days`: one day of an imported year's 通知.
struct ImportedDayRow: StoredRow {
    static let table = "calendar_imported_days"
    static let idColumn = "day"

    var day: CivilDate
    var year: Int
    var kind: CalendarOverride.Kind
}

/// A row of `calendar_overrides`.
struct OverrideRow: StoredRow {
    static let table = "calendar_overrides"
    static let idColumn = "day"

    var day: CivilDate
    var kind: CalendarOverride.Kind
    var note: String

    func override() throws -> CalendarOverride {
        do { return try CalendarOverride(date: day, kind: kind, note: note) } catch {
            throw CorruptRow(table: Self.table, column: "kind", id: day.description, reason: error.message)
        }
    }
}
