import ArgumentParser
import DisclosureCore
import DisclosureStore
import Foundation

/// `disclosure demo`: load the 示范县 into an empty database.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "向空数据库载入示范县（单位和各角色账号），并显示一次各账号密码。",
        discussion: "Set DISCLOSURE_DEMO_PASSWORD to give every demo account that password instead of a random one.")

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        try await runReportingErrors {
            try await withDatabase(options) { database in
                guard try await DemoCounty.isEmpty(database) else {
                    throw DomainError(.conflict, field: "database", "数据库中已有单位数据，示范县只能载入空数据库")
                }
                try await Self.loadIfEmpty(database, cost: 12)
            }
        }
    }

    /// Loads the demo when the database has no units and prints the credentials once.
    static func loadIfEmpty(_ database: Database, cost: UInt8) async throws {
        guard try await DemoCounty.isEmpty(database) else { return }
        let fixed = ProcessInfo.processInfo.environment["DISCLOSURE_DEMO_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        let credentials = try await DemoCounty.load(
            into: database, clock: SystemWallClock(), hasher: PasswordHasher(cost: cost), fixedPassword: fixed)
        say("已载入示范县。各角色账号（密码只显示这一次，请妥善保存）：")
        for credential in credentials {
            say(
                "  \(credential.role.rawValue)\t用户名 \(credential.username)\t密码 \(credential.password)\t（\(credential.role.label)，\(credential.unitName)）"
            )
        }
    }
}
