import DisclosureCore
import Foundation
import SQLKit

/// One table's row as stored (issue 19): a `Codable` struct whose properties are the table's
/// columns in snake case, so each column is named once. Enum and date columns are typed, so an
/// unknown stored value fails to decode and is reported as a `CorruptRow` naming the table, the
/// column and the row, instead of becoming a plausible default.
protocol StoredRow: Codable, Sendable {
    /// The table the struct mirrors.
    static var table: String { get }
    /// The primary-key column, read on its own to name a row that fails to decode.
    static var idColumn: String { get }
}

extension StoredRow {
    static var idColumn: String { "id" }

    static var decoder: SQLRowDecoder { SQLRowDecoder(keyDecodingStrategy: .custom(SnakeCaseColumns.column(for:))) }

    /// NULL is written as NULL, so an update clears what became empty.
    static var encoder: SQLQueryEncoder { SQLQueryEncoder(keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil) }

    /// For inserts: an absent value (a generated id) is left out, so the database assigns it.
    static var insertEncoder: SQLQueryEncoder { SQLQueryEncoder(keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .default) }

    /// Decodes a row of this table, naming the row and column when a stored value is unreadable.
    static func read(_ row: any SQLRow) throws -> Self {
        do {
            return try row.decode(model: Self.self, with: decoder)
        } catch let error as DecodingError {
            throw CorruptRow(table: table, row: row, idColumn: idColumn, error: error)
        }
    }

    /// Every row the query returns, decoded.
    static func all(_ query: some SQLQueryFetcher) async throws -> [Self] { try await query.all().map(read) }

    /// The first row the query returns, decoded.
    static func first(_ query: some SQLQueryFetcher) async throws -> Self? { try await query.first().map(read) }
}

/// A stored row that does not read as its type: an unknown code, a malformed date. Reading it
/// fails loudly (an operator repairs the row) rather than showing a wrong value.
public struct CorruptRow: Error, CustomStringConvertible, Equatable {
    public let table: String
    public let column: String
    public let id: String
    public let reason: String

    public init(table: String, column: String, id: String, reason: String) {
        self.table = table
        self.column = column
        self.id = id
        self.reason = reason
    }

    init(table: String, row: any SQLRow, idColumn: String, error: DecodingError) {
        let id =
            (try? row.decode(column: idColumn, as: Int.self)).map(String.init) ?? (try? row.decode(column: idColumn, as: String.self)) ?? "?"
        let path: [any CodingKey]
        let reason: String
        switch error {
        case .dataCorrupted(let context): (path, reason) = (context.codingPath, context.debugDescription)
        case .typeMismatch(_, let context): (path, reason) = (context.codingPath, context.debugDescription)
        case .valueNotFound(_, let context): (path, reason) = (context.codingPath, context.debugDescription)
        case .keyNotFound(let key, let context): (path, reason) = (context.codingPath + [key], context.debugDescription)
        @unknown default: (path, reason) = ([], "\(error)")
        }
        let column = path.first.map { Self.snakeCase($0.stringValue) } ?? "?"
        // The stored text itself says more than either driver's message, and reads the same on both.
        if (try? row.decodeNil(column: column)) == true {
            self.init(table: table, column: column, id: id, reason: "缺少必填的值")
        } else if let stored = try? row.decode(column: column, as: String.self) {
            self.init(table: table, column: column, id: id, reason: "存有无法识别的值「\(stored.prefix(40))」")
        } else {
            self.init(table: table, column: column, id: id, reason: reason)
        }
    }

    /// A text timestamp column that does not parse.
    static func timestamp(_ text: String, table: String, column: String, id: String) throws -> Date {
        guard let date = Timestamp.date(text) else { throw CorruptRow(table: table, column: column, id: id, reason: "「\(text.prefix(40))」不是时间") }
        return date
    }

    static func snakeCase(_ key: String) -> String {
        key.reduce(into: "") { result, character in
            if character.isUppercase {
                result += "_" + character.lowercased()
            } else {
                result.append(character)
            }
        }
    }

    public var description: String { "数据表 \(table) 中编号 \(id) 的 \(column) 列无法读取（\(reason)），请联系管理员修复该行" }
}
