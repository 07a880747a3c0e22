import ArgumentParser
import DisclosureStore

/// `disclosure migrate`: apply pending migrations and report what ran.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "执行数据库迁移。")

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        try await runReportingErrors {
            let database = try await Database.open(try options.url())
            do {
                let applied = try await Migrator(database: database).migrate()
                say(applied.isEmpty ? "数据库已是最新版本。" : "已执行迁移：\(applied.map(String.init).joined(separator: ", "))")
                try await database.close()
            } catch {
                try? await database.close()
                throw error
            }
        }
    }
}
