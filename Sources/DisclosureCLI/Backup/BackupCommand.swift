import ArgumentParser
import DisclosureCore
import DisclosureStore
import Foundation

/// `disclosure backup --out FILE`: a consistent ZIP of the SQLite database and its attachments.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "备份 SQLite 数据库和附件文件（服务运行时也可执行，备份内容一致）。",
        discussion: """
            Writes one ZIP archive: database.sqlite (a VACUUM INTO snapshot), files/… (attachments) and \
            manifest.json (schema version, audit chain head, SHA-256 of every file). Attachments are read from \
            DISCLOSURE_FILES or files/ beside the database. PostgreSQL: use pg_dump (README, Backup and restore).
            """)

    @Option(name: .long, help: "The archive to write; must not exist yet.") var out: String
    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        try await runReportingErrors {
            try await withDatabase(options) { database in
                let manifest = try await Backup(database: database, files: options.fileStore(for: database.url))
                    .write(to: URL(fileURLWithPath: out), now: Date())
                say(
                    "备份完成：\(out)（数据库结构版本 \(manifest.schemaVersion)，审计日志 \(manifest.auditHead.entries) 条，附件 \(manifest.files.count) 个）")
            }
        }
    }
}

/// `disclosure restore FILE`: restores a backup into a new, empty SQLite database.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "从备份文件恢复到新的空数据库，并校验附件和审计日志。",
        discussion: """
            Refuses a backup from a newer release, a target database that already has data, and any file whose \
            checksum differs from the manifest; afterwards verifies the audit chain against the head in the manifest.
            """)

    @Argument(help: "The backup archive written by `disclosure backup`.") var file: String
    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        try await runReportingErrors {
            let url = try options.url()
            guard case .sqliteFile(let path) = url else {
                throw DomainError.invalid("database", "恢复目标须为 SQLite 文件（sqlite:PATH）；PostgreSQL 请用 pg_restore（见 README“备份与恢复”）")
            }
            guard FileManager.default.fileExists(atPath: file) else { throw DomainError.invalid("file", "备份文件 \(file) 不存在") }
            let outcome = try await Restore(archive: URL(fileURLWithPath: file), target: path, files: options.fileStore(for: url)).run()
            say("恢复完成：\(path)（审计日志 \(outcome.auditEntries) 条，哈希链与备份记录头一致；附件 \(outcome.manifest.files.count) 个，校验和一致）")
        }
    }
}
