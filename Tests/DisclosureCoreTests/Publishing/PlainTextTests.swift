import Testing

@testable import DisclosureCore

/// Bodies are normalised on every save and at bulk import (issue 20 made the import path faster;
/// these pin what it does).
@Suite("Plain text: control characters dropped, lines trimmed, at most one blank line between paragraphs")
struct PlainTextTests {
    @Test(
        "a table of inputs",
        arguments: [
            ("  第一段  \n\n\n  第二段 \n", "第一段\n\n第二段"),
            ("\u{200B}甲\u{0007}乙\u{FEFF}", "甲乙"),
            ("甲\r\n乙\r丙", "甲\n乙\n丙"),
            ("<p>甲</p><p>乙</p><script>x()</script>", "甲\n乙"),
            ("预算 &amp; 决算 &lt;表&gt;", "预算 & 决算 <表>"),
            ("\t缩进\t", "缩进"),
            ("\n\n 开头的空行", "开头的空行"),
            ("", ""),
            ("一\n\u{3000}\n二", "一\n\n二"),
        ])
    func table(input: String, expected: String) {
        #expect(PlainText.sanitize(input) == expected)
    }

    /// The same rule written plainly: per line, control characters (but tabs) out, whitespace
    /// trimmed; empty lines before the first paragraph dropped, runs of them become one.
    static func reference(_ text: String) -> String {
        var paragraphs: [String] = []
        var blank = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let kept = String(String.UnicodeScalarView(line.unicodeScalars.filter { $0 == "\t" || !PlainText.isControl($0) }))
            let trimmed = String(
                String.UnicodeScalarView(
                    kept.unicodeScalars.drop { $0.properties.isWhitespace }.reversed().drop { $0.properties.isWhitespace }.reversed()))
            if trimmed.isEmpty {
                blank = !paragraphs.isEmpty
            } else {
                paragraphs.append((blank ? "\n" : "") + trimmed)
                blank = false
            }
        }
        return paragraphs.joined(separator: "\n")
    }

    @Test("random texts without markup equal the plainly written rule")
    func property() {
        let alphabet: [Unicode.Scalar] = ["政", "务", "a", " ", "\u{3000}", "\n", "\t", "\u{0007}", "\u{200B}", "\u{1F600}", "\u{0085}", "1"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let count = Int.random(in: 0..<60, using: &generator)
            let text = String(String.UnicodeScalarView((0..<count).map { _ in alphabet.randomElement(using: &generator)! }))
            #expect(PlainText.sanitize(text) == Self.reference(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
