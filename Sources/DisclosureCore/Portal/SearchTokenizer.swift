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
    ///
    /// It walks the text's UTF-8 itself instead of collecting runs of scalars: a CJK character is
    /// never folded, so each CJK token is a slice of the text's own bytes and is handed over
    /// without copying; only words, which fold, are encoded into a small buffer. Collecting runs
    /// into arrays and encoding every token again was two fifths of tokenizing in a bulk import.
    public static func forEachToken(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { utf8 in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4 * maxWordLength) { word in
                forEachToken(utf8: utf8, word: word, body)
            }
        }
    }

    private static func forEachToken(
        utf8: UnsafeBufferPointer<UInt8>, word: UnsafeMutableBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        // The CJK run so far: its length and where its last character starts and ends.
        var runLength = 0
        var lastStart = 0
        var lastEnd = 0
        // The word so far: its bytes, its characters (a word is cut at `maxWordLength`), and
        // whether one is open.
        var wordBytes = 0
        var wordLength = 0
        var inWord = false
        var index = 0
        while index < utf8.count {
            let start = index
            let scalar = fold(decodeScalar(utf8, &index))
            let kind = classify(scalar)
            if kind != .cjk && runLength > 0 {
                // A run ends with its last character alone.
                body(UnsafeBufferPointer(rebasing: utf8[lastStart..<lastEnd]))
                runLength = 0
            }
            if kind != .word && inWord {
                body(UnsafeBufferPointer(rebasing: word[0..<wordBytes]))
                inWord = false
            }
            switch kind {
            case .cjk:
                // A run of two or more starts with its first character alone, then each pair.
                if runLength == 1 { body(UnsafeBufferPointer(rebasing: utf8[lastStart..<lastEnd])) }
                if runLength >= 1 { body(UnsafeBufferPointer(rebasing: utf8[lastStart..<index])) }
                runLength += 1
                lastStart = start
                lastEnd = index
            case .word:
                if !inWord {
                    inWord = true
                    wordBytes = 0
                    wordLength = 0
                }
                if wordLength < maxWordLength {
                    wordBytes += write(scalar, to: word.baseAddress! + wordBytes)
                    wordLength += 1
                }
            case .separator:
                break
            }
        }
        if runLength > 0 { body(UnsafeBufferPointer(rebasing: utf8[lastStart..<lastEnd])) }
        if inWord { body(UnsafeBufferPointer(rebasing: word[0..<wordBytes])) }
    }

    /// The scalar whose UTF-8 starts at `index` (a `String`'s UTF-8 is always valid), moving past it.
    @inline(__always)
    private static func decodeScalar(_ utf8: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Unicode.Scalar {
        let lead = UInt32(utf8[index])
        var value: UInt32
        var continuation: Int
        switch lead {
        case 0..<0x80: value = lead; continuation = 0
        case 0..<0xE0: value = lead & 0x1F; continuation = 1
        case 0..<0xF0: value = lead & 0x0F; continuation = 2
        default: value = lead & 0x07; continuation = 3
        }
        index += 1
        for _ in 0..<continuation {
            value = value << 6 | UInt32(utf8[index] & 0x3F)
            index += 1
        }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// Writes the scalar's UTF-8 at `out` (room for four bytes); returns how many bytes.
    @inline(__always)
    private static func write(_ scalar: Unicode.Scalar, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var count = 0
        UTF8.encode(scalar) { byte in
            out[count] = byte
            count += 1
        }
        return count
    }

    @inline(__always)
    static func put(_ scalar: Unicode.Scalar, into out: inout [UInt8]) {
        UTF8.encode(scalar) { out.append($0) }
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
            return CharacterTable.isWordCharacter(scalar) ? .word : .separator
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
            return CharacterTable.isUppercase(scalar) ? (scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar) : scalar
        }
        return Unicode.Scalar(value) ?? scalar
    }
}
