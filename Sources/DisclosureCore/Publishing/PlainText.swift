import Foundation

/// 正文 is stored as plain text with paragraphs. Whatever arrives (pasted HTML, Word markup,
/// control characters) is reduced to text here, so no markup ever reaches a page or the index.
public enum PlainText {
    public static func sanitize(_ input: String) -> String {
        // Most text (typed, imported archives) has no markup: normalise it in one pass.
        var scanned = input  // withUTF8 needs a var; a native string is not copied
        let plain = scanned.withUTF8 { buffer in
            !buffer.contains { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "\r") }
        }
        if plain { return paragraphsJoined(input) }
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
        return paragraphsJoined(text)
    }

    /// Drops control characters, trims each line, keeps at most one blank line between paragraphs.
    /// Works on a UTF-8 byte buffer: generic string splicing is far too slow for bulk imports.
    static func paragraphsJoined(_ text: String) -> String {
        var joiner = ParagraphJoiner(capacity: text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                joiner.endLine()
            } else if scalar == "\t" || !isControl(scalar) {
                joiner.line.append(scalar)
            }
        }
        joiner.endLine()
        return String(decoding: joiner.out, as: UTF8.self)
    }

    /// The state of `paragraphsJoined`, in a struct rather than captured by a nested function:
    /// captured variables are checked for exclusive access at run time on every use, which was a
    /// tenth of a bulk import's time (issue 20, `perf` of `import documents`).
    private struct ParagraphJoiner {
        var out: [UInt8] = []
        var line: [Unicode.Scalar] = []
        var pendingBlank = false

        init(capacity: Int) { out.reserveCapacity(capacity) }

        mutating func endLine() {
            var low = 0
            var high = line.count
            while low < high && line[low].properties.isWhitespace { low += 1 }
            while high > low && line[high - 1].properties.isWhitespace { high -= 1 }
            defer { line.removeAll(keepingCapacity: true) }
            guard low < high else {
                pendingBlank = !out.isEmpty
                return
            }
            if !out.isEmpty { out.append(0x0A) }
            if pendingBlank { out.append(0x0A) }
            for scalar in line[low..<high] { UTF8.encode(scalar) { out.append($0) } }
            pendingBlank = false
        }
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

    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x200B...0x200F).contains(scalar.value)
            || scalar.value == 0xFEFF || (0x202A...0x202E).contains(scalar.value)
    }
}
