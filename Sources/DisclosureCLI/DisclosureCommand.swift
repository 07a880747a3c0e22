import ArgumentParser

/// The root command: `disclosure <subcommand>`.
public struct DisclosureCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "disclosure",
        abstract: "政务公开平台 Disclosure：门户、工作台、接口与命令行工具。",
        discussion: """
            Database: --database sqlite:PATH | postgres://USER:PASS@HOST:PORT/DB, or DISCLOSURE_DATABASE_URL;
            default sqlite:data/disclosure.sqlite under the working directory.
            """,
        subcommands: [
            ServeCommand.self, MigrateCommand.self, DemoCommand.self, UserCommand.self, TokenCommand.self,
            WorkdaysCommand.self, CalendarCommand.self, AuditCommand.self,
        ]
    )

    public init() {}
}
