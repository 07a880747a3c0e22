import ArgumentParser
import DisclosureCore
import DisclosureStore
import Foundation
import Logging

/// `--database`, shared by every command that touches data.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "Database URL: sqlite:PATH or postgres://USER:PASS@HOST:PORT/DB (env DISCLOSURE_DATABASE_URL; default sqlite:data/disclosure.sqlite).")
    var database: String?

    /// The URL from the flag, then the environment, then the default.
    func url() throws -> DatabaseURL {
        if let text = database ?? ProcessInfo.processInfo.environment["DISCLOSURE_DATABASE_URL"], !text.isEmpty {
            return try DatabaseURL(parsing: text)
        }
        return .defaultValue
    }

    /// Whether a database was named explicitly or the default file already exists.
    func isConfigured() -> Bool {
        if database != nil || ProcessInfo.processInfo.environment["DISCLOSURE_DATABASE_URL"] != nil { return true }
        if case .sqliteFile(let path) = DatabaseURL.defaultValue { return FileManager.default.fileExists(atPath: path) }
        return false
    }

    /// The attachment folder: `DISCLOSURE_FILES`, else `files/` beside the SQLite file (as `serve`).
    func fileStore(for url: DatabaseURL) -> FolderFileStore {
        if let folder = ProcessInfo.processInfo.environment["DISCLOSURE_FILES"], !folder.isEmpty {
            return FolderFileStore(root: URL(fileURLWithPath: folder))
        }
        return FolderFileStore.beside(url)
    }

    /// This instance's search index folder: `DISCLOSURE_SEARCH_DIR`, else `search/` beside the
    /// SQLite file (as `serve`).
    func searchFolder(for url: DatabaseURL) -> URL {
        if let folder = ProcessInfo.processInfo.environment["DISCLOSURE_SEARCH_DIR"], !folder.isEmpty { return URL(fileURLWithPath: folder) }
        return PortalSearch.folder(beside: url)
    }

    /// Opens and migrates the database.
    func open(logLevel: Logger.Level = .warning) async throws -> Database {
        var logger = Logger(label: "disclosure.db")
        logger.logLevel = logLevel
        let database = try await Database.open(try url(), logger: logger)
        do {
            try await Migrator(database: database).migrate()
        } catch {
            try? await database.close()
            throw error
        }
        return database
    }
}

/// Runs a command body with the CLI's error contract: one Chinese line on stderr and exit 1 for
/// bad input, never a stack trace.
func runReportingErrors(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as DomainError {
        printError(error.message)
        throw ExitCode(1)
    } catch let error as ExitCode {
        throw error
    } catch {
        printError("操作失败：\(String(describing: error).prefix(300))")
        throw ExitCode(1)
    }
}

/// Prints a line to stdout and flushes, so piped output (logs, scripts) sees it at once.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data(("错误：" + message + "\n").utf8))
}

func printNote(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Opens the database, runs `body`, and always closes it.
func withDatabase(_ options: DatabaseOptions, _ body: (Database) async throws -> Void) async throws {
    let database = try await options.open()
    do {
        try await body(database)
        try await database.close()
    } catch {
        try? await database.close()
        throw error
    }
}
