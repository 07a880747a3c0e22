import ArgumentParser
import DisclosureCore
import DisclosureStore

/// `disclosure token create|revoke|list` — bearer tokens for the JSON API.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "管理接口令牌（Authorization: Bearer）。", subcommands: [Create.self, Revoke.self, List.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "为账号创建令牌；令牌只显示这一次。")
        @Option(name: .long, help: "Username the token acts as.") var user: String
        @Option(name: .long, help: "A name to recognise the token by.") var name: String = "api"
        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            try await runReportingErrors {
                try await withDatabase(options) { database in
                    let auth = Authentication(database: database, clock: SystemWallClock(), hasher: PasswordHasher())
                    let (id, token) = try await auth.createToken(username: user.lowercased(), name: name, by: .commandLine)
                    say(token)
                    printNote("令牌 \(id) 已创建（只显示这一次）。撤销：disclosure token revoke --id \(id)")
                }
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "撤销令牌。")
        @Option(name: .long, help: "Token id (from `token list`).") var id: Int
        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            try await runReportingErrors {
                try await withDatabase(options) { database in
                    try await Authentication(database: database, clock: SystemWallClock(), hasher: PasswordHasher()).revokeToken(
                        id: id, by: .commandLine)
                    say("已撤销令牌 \(id)。")
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出令牌（不含密钥）。")
        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            try await runReportingErrors {
                try await withDatabase(options) { database in
                    for token in try await ApiTokenRepository(database.sql).list() {
                        say("\(token.id)\t\(token.username)\t\(token.name)\t创建于 \(token.createdAt)\t\(token.revokedAt.map { "已撤销 \($0)" } ?? "有效")")
                    }
                }
            }
        }
    }
}
