import Foundation

/// 正文 is stored as plain text with paragraphs. Whatever arrives (pasted HTML, Word markup,
/// control characters) is reduced to text here, so no markup ever reaches a page or the index.
public enum PlainText {
    public static func sanitize(_ input: String) -> String {
        var text = input.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        // Drop whole script/style elements, then turn block ends into line breaks and remove tags.
        for element in ["script", "style"] {
            text = text.replacingOccurrences(
                of: "<\(element)\\b[^>]*>[\\s\\S]*?</\(element)\\s*>", with: "", options: [.regularExpression, .caseInsensitive])
        }
        text = text.replacingOccurrences(
            of: "<(br|/p|/div|/li|/h[1-6]|/tr)\\b[^>]*>", with: "\n", options: [.regularExpression, .caseInsensitive])
        text = text.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        for (entity, value) in [("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: value)
        }
        text = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 == "\n" || $0 == "\t" || !isControl($0) }))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        var paragraphs: [String] = []
        var blank = false
        for line in lines {
            if line.isEmpty {
                blank = true
                continue
            }
            if blank && !paragraphs.isEmpty { paragraphs.append("") }
            paragraphs.append(line)
            blank = false
        }
        return paragraphs.joined(separator: "\n")
    }

    /// Paragraphs for display: every non-empty line is one.
    public static func paragraphs(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    /// Removes control characters (keeping nothing but printable text) from one-line fields.
    public static func singleLine(_ input: String) -> String {
        let kept = input.unicodeScalars.map { isControl($0) || $0 == "\n" || $0 == "\t" ? " " : Character($0) }
        return String(kept).trimmingCharacters(in: .whitespaces)
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x200B...0x200F).contains(scalar.value)
            || scalar.value == 0xFEFF || (0x202A...0x202E).contains(scalar.value)
    }
}
