import ArgumentParser
import DisclosureCore
import DisclosureStore
import Foundation

/// `disclosure calendar import FILE` — load a year's 放假安排 when the State Council publishes it.
struct CalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "calendar", abstract: "工作日历。", subcommands: [Import.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "导入放假安排 JSON（与 holidays-cn.json 同格式），替换所含年份的数据。",
            discussion: #"Shape: {"2027": {"holidays": ["2027-01-01", ...], "workdays": ["2027-02-07", ...]}}"#)
        @Argument(help: "Path of the JSON file.") var file: String
        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            try await runReportingErrors {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw DomainError.invalid("FILE", "无法读取文件 \(file)")
                }
                _ = try HolidayFile.parse(data)  // validate before touching the database
                try await withDatabase(options) { database in
                    let years = try await CalendarService(database: database, clock: SystemWallClock()).importFile(data, by: .commandLine)
                    say("已导入 \(years.map { "\($0)年" }.joined(separator: "、"))放假安排。")
                }
            }
        }
    }
}
