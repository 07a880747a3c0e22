/// One bad cell of an imported file, as the clerk sees it: 「第 N 行「列」：…」 with the row
/// number of the spreadsheet or JSON Lines file (power lists, legacy requests).
public struct FileRowError: Equatable, Sendable, CustomStringConvertible {
    public let line: Int
    public let column: String
    public let message: String

    public init(line: Int, column: String, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "第 \(line) 行「\(column)」：\(message)" }
}
