import ArgumentParser
import DisclosureCore
import DisclosureStore
import Foundation

/// `disclosure monitor run` — cron-friendly daily watch: ends requests whose 补正 or payment deadline
/// passed (三(六)1 / 三(六)2), records reminders (awaiting confirmation, due within 3 working days,
/// overdue, 待审核 over a day) once per case and day and queues them as e-mail or SMS to the staff
/// who act (issue 24), escalates overdue complaints to the office, and
/// opens and closes inspection findings (statutes §5.2). `serve` runs it every hour too.
struct MonitorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "monitor", abstract: "监测任务。", subcommands: [Run.self])

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract:
                "每日监测：依申请公开逾期终止和期限提醒、待审核超过一天提醒（按各人设置以邮件或短信发出）、投诉超期督办、网站栏目与留言检查（监测问题自动发现和消除）、已公开信息的个人信息巡查（每日一次，本命令立即进行，serve 在北京时间 0—6 时进行；先补提取旧附件的文本）。"
        )
        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            try await runReportingErrors {
                let policy = try ClockPolicy.fromEnvironment(ProcessInfo.processInfo.environment)
                try await withDatabase(options) { database in
                    // Older files' texts first, so today's personal-data watch reads them (issue 23).
                    let backfill = try await FileTextBackfill(
                        database: database, files: options.fileStore(for: database.url), clock: SystemWallClock()
                    )
                    .run(limit: 500)
                    say(try await MonitorRun(database: database, clock: SystemWallClock(), policy: policy).run().text)
                    if backfill.attachments + backfill.replyFiles > 0 {
                        say("补提取附件文本 \(backfill.attachments) 个、答复文件文本 \(backfill.replyFiles) 个。")
                    }
                }
            }
        }
    }
}
