import NIOConcurrencyHelpers
import SQLKit

/// The column a row property reads from: SQLKit's own snake-case conversion, computed once per
/// property name. Decoding converted every key of every row again, which was an eighth of the
/// search page's cost under load (issue 20); the names are few and never change.
enum SnakeCaseColumns {
    private static let known = NIOLockedValueBox<[String: String]>([:])

    @Sendable static func column(for path: [any CodingKey]) -> any CodingKey {
        let name = path.last?.stringValue ?? ""
        if let column = known.withLockedValue({ $0[name] }) { return Column(name: column) }
        // SQLQueryEncoder applies the same conversion as the decoder's convertFromSnakeCase.
        let column = (try? SQLQueryEncoder(keyEncodingStrategy: .convertToSnakeCase).encode(OneKey(name: name)).first?.0) ?? name
        known.withLockedValue { $0[name] = column }
        return Column(name: column)
    }

    struct Column: CodingKey {
        let name: String
        var stringValue: String { name }
        var intValue: Int? { nil }
        init(name: String) { self.name = name }
        init?(stringValue: String) { name = stringValue }
        init?(intValue: Int) { nil }
    }

    /// An encodable with one key, to have SQLKit convert that key.
    struct OneKey: Encodable {
        let name: String

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Column.self)
            try container.encode(0, forKey: Column(name: name))
        }
    }
}
