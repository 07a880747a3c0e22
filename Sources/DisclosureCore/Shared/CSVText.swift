import Foundation

/// RFC 4180 CSV: quoted fields with doubled quotes and embedded newlines; a UTF-8 BOM is ignored
/// (spreadsheets in Chinese offices write one).
public enum CSVText {
    public static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var afterQuote = false
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        for character in body {
            if quoted {
                if character == "\"" {
                    quoted = false
                    afterQuote = true
                } else {
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"":
                if afterQuote { field.append("\"") }
                quoted = true
                afterQuote = false
            case ",":
                row.append(field)
                field = ""
                afterQuote = false
            case "\n", "\r\n", "\r":
                row.append(field)
                if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
                row = []
                field = ""
                afterQuote = false
            default:
                if afterQuote { throw DomainError.invalid("file", "CSV 第 \(rows.count + 1) 行：引号后不能紧跟其他字符") }
                field.append(character)
            }
        }
        if quoted { throw DomainError.invalid("file", "CSV 文件结尾处有未闭合的引号") }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }

    /// A whole file: a UTF-8 BOM (so Excel and WPS read the Chinese correctly), then one line per row.
    public static func document(_ rows: [[String]]) -> String {
        "\u{FEFF}" + rows.map(line).joined()
    }

    /// One line, quoting fields that need it, with CRLF as Excel expects.
    public static func line(_ fields: [String]) -> String {
        fields.map { field in
            if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
                return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return field
        }.joined(separator: ",") + "\r\n"
    }
}
