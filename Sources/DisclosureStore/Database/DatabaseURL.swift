import DisclosureCore
import Foundation

/// Where the data lives: `sqlite:PATH`, `sqlite::memory:`, or `postgres://user:pass@host:port/db`.
public enum DatabaseURL: Equatable, Sendable, CustomStringConvertible {
    case sqliteFile(path: String)
    case sqliteMemory(identifier: String)
    case postgres(url: String, searchPath: String?)

    /// The default: `data/disclosure.sqlite` under the working directory (DESIGN §4).
    public static let defaultValue = DatabaseURL.sqliteFile(path: "data/disclosure.sqlite")

    /// Parses the value of `--database` or `DISCLOSURE_DATABASE_URL`.
    public init(parsing text: String) throws(DomainError) {
        let text = text.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("sqlite:") {
            var path = String(text.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path = String(path.dropFirst(2)) }
            if path == ":memory:" {
                self = .sqliteMemory(identifier: UUID().uuidString)
            } else if path.isEmpty {
                throw .invalid("database", "数据库地址“\(text)”缺少文件路径，例如 sqlite:data/disclosure.sqlite")
            } else {
                self = .sqliteFile(path: path)
            }
        } else if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            guard var components = URLComponents(string: text), let host = components.host, !host.isEmpty,
                components.path.count > 1
            else {
                throw .invalid("database", "PostgreSQL 地址无效，应为 postgres://用户:密码@主机:端口/数据库")
            }
            // `?search_path=SCHEMA` keeps the tables in a schema of their own (one database, several
            // installations; the test suite gives each test one). The driver does not know the key.
            let searchPath = components.queryItems?.first { $0.name == "search_path" }?.value.flatMap { $0.isEmpty ? nil : $0 }
            if searchPath != nil {
                components.queryItems = components.queryItems?.filter { $0.name != "search_path" }
                if components.queryItems?.isEmpty == true { components.queryItems = nil }
            }
            self = .postgres(url: components.string ?? text, searchPath: searchPath)
        } else {
            throw .invalid("database", "数据库地址“\(Self.redacted(text))”无效：应以 sqlite: 或 postgres:// 开头")
        }
    }

    public var isPostgres: Bool {
        if case .postgres = self { return true }
        return false
    }

    /// Printable form with the password hidden, for logs and error messages.
    public var description: String {
        switch self {
        case .sqliteFile(let path): "sqlite:\(path)"
        case .sqliteMemory: "sqlite::memory:"
        case .postgres(let url, _): Self.redacted(url)
        }
    }

    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? url
    }
}
