import Foundation

extension WorkingDayCalendar {
    /// The State Council 放假安排 shipped with the program (2024–2026, spec/statutes.md §6, source S10).
    public static func bundledYears() -> [HolidayYear] {
        guard let url = Bundle.module.url(forResource: "holidays-cn", withExtension: "json"),
            let data = try? Data(contentsOf: url),
            let years = try? HolidayFile.parse(data)
        else {
            // The resource is part of the build; its absence is a packaging bug, not user input.
            fatalError("holidays-cn.json is missing or invalid in the DisclosureCore bundle")
        }
        return years
    }

    /// The bundled years with the office's imports and overrides on top.
    ///
    /// - Parameters:
    ///   - importedYears: whole years loaded with `calendar import`; each replaces the bundled year.
    ///   - overrides: single days the office changed, applied last.
    public static func china(importedYears: [HolidayYear] = [], overrides: [CalendarOverride] = []) -> WorkingDayCalendar {
        var byYear = Dictionary(bundledYears().map { ($0.year, $0) }, uniquingKeysWith: { _, b in b })
        for year in importedYears { byYear[year.year] = year }
        let confirmed = Set(byYear.keys)
        for override in overrides.sorted(by: { $0.date < $1.date }) {
            let base = byYear[override.date.year] ?? .plain(override.date.year)
            // Overrides were validated on entry; one that no longer fits (e.g. its year was
            // re-imported with the same date as the other kind) is skipped rather than crash a page.
            if let updated = try? base.applying(override) { byYear[override.date.year] = updated }
        }
        return WorkingDayCalendar(years: Array(byYear.values), confirmed: confirmed)
    }
}
