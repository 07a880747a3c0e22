import ArgumentParser
import Foundation

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
            WorkdaysCommand.self, CalendarCommand.self, AuditCommand.self, ImportCommand.self, ExportCommand.self, PublishCommand.self,
            MonitorCommand.self, NotifyCommand.self, ReportCommand.self, AssessmentCommand.self, BackupCommand.self, RestoreCommand.self,
            SearchCommand.self,
        ]
    )

    public init() {}

    /// Parses and runs a command. Help goes to stdout; any parse error becomes one line on stderr
    /// with the usual usage exit code, so scripts and operators see a clear message, not a page.
    public static func main(_ arguments: [String]? = nil) async {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                say(fullMessage(for: error))
            } else {
                let message = self.message(for: error).split(separator: "\n").first.map(String.init) ?? ""
                if !message.isEmpty { printError("\(message)（用法见 disclosure --help）") }
            }
            Foundation.exit(code.rawValue)
        }
    }
}
