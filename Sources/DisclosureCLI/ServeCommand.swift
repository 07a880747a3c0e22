import ArgumentParser
import DisclosureCore
import DisclosureStore
import DisclosureWeb
import Foundation
import Hummingbird
import Logging

/// `disclosure serve`: migrate, optionally load the demo, and serve portal, console and API.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "启动门户、工作台和接口服务（启动时自动迁移数据库）。",
        discussion: """
            Runs the publication job every minute (DISCLOSURE_JOB_INTERVAL_SECONDS), `monitor run` every hour and,
            with DISCLOSURE_BACKUP_DIR set (SQLite), a backup every day keeping DISCLOSURE_BACKUP_KEEP (default 7).
            Environment: DISCLOSURE_DATABASE_URL, DISCLOSURE_SECURE_COOKIES, DISCLOSURE_LOG_LEVEL, DISCLOSURE_SITE_*,
            DISCLOSURE_INDEX_FORMAT, DISCLOSURE_FILES, DISCLOSURE_SEARCH_DIR (this instance's search index; each
            instance needs its own, default search/ beside the SQLite file or data/search), DISCLOSURE_INTERNAL_TARGET_DAYS (default 15),
            DISCLOSURE_CORRECTION_DAYS (default 15), DISCLOSURE_FEE_COUNT_SCOPE (agency|county),
            DISCLOSURE_TRUSTED_PROXIES, DISCLOSURE_BACKUP_DIR, DISCLOSURE_BACKUP_KEEP, DISCLOSURE_SEARCH_RESIDENT_MB (default 768:
            the index pages the server keeps mapped beyond this are let go to the page cache; 0 = no limit); see README, Configuration.
            """)

    @Option(name: .long, help: "Address to listen on.") var host: String = "127.0.0.1"
    @Option(name: .long, help: "Port to listen on.") var port: Int = 8080
    @Flag(name: .long, help: "Load the 示范县 demo county into an empty database and print its passwords once.") var demo = false
    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        try await runReportingErrors {
            let env = ProcessInfo.processInfo.environment
            guard (1...65535).contains(port) else { throw DomainError.invalid("port", "端口（--port）应为 1–65535") }
            // Everything a setting can refuse is checked before the database opens.
            let url = try options.url()
            let backups = try Self.scheduledBackup(env, url: url, files: options.fileStore(for: url))
            // Seconds between rounds of the publication job (tests shorten it; counties keep 60).
            guard let interval = Int(env["DISCLOSURE_JOB_INTERVAL_SECONDS"] ?? "60"), (1...3600).contains(interval) else {
                throw DomainError.invalid("DISCLOSURE_JOB_INTERVAL_SECONDS", "DISCLOSURE_JOB_INTERVAL_SECONDS 应为 1–3600 的整数")
            }
            guard let sendInterval = Int(env["DISCLOSURE_SEND_INTERVAL_SECONDS"] ?? "10"), (1...3600).contains(sendInterval) else {
                throw DomainError.invalid("DISCLOSURE_SEND_INTERVAL_SECONDS", "DISCLOSURE_SEND_INTERVAL_SECONDS 应为 1–3600 的整数")
            }
            // The mapped index's share of the server's resident memory (issue 20); 0 turns trimming off.
            guard let residentMB = Int(env["DISCLOSURE_SEARCH_RESIDENT_MB"] ?? "768"), (0...1_048_576).contains(residentMB) else {
                throw DomainError.invalid("DISCLOSURE_SEARCH_RESIDENT_MB", "DISCLOSURE_SEARCH_RESIDENT_MB 应为 0–1048576 的整数（兆字节，0 表示不限）")
            }
            let residentBudget = ResidentIndexBudget(megabytes: residentMB)
            var config = AppConfig(host: host, port: port, site: SiteInfo.fromEnvironment(env))
            config.secureCookies = env["DISCLOSURE_SECURE_COOKIES"] == "1"
            if let pattern = env["DISCLOSURE_INDEX_FORMAT"], !pattern.isEmpty { config.indexFormat = try IndexNumberFormat(pattern) }
            config.clockPolicy = try ClockPolicy.fromEnvironment(env)
            if let folder = env["DISCLOSURE_FILES"], !folder.isEmpty { config.filesFolder = folder }
            config.searchFolder = options.searchFolder(for: url).path
            config.trustedProxies = Set(
                (env["DISCLOSURE_TRUSTED_PROXIES"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            )
            .subtracting([""])
            let database = try await options.open()
            do {
                if demo {
                    try await DemoCommand.loadIfEmpty(database, cost: config.bcryptCost)
                }
                var logger = Logger(label: "disclosure")
                logger.logLevel = Logger.Level(rawValue: env["DISCLOSURE_LOG_LEVEL"] ?? "info") ?? .info
                let app = try await buildApplication(config: config, database: database, logger: logger)
                say("Disclosure 已启动：http://\(host):\(port)/ （工作台 /staff/login，数据库 \(database.url)）")
                let background = BackgroundJobs(database: database, config: config, interval: interval, backups: backups, logger: logger)
                let jobs = Task.detached { await background.run() }
                let files = options.fileStore(for: url)
                let sending = Task.detached { await background.sendMessages(every: sendInterval, files: files) }
                let trimming = residentBudget.start()
                defer {
                    jobs.cancel()
                    sending.cancel()
                    trimming.cancel()
                }
                try await app.runService()
                try await database.close()
            } catch {
                // A pool must be shut down before it is released, also when serving fails.
                try? await database.close()
                throw error
            }
        }
    }

    /// The daily backup when `DISCLOSURE_BACKUP_DIR` is set; refused on PostgreSQL, whose backups are pg_dump's.
    static func scheduledBackup(_ env: [String: String], url: DatabaseURL, files: FolderFileStore) throws -> ScheduledBackup? {
        guard let folder = env["DISCLOSURE_BACKUP_DIR"], !folder.isEmpty else { return nil }
        guard !url.isPostgres else {
            throw DomainError.invalid("DISCLOSURE_BACKUP_DIR", "PostgreSQL 数据库请用 pg_dump 定时备份（见 README），不要设置 DISCLOSURE_BACKUP_DIR")
        }
        let keepText = env["DISCLOSURE_BACKUP_KEEP"] ?? "7"
        guard let keep = Int(keepText), (1...365).contains(keep) else {
            throw DomainError.invalid("DISCLOSURE_BACKUP_KEEP", "DISCLOSURE_BACKUP_KEEP 应为 1–365 的整数")
        }
        return ScheduledBackup(files: files, folder: URL(fileURLWithPath: folder), keep: keep)
    }
}
