import ArgumentParser
import DisclosureCore
import DisclosureStore
import Foundation

/// `disclosure publish run` — the scheduled job: publish documents whose time has come and
/// re-index 规范性文件 whose 有效性 changed. `serve` runs it every minute too; it is idempotent.
struct PublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "publish", abstract: "发布任务。", subcommands: [Run.self])

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "run", abstract: "发布到时的定时文件，并更新规范性文件有效性。")
        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            try await runReportingErrors {
                try await withDatabase(options) { database in
                    let service = PublishingService(database: database, clock: SystemWallClock())
                    let published = try await service.runScheduled()
                    let refreshed = try await service.refreshValidity()
                    say("定时发布 \(published) 件；有效性变化 \(refreshed) 件。")
                }
            }
        }
    }
}
