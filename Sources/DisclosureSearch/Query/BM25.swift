import Foundation

/// Okapi BM25 with the title weighted (as the portal ranked with FTS5's `bm25(…, 4.0, 1.0)`): a
/// term's frequency in a document is 4 × its title occurrences + its body occurrences.
enum BM25 {
    static let k1: Float = 1.2
    static let b: Float = 0.75
    static let titleWeight: Float = 4

    static func weightedFrequency(title: UInt32, body: UInt32) -> Float { titleWeight * Float(title) + Float(body) }

    /// The term-frequency factor, which block maxima bound.
    static func factor(frequency: Float, length: UInt32, averageLength: Float) -> Float {
        guard frequency > 0 else { return 0 }
        let norm = k1 * (1 - b + b * Float(length) / max(averageLength, 1))
        return frequency * (k1 + 1) / (frequency + norm)
    }

    /// Inverse document frequency of something `matching` of `total` documents contain.
    static func idf(matching: Int, total: Int) -> Float {
        Float(log(1 + (Double(total - matching) + 0.5) / (Double(matching) + 0.5)))
    }
}
