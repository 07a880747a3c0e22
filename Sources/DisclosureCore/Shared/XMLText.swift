/// Text made safe for XML 1.0 character data and double-quoted attribute values: markup escaped,
/// characters XML forbids dropped. One escaper for every XML we write or rewrite — the power
/// list's SVG flowcharts, XLSX and DOCX exports, the Atom feed, and the redacted copy of a Word file.
public enum XMLText {
    public static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }
}
