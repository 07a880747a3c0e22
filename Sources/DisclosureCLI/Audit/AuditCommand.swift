import ArgumentParser
import DisclosureStore

/// `disclosure audit verify` — walk the hash chain; exit 1 naming the first broken entry.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "审计日志。", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "校验审计日志哈希链，发现改动或删除时以非零状态退出并指出首条异常记录。")
        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            try await runReportingErrors {
                try await withDatabase(options) { database in
                    let (checked, broken) = try await AuditLog.verify(on: database.sql)
                    if let broken {
                        printError("审计日志校验失败：\(broken.reason)")
                        throw ExitCode(1)
                    }
                    say("审计日志校验通过：共 \(checked) 条记录，哈希链完整。")
                }
            }
        }
    }
}
