import ArgumentParser
import DisclosureCore
import DisclosureStore
import DisclosureWeb
import Foundation

/// `disclosure notify send|test` — the message queue from the console (issue 24 §1): send what is
/// due now (for a county that runs `monitor run` from cron instead of `serve`), or send one test
/// message through the office's settings to see that the server or gateway takes it.
struct NotifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "notify", abstract: "电子邮件和短信发送。", subcommands: [Send.self, Test.self, Digest.self])

    struct Send: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "send", abstract: "发送所有到期的邮件和短信（serve 每 10 秒自动发送一次）。")
        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            try await runReportingErrors {
                try await withDatabase(options) { database in
                    let dispatcher = DeliveryDispatcher(
                        database: database, clock: SystemWallClock(), files: options.fileStore(for: database.url),
                        instance: DeliveryDispatcher.instanceName())
                    var total = DeliveryDispatcher.Summary()
                    while true {
                        let round = try await dispatcher.runOnce(limit: 20)
                        total += round
                        if round.attempted < 20 { break }
                    }
                    say("已发送 \(total.sent) 条；稍后重试 \(total.retrying) 条；发送失败 \(total.failed) 条；免打扰时段顺延 \(total.postponed) 条。")
                }
            }
        }
    }

    struct Digest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "digest", abstract: "排入今天的订阅汇总邮件（serve 每天 8 时后自动执行；--now 立即执行，不论今天是否已发）。")
        @Flag(name: .long, help: "立即排入，不等 8 时，也不管今天是否已排入") var now = false
        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            try await runReportingErrors {
                let site = SiteInfo.fromEnvironment(ProcessInfo.processInfo.environment)
                try await withDatabase(options) { database in
                    let summary = try await SubscriptionDigest(database: database, clock: SystemWallClock(), fallbackLinkBase: site.linkBase).run(
                        force: now)
                    say(summary.ran ? "已排入订阅汇总邮件 \(summary.digests) 封（disclosure notify send 或 serve 随即发送）。" : "今天的订阅汇总已排入，或未到 8 时。")
                }
            }
        }
    }

    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "test", abstract: "按当前设置发送一条测试消息，并显示服务器的答复。")
        @Option(name: .long, help: "收件的电子邮箱或手机号码") var to: String
        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            try await runReportingErrors {
                try await withDatabase(options) { database in
                    let clock = SystemWallClock()
                    let delivery = try await DeliveryQueue.queueTest(to: to, on: database, at: clock.now())
                    let dispatcher = DeliveryDispatcher(
                        database: database, clock: clock, files: options.fileStore(for: database.url), instance: DeliveryDispatcher.instanceName())
                    _ = try await dispatcher.runOnce(limit: 20)
                    guard let result = try await DeliveryQueue(database.sql).find(delivery) else { return }
                    switch result.status {
                    case .sent: say("已发送：\(result.answer ?? "")")
                    case .queued where result.attempts == 0:
                        throw DomainError.invalid("to", "\(result.message.channel.label)尚未设置，测试消息留在队列中（工作台「消息发送设置」）")
                    default: throw DomainError.invalid("to", "发送失败：\(result.lastError ?? result.status.label)")
                    }
                }
            }
        }
    }
}
