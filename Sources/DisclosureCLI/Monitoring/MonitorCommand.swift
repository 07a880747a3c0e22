import ArgumentParser
import DisclosureCore
import DisclosureStore
import Foundation

/// `disclosure monitor run` — cron-friendly daily watch: ends requests whose 补正 or payment deadline
/// passed (三(六)1 / 三(六)2) and records reminders (awaiting confirmation, due within 3 working days,
/// overdue) in the outbox, once per case and day. `serve` runs it every hour too.
struct MonitorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "monitor", abstract: "监测任务。", subcommands: [Run.self])

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "run", abstract: "检查依申请公开案件：逾期终止、到期和超期提醒（写入提醒箱）。")
        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            try await runReportingErrors {
                let policy = try ClockPolicy.fromEnvironment(ProcessInfo.processInfo.environment)
                try await withDatabase(options) { database in
                    let summary = try await RequestMonitor(database: database, clock: SystemWallClock(), policy: policy).run()
                    say("办理中申请 \(summary.open) 件；逾期终止 \(summary.closed) 件；新提醒 \(summary.reminders) 条。")
                }
            }
        }
    }
}
