import ArgumentParser
import DisclosureCore
import DisclosureStore
import Foundation

/// `disclosure user add|passwd|disable|enable|unlock`.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "管理工作人员账号。",
        subcommands: [Add.self, Passwd.self, Disable.self, Enable.self, Unlock.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "新建账号；密码从标准输入读取（终端下提示输入）。")
        @Option(name: .long, help: "Username (3–32 letters, digits, . _ -).") var username: String
        @Option(name: .long, help: "Role: editor, reviewer, office, assessor or auditor.") var role: String
        @Option(name: .long, help: "OrgUnit code; default: the root unit (the county government).") var unit: String?
        @Option(name: .long, help: "Display name.") var name: String?
        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            try await runReportingErrors {
                try await withDatabase(options) { database in
                    let unitCode: String
                    if let unit { unitCode = unit } else { unitCode = try await Self.rootUnit(database) }
                    let new = try NewStaffAccount(username: username, displayName: name ?? "", role: role, unitCode: unitCode)
                    let password = try PasswordInput.read(confirm: true)
                    let admin = AccountService(database: database, clock: SystemWallClock(), hasher: PasswordHasher())
                    try await admin.create(new, password: password, by: .commandLine)
                    say("已创建账号 \(new.username)（\(new.role.label)，\(new.unitCode)）。")
                }
            }
        }

        static func rootUnit(_ database: Database) async throws -> String {
            let roots = try await UnitRepository(database.sql).all().filter { $0.parentCode == nil }
            guard roots.count == 1, let root = roots.first else {
                throw DomainError.invalid("unit", "请用 --unit 指定所属单位代码")
            }
            return root.code
        }
    }

    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "重设密码；新密码从标准输入读取（终端下提示输入）。")
        @Option(name: .long, help: "Username.") var username: String
        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            try await runReportingErrors {
                try await withDatabase(options) { database in
                    let password = try PasswordInput.read(confirm: true)
                    let admin = AccountService(database: database, clock: SystemWallClock(), hasher: PasswordHasher())
                    try await admin.setPassword(username: username.lowercased(), password: password, by: .commandLine)
                    say("已重设 \(username) 的密码，其所有会话已退出。")
                }
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "停用账号（立即退出其所有会话）。")
        @Option(name: .long, help: "Username.") var username: String
        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            try await setActive(username, false, options)
            say("已停用账号 \(username)。")
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "启用账号。")
        @Option(name: .long, help: "Username.") var username: String
        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            try await setActive(username, true, options)
            say("已启用账号 \(username)。")
        }
    }

    struct Unlock: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "解除因密码错误造成的锁定。")
        @Option(name: .long, help: "Username.") var username: String
        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            try await runReportingErrors {
                try await withDatabase(options) { database in
                    try await AccountService(database: database, clock: SystemWallClock(), hasher: PasswordHasher())
                        .unlock(username: username.lowercased(), by: .commandLine)
                }
            }
            say("已解除 \(username) 的锁定。")
        }
    }
}

private func setActive(_ username: String, _ active: Bool, _ options: DatabaseOptions) async throws {
    try await runReportingErrors {
        try await withDatabase(options) { database in
            try await AccountService(database: database, clock: SystemWallClock(), hasher: PasswordHasher())
                .setActive(username: username.lowercased(), active, by: .commandLine)
        }
    }
}
