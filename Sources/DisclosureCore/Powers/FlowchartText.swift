/// Width estimates and line wrapping for the flowchart's text. Chinese characters are set a full
/// em wide and Latin letters and digits about 0.6 em, which is close enough for common CJK fonts to
/// keep every line inside its box.
enum FlowchartText {
    static func width(_ text: String, fontSize: Double) -> Double {
        text.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 1.0 : 0.6) } * fontSize
    }

    static func isWide(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x2E80 }

    /// Closing punctuation that must not start a line.
    static let closing: Set<Character> = ["，", "。", "、", "；", "：", "）", "》", "」", "！", "？", ")", ",", "."]

    /// Greedy wrap: characters fill a line up to `maxWidth`; closing punctuation hangs on the line before.
    static func wrap(_ text: String, maxWidth: Double, fontSize: Double) -> [String] {
        var lines: [String] = []
        var line = ""
        for character in text {
            let candidate = line + String(character)
            if !line.isEmpty, width(candidate, fontSize: fontSize) > maxWidth, !closing.contains(character) {
                lines.append(line)
                line = String(character)
            } else {
                line = candidate
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

}
