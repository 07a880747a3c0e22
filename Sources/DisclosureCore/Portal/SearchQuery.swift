/// A citizen's query: space-separated terms, each of which must occur as written (AND of
/// substrings, the semantics of the benchmark in `../shared/bench/README.md`). Any bytes are
/// accepted; control characters and index syntax are not interpreted, only tokens are.
public struct SearchQuery: Equatable, Sendable {
    /// A token of a term; `prefix` marks a final token that may continue in the document.
    public struct Token: Equatable, Sendable {
        public let text: String
        public let prefix: Bool
    }

    /// The terms as typed (cleaned), for highlighting and display.
    public let terms: [String]
    /// For each term, its token phrase.
    public let phrases: [[Token]]

    public static let maxLength = 100
    public static let maxTerms = 8

    public var isEmpty: Bool { phrases.isEmpty }

    public init(_ raw: String) {
        let cleaned = String(raw.unicodeScalars.prefix(Self.maxLength * 4).map { PlainText.isControl($0) ? " " : Character($0) })
        var terms: [String] = []
        var phrases: [[Token]] = []
        for piece in cleaned.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "\t" }).prefix(Self.maxTerms * 2) {
            let term = String(piece.prefix(Self.maxLength))
            let phrase = Self.phrase(term)
            guard !phrase.isEmpty, !terms.contains(term) else { continue }
            terms.append(term)
            phrases.append(phrase)
            if phrases.count == Self.maxTerms { break }
        }
        self.terms = terms
        self.phrases = phrases
    }

    /// The tokens a term must match in sequence. A run inside the term must match a whole run of
    /// the document, so it brings its edge unigrams; the term's first run may start inside a
    /// document run (no leading unigram) and its last may continue (no closing unigram, and a
    /// final word is a prefix: `20` finds `2025`). A lone character is a prefix of its bigrams.
    static func phrase(_ term: String) -> [Token] {
        var runs: [(SearchTokenizer.Kind, [Unicode.Scalar])] = []
        SearchTokenizer.forEachRun(in: term) { runs.append(($0, $1)) }
        var tokens: [Token] = []
        func text(_ scalars: some Sequence<Unicode.Scalar>) -> String {
            var string = ""
            string.unicodeScalars.append(contentsOf: scalars)
            return string
        }
        for (position, (kind, run)) in runs.enumerated() {
            let first = position == 0
            let last = position == runs.count - 1
            switch kind {
            case .cjk:
                if run.count == 1 {
                    // Alone: anywhere in a run. Otherwise it must start or end (or be) a document run.
                    tokens.append(Token(text: text(run), prefix: first && last))
                    continue
                }
                if !first { tokens.append(Token(text: text(run.prefix(1)), prefix: false)) }
                for index in 0..<(run.count - 1) { tokens.append(Token(text: text(run[index...index + 1]), prefix: false)) }
                if !last { tokens.append(Token(text: text(run.suffix(1)), prefix: false)) }
            case .word:
                tokens.append(Token(text: text(run.prefix(SearchTokenizer.maxWordLength)), prefix: last && run.count < SearchTokenizer.maxWordLength))
            case .separator:
                break
            }
        }
        return tokens
    }

    /// FTS5 MATCH expression: each term a quoted phrase (`"政务 务公 公开"`, `"税" *`), ANDed.
    /// Tokens contain only letters and digits, so nothing the user typed can become FTS syntax.
    public var fts5Expression: String {
        phrases.map { phrase in
            let body = "\"" + phrase.map(\.text).joined(separator: " ") + "\""
            return phrase.last?.prefix == true ? body + " *" : body
        }.joined(separator: " AND ")
    }

    /// PostgreSQL `to_tsquery('simple', …)` text: `'政务' <-> '务公' <-> '公开' & '税':*`.
    public var tsqueryExpression: String {
        phrases.map { phrase in
            let parts = phrase.map { "'" + $0.text + "'" + ($0.prefix ? ":*" : "") }
            return parts.count == 1 ? parts[0] : "(" + parts.joined(separator: " <-> ") + ")"
        }.joined(separator: " & ")
    }
}
