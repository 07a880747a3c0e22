import ArgumentParser
import DisclosureCore
import DisclosureStore

/// `disclosure workdays add DATE N` and `disclosure workdays between A B`.
///
/// Uses the database's calendar (imports and overrides) when a database is configured or the
/// default file exists, and the bundled State Council data otherwise, so a pure calculation
/// never creates a database as a side effect.
struct WorkdaysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workdays", abstract: "工作日计算（含法定节假日和调休上班日）。", subcommands: [Add.self, Between.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "输出 DATE 之后第 N 个工作日（DATE 当天不计入）。",
            discussion: "Example: disclosure workdays add 2025-09-25 7  →  2025-10-11 (a 调休 Saturday).")
        @Argument(help: "Anchor date, YYYY-MM-DD.") var date: String
        @Argument(help: "Number of working days (0–10000).") var days: String
        @Flag(name: .long, help: "Also print the explanation (holidays skipped, 调休 days counted).") var explain = false
        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            try await runReportingErrors {
                let anchor = try parseDate(date, field: "DATE")
                guard let count = Int(days), (0...10000).contains(count) else {
                    throw DomainError.invalid("N", "工作日数“\(days)”无效，应为 0–10000 的整数")
                }
                let result = try await loadCalendar(options).adding(workingDays: count, to: anchor)
                say(result.date.description)
                if explain { printNote(result.explanation) }
                if !result.isConfirmed {
                    printNote("注意：\(result.unconfirmedYears.map { "\($0)年" }.joined(separator: "、"))放假安排未载入，按周一至周五推算。")
                }
            }
        }
    }

    struct Between: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "输出 A 之后到 B（含）之间的工作日数。")
        @Argument(help: "Start date, YYYY-MM-DD (not counted).") var start: String
        @Argument(help: "End date, YYYY-MM-DD (counted).") var end: String
        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            try await runReportingErrors {
                let from = try parseDate(start, field: "A")
                let to = try parseDate(end, field: "B")
                let calendar = try await loadCalendar(options)
                say(String(calendar.workingDays(from: from, to: to)))
                let missing = calendar.unconfirmedYears(from: from, to: to)
                if !missing.isEmpty {
                    printNote("注意：\(missing.map { "\($0)年" }.joined(separator: "、"))放假安排未载入，按周一至周五推算。")
                }
            }
        }
    }
}

func parseDate(_ text: String, field: String) throws -> CivilDate {
    guard let date = CivilDate(iso: text) else { throw DomainError.invalid(field, "日期“\(text)”无效，应为 YYYY-MM-DD 格式的真实日期") }
    return date
}

func loadCalendar(_ options: DatabaseOptions) async throws -> WorkingDayCalendar {
    guard options.isConfigured() else { return .china() }
    var calendar = WorkingDayCalendar.china()
    try await withDatabase(options) { database in
        calendar = try await CalendarService(database: database, clock: SystemWallClock()).calendar()
    }
    return calendar
}
