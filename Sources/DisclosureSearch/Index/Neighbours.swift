/// For the terms in many of a segment's documents: the term that stands right before them (and
/// right after them) nearly everywhere, and the documents where, at least once, it does not — the
/// misses. A Chinese word's middle bigram nearly always stands inside the word: 福感 after 幸福,
/// 府工 between 政府 and 工作. Outside its misses, every occurrence of such a token is an
/// occurrence of the word, so the word's documents and counts there are the token's own, with no
/// positions to read (`AnchoredPhrase`). A common word's first search verified hundreds of
/// thousands of documents for that.
///
/// Kept only for terms in at least `threshold(documents:)` documents, and only where the misses
/// are at most a fourth of them. This is the form a segment is built with; a segment reads them in
/// place from its file (`NeighbourTable`).
struct Neighbours: Sendable, Equatable {
    struct Link: Sendable, Equatable {
        /// The neighbour's term id in the segment.
        let term: Int
        let misses: DocumentBitmap
    }

    /// Term id → the term right before it, and the documents where it is not.
    var before: [Int: Link] = [:]
    /// Term id → the term right after it, and the documents where it is not.
    var after: [Int: Link] = [:]

    /// A phrase with fewer candidates is verified on positions at little cost; a segment's
    /// documents over 64 (a small segment keeps them for most of its terms, which the tests use).
    static func threshold(documents: Int) -> Int { max(2, min(256, documents / 64)) }

    /// Misses beyond this share of a term's documents save too little verification to be kept.
    static func worthKeeping(misses: Int, documents: Int) -> Bool { misses * 4 <= documents }
}

extension Neighbours {
    /// One ordinal range of a segment being built: its tracker and how its local term ids map to
    /// the segment's.
    struct Range {
        let ordinals: Swift.Range<UInt32>
        let tracker: NeighbourTracker
        /// Segment term id → this range's id (-1 where the range lacks the term).
        let local: [Int32]
        /// This range's id → segment term id.
        let segment: [Int]
    }

    /// The neighbours of the segment's terms from its ranges' trackers (finished), where
    /// `postings[term]` is the term's complete list. Each side takes the neighbour of the range
    /// holding most of the term's documents; every document of a range that followed another
    /// neighbour, or none, counts as a miss, as do a range's documents below its `since`.
    static func gather(ranges: [Range], postings: [PostingList.Parts], documents: Int) -> Neighbours {
        var neighbours = Neighbours()
        let threshold = threshold(documents: documents)
        for term in postings.indices where postings[term].count >= threshold {
            let ordinals = entryOrdinals(postings[term])
            for before in [true, false] {
                if let link = link(of: term, before: before, ranges: ranges, ordinals: ordinals) {
                    if before { neighbours.before[term] = link } else { neighbours.after[term] = link }
                }
            }
        }
        return neighbours
    }

    /// `ordinals`: the term's documents.
    private static func link(of term: Int, before: Bool, ranges: [Range], ordinals: [UInt32]) -> Link? {
        var outcomes: [(range: Range, outcome: NeighbourTracker.Outcome, documents: Int)] = []
        for range in ranges where range.local[term] >= 0 {
            let outcome = range.tracker.outcome(of: range.local[term], before: before)
            let inRange = ordinals.count(where: { range.ordinals.contains($0) })
            outcomes.append((range, outcome, inRange))
        }
        let chosen = outcomes.filter { $0.outcome.neighbour != nil }.max { $0.documents < $1.documents }
        guard let chosen, let local = chosen.outcome.neighbour else { return nil }
        let neighbour = chosen.range.segment[Int(local)]
        var misses: [UInt32] = []
        for (range, outcome, _) in outcomes {
            let agrees = outcome.neighbour.map { range.segment[Int($0)] == neighbour } ?? false
            let since = agrees ? outcome.since : range.ordinals.upperBound
            misses += ordinals.filter { range.ordinals.contains($0) && $0 < since }
            if agrees { misses += outcome.misses }
        }
        misses.sort()
        guard worthKeeping(misses: misses.count, documents: ordinals.count) else { return nil }
        return Link(term: neighbour, misses: DocumentBitmap(sorted: misses))
    }

    /// The ordinals of a finished list's entries, in order.
    private static func entryOrdinals(_ postings: PostingList.Parts) -> [UInt32] {
        var ordinals: [UInt32] = []
        ordinals.reserveCapacity(postings.count)
        var entry = PostingList.Entry()
        var offset = 0
        postings.bytes.withUnsafeBufferPointer { bytes in
            for index in 0..<postings.count {
                entry.decode(bytes, &offset, first: index % PostingList.blockSize == 0)
                ordinals.append(entry.ordinal)
            }
        }
        return ordinals
    }
}
