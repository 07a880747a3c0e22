/// Turns text into search tokens (DESIGN §4): each CJK run becomes its first character, its
/// overlapping bigrams and its last character (`县政府` → `县 县政 政府 府`); Latin and digit runs
/// become lowercased words.
///
/// Why bigrams: most Chinese words are two characters and trigram indexes cannot find them
/// (spec/stack.md §2). Why the edge unigrams: a query whose Chinese part must start or end a run
/// (`2024年` = a number followed by a run starting with 年) becomes an exact phrase instead of a
/// prefix that merges every bigram starting with 年; and a one-character query is a prefix that
/// finds every occurrence (a bigram starting with it, or the run's last character).
/// Tokens hold only letters and digits, so they pass FTS5's unicode61 and PostgreSQL's `simple`
/// configuration unchanged when joined with spaces.
public enum SearchTokenizer {
    enum Kind { case cjk, word, separator }

    /// One run of same-kind characters in order of appearance.
    struct Run {
        let kind: Kind
        var scalars: [Unicode.Scalar]
    }

    public static let maxWordLength = 40

    /// The document tokens joined by single spaces, ready for the full-text index.
    public static func indexText(_ text: String) -> String {
        // A UTF-8 byte buffer: appending scalars to a String one by one is slow in bulk imports.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 3)
        // A static function taking `out` inout, not a local one capturing it: a captured variable
        // is boxed and every append checked for exclusive access at run time (a sixth of an
        // import's time in `perf`).
        forEachRun(in: text) { kind, run in
            switch kind {
            case .cjk:
                if run.count > 1 {
                    if !out.isEmpty { out.append(0x20) }
                    put(run[0], into: &out)
                }
                for index in run.indices {
                    if !out.isEmpty { out.append(0x20) }
                    put(run[index], into: &out)
                    if index + 1 < run.count { put(run[index + 1], into: &out) }
                }
            case .word:
                if !out.isEmpty { out.append(0x20) }
                for scalar in run.prefix(maxWordLength) { put(scalar, into: &out) }
            case .separator:
                break
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Calls `body` with the UTF-8 bytes of each token `indexText` would join, in order: building
    /// an index needs the tokens, not a joined string it would split again (an eighth of a
    /// million-document build went to making and re-scanning those strings).
    public static func forEachToken(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var token: [UInt8] = []
        token.reserveCapacity(4 * maxWordLength)
        forEachRun(in: text) { kind, run in
            switch kind {
            case .cjk:
                if run.count > 1 {
                    token.removeAll(keepingCapacity: true)
                    put(run[0], into: &token)
                    token.withUnsafeBufferPointer(body)
                }
                for index in run.indices {
                    token.removeAll(keepingCapacity: true)
                    put(run[index], into: &token)
                    if index + 1 < run.count { put(run[index + 1], into: &token) }
                    token.withUnsafeBufferPointer(body)
                }
            case .word:
                token.removeAll(keepingCapacity: true)
                for scalar in run.prefix(maxWordLength) { put(scalar, into: &token) }
                token.withUnsafeBufferPointer(body)
            case .separator:
                break
            }
        }
    }

    @inline(__always)
    static func put(_ scalar: Unicode.Scalar, into out: inout [UInt8]) {
        let value = scalar.value
        switch value {
        case 0..<0x80:
            out.append(UInt8(value))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | value >> 6))
            out.append(UInt8(0x80 | value & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | value >> 12))
            out.append(UInt8(0x80 | value >> 6 & 0x3F))
            out.append(UInt8(0x80 | value & 0x3F))
        default:
            out.append(UInt8(0xF0 | value >> 18))
            out.append(UInt8(0x80 | value >> 12 & 0x3F))
            out.append(UInt8(0x80 | value >> 6 & 0x3F))
            out.append(UInt8(0x80 | value & 0x3F))
        }
    }

    /// The tokens of `text` as an array (tests and highlighting use it).
    public static func tokens(_ text: String) -> [String] {
        indexText(text).split(separator: " ").map(String.init)
    }

    /// Calls `body` with each CJK or word run (words lowercased and fullwidth forms folded).
    static func forEachRun(in text: String, _ body: (Kind, [Unicode.Scalar]) -> Void) {
        var current: [Unicode.Scalar] = []
        var currentKind = Kind.separator
        for raw in text.unicodeScalars {
            let scalar = fold(raw)
            let kind = classify(scalar)
            if kind != currentKind {
                if currentKind != .separator && !current.isEmpty { body(currentKind, current) }
                current.removeAll(keepingCapacity: true)
                currentKind = kind
            }
            if kind != .separator { current.append(scalar) }
        }
        if currentKind != .separator && !current.isEmpty { body(currentKind, current) }
    }

    /// Whether a (folded) character is one that CJK runs are made of.
    public static func isCJK(_ scalar: Unicode.Scalar) -> Bool { classify(scalar) == .cjk }

    static func classify(_ scalar: Unicode.Scalar) -> Kind {
        switch scalar.value {
        case 0x30...0x39, 0x61...0x7A: return .word
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F, 0x3007: return .cjk
        case 0...0x7F: return .separator
        default:
            // Other scripts' letters and digits (é, ß, Ⅱ) count as word characters; punctuation does not.
            return scalar.properties.isAlphabetic || scalar.properties.numericType != nil ? .word : .separator
        }
    }

    /// Lowercases ASCII and folds fullwidth ASCII letters and digits (２０２５ → 2025).
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        var value = scalar.value
        // Chinese characters have no case: skip the Unicode property lookup, which was the most
        // expensive step of tokenizing.
        if (0x3400...0x9FFF).contains(value) { return scalar }
        if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }
        if (0x41...0x5A).contains(value) { value += 0x20 }
        if value == scalar.value {
            return scalar.properties.isUppercase ? (scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar) : scalar
        }
        return Unicode.Scalar(value) ?? scalar
    }
}
