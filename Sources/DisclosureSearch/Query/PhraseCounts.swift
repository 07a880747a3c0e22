/// How often a phrase stands in one document's title and body: exact, or, when only whether it
/// occurs was checked, the most it could (`exact` false) — from its tokens' counts, which the
/// postings hold without positions.
struct PhraseCounts: Equatable, Sendable {
    var title: UInt32
    var body: UInt32
    var exact: Bool

    static let none = PhraseCounts(title: 0, body: 0, exact: true)

    var total: UInt32 { title + body }

    /// The phrase's BM25 share of the document's score, as every path computes it (so an exact
    /// count scores the same wherever it was counted).
    func score(idf: Float, length: UInt32, averageLength: Float) -> Float {
        idf * BM25.factor(frequency: BM25.weightedFrequency(title: title, body: body), length: length, averageLength: averageLength)
    }

    /// Whether a score made from bounds is surely below `threshold`. The bound's frequency is at
    /// least the exact one, and BM25's factor grows with it; the margin covers the rounding of
    /// two nearly equal factors, so a document is never dropped that would tie or win.
    static func surely(_ bound: Float, below threshold: Float) -> Bool { bound + abs(bound) * 1e-5 < threshold }
}
