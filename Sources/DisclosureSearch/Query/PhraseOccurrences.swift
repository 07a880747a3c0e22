/// A phrase's verified occurrences in one segment: the documents holding it, ascending, and how
/// often it stands in each one's title and body. Verifying a common phrase reads the positions of
/// every candidate (信息公开条例: 456,574 documents of a million, 0.4 s), and the answer is a fact
/// of the immutable segment, so it is kept in `SegmentCaches.phrases` and the next query with that
/// phrase — citizens search the same few phrases all day — reads it like a posting list.
///
/// The documents are exact; a count may be a bound (`PhraseCounts.exact` false): a phrase's first
/// search counts its occurrences only in documents that could reach the page, and only checks
/// that the others hold it. A later query that needs one of those counts verifies that document.
struct PhraseOccurrences: Sendable {
    let documents: DocumentBitmap
    let ordinals: [UInt32]
    let titleCounts: [UInt32]
    let bodyCounts: [UInt32]
    /// A bit per entry, set where the counts are bounds; empty when every count is exact.
    let bounded: [UInt64]
    /// Per block of `PostingList.blockSize` entries, so a query of this phrase alone (or a lone
    /// character) ranks it like a posting list, best blocks first (`SegmentMatch.offerBestFirst`).
    let frontiers: BlockFrontiers

    /// `lengths`: the segment's document lengths, by ordinal; `bounded`: see the property.
    init(ordinals: [UInt32], titleCounts: [UInt32], bodyCounts: [UInt32], bounded: [UInt64] = [], lengths: [UInt32]) {
        documents = DocumentBitmap(sorted: ordinals)
        self.ordinals = ordinals
        self.titleCounts = titleCounts
        self.bodyCounts = bodyCounts
        self.bounded = bounded.contains { $0 != 0 } ? bounded : []
        var frontiers = BlockFrontiers()
        for index in ordinals.indices {
            if index % PostingList.blockSize == 0 { frontiers.startBlock() }
            frontiers.add(
                frequency: BM25.weightedFrequency(title: titleCounts[index], body: bodyCounts[index]), length: lengths[Int(ordinals[index])])
        }
        self.frontiers = frontiers
    }

    /// Phrases with fewer candidates in a segment are verified by each query: keeping them would
    /// cost more bookkeeping than the positions they save.
    static let worthKeeping = 32

    var memorySize: Int {
        documents.memorySize + ordinals.count * 12 + bounded.count * 8 + frontiers.frequency.count * 8 + frontiers.starts.count * 8 + 128
    }

    /// The counts of the `index`th document.
    func counts(atIndex index: Int) -> PhraseCounts {
        let exact = bounded.isEmpty || bounded[index >> 6] & (1 << UInt64(index & 63)) == 0
        return PhraseCounts(title: titleCounts[index], body: bodyCounts[index], exact: exact)
    }

    /// Checks the phrase in every candidate (documents holding all its tokens, deleted or not:
    /// the delete set changes, the segment does not), counting it only where that costs nothing
    /// more: a query that needs counts asks for them, and `SegmentMatch.rankWhileVerifying` counts
    /// them for the documents that could reach the page.
    static func verify(in segment: SearchSegment, alternatives: [[Int]], checked: [Int], candidates: DocumentBitmap) -> PhraseOccurrences {
        let verifier = PhraseVerifier(segment, alternatives: alternatives, checked: checked)
        var builder = Builder()
        candidates.forEach { ordinal in
            let counts = verifier.occurrences(at: ordinal, exact: false)
            if counts.total > 0 { builder.append(ordinal, counts) }
            return true
        }
        return builder.built(lengths: segment.lengths)
    }

    /// Collects documents in ascending order with their counts.
    struct Builder {
        private var ordinals: [UInt32] = []
        private var titles: [UInt32] = []
        private var bodies: [UInt32] = []
        private var bounded: [UInt64] = []

        mutating func append(_ ordinal: UInt32, _ counts: PhraseCounts) {
            let index = ordinals.count
            if index & 63 == 0 { bounded.append(0) }
            if !counts.exact { bounded[index >> 6] |= 1 << UInt64(index & 63) }
            ordinals.append(ordinal)
            titles.append(counts.title)
            bodies.append(counts.body)
        }

        /// `lengths`: the segment's document lengths, by ordinal.
        func built(lengths: [UInt32]) -> PhraseOccurrences {
            PhraseOccurrences(ordinals: ordinals, titleCounts: titles, bodyCounts: bodies, bounded: bounded, lengths: lengths)
        }
    }

    /// Reads the counts of documents asked for in ascending order.
    struct Reader {
        let occurrences: PhraseOccurrences
        private var index = 0

        init(_ occurrences: PhraseOccurrences) { self.occurrences = occurrences }

        /// The phrase's counts in the document at `ordinal` (none where it does not occur).
        mutating func counts(at ordinal: UInt32) -> PhraseCounts {
            let ordinals = occurrences.ordinals
            // Gallop: the documents asked for may be a sparse subset (a filtered query).
            var step = 1
            var low = index
            while index + step < ordinals.count && ordinals[index + step] < ordinal {
                low = index + step
                step *= 2
            }
            var high = min(index + step, ordinals.count)
            while low < high {
                let middle = (low + high) / 2
                if ordinals[middle] < ordinal { low = middle + 1 } else { high = middle }
            }
            index = low
            guard index < ordinals.count, ordinals[index] == ordinal else { return .none }
            return occurrences.counts(atIndex: index)
        }
    }
}
