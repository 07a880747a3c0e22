import Foundation

/// The process's caches of values derived from segments, and the serial numbers that key them.
enum SegmentCaches {
    struct TermKey: Hashable {
        let segment: Int
        let term: Int
    }

    struct PhraseKey: Hashable {
        let segment: Int
        /// The phrase's tokens as term ids (several for a prefix token).
        let tokens: [[Int]]
    }

    /// 256 MiB: the bitmaps of a province's most searched terms over a million documents.
    static let termBitmaps = SegmentValueCache<TermKey, DocumentBitmap>(budget: 256 << 20)

    /// 64 MiB: at 12 bytes a match, the verified occurrences of a few hundred common phrases over
    /// a million documents (信息公开条例 alone matches 456,574 of them).
    static let phrases = SegmentValueCache<PhraseKey, PhraseOccurrences>(budget: 64 << 20)

    /// 64 MiB: phrases found through an anchor, over all of a segment's documents holding their
    /// tokens. Found again per query, a phrase whose neighbours miss many documents verified them
    /// at every search, and warm searches by date took longer than with its occurrences kept.
    static let anchoredPhrases = SegmentValueCache<PhraseKey, AnchoredPhrase>(budget: 64 << 20)

    private static let serials = Serials()
    private static let seen = SeenPhrases()

    /// Whether a phrase was asked for before in this segment (and notes that it now was): the
    /// admission test for phrases too costly to verify everywhere on their first query.
    static func seenBefore(_ key: PhraseKey) -> Bool { seen.check(key.hashValue) }

    /// Hashes of the phrases asked for, forgotten all at once past 200,000 (about 3 MiB): a rare
    /// collision only makes a phrase kept one query early.
    private final class SeenPhrases: @unchecked Sendable {
        private let lock = NSLock()
        private var hashes = Set<Int>()

        func check(_ hash: Int) -> Bool {
            lock.withLock {
                if hashes.count >= 200_000 { hashes.removeAll(keepingCapacity: true) }
                return !hashes.insert(hash).inserted
            }
        }
    }

    /// A number no other segment of this process has, to key its cached values.
    static func newSegment() -> Int { serials.next() }

    private final class Serials: @unchecked Sendable {
        private let lock = NSLock()
        private var last = 0

        func next() -> Int {
            lock.withLock {
                last += 1
                return last
            }
        }
    }
}
