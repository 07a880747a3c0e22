/// A phrase's verified occurrences in one segment: the documents holding it, ascending, and how
/// often it stands in each one's title and body. Verifying a common phrase reads the positions of
/// every candidate (信息公开条例: 456,574 documents of a million, 0.4 s), and the answer is a fact
/// of the immutable segment, so it is kept in `SegmentCaches.phrases` and the next query with that
/// phrase — citizens search the same few phrases all day — reads it like a posting list.
struct PhraseOccurrences: Sendable {
    let documents: DocumentBitmap
    let ordinals: [UInt32]
    let titleCounts: [UInt32]
    let bodyCounts: [UInt32]
    /// Per block of `PostingList.blockSize` entries, so a query of this phrase alone (or a lone
    /// character) ranks it like a posting list, best blocks first (`SegmentMatch.offerBestFirst`).
    let frontiers: BlockFrontiers

    /// `lengths`: the segment's document lengths, by ordinal.
    init(ordinals: [UInt32], titleCounts: [UInt32], bodyCounts: [UInt32], lengths: [UInt32]) {
        documents = DocumentBitmap(sorted: ordinals)
        self.ordinals = ordinals
        self.titleCounts = titleCounts
        self.bodyCounts = bodyCounts
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

    var memorySize: Int { documents.memorySize + ordinals.count * 12 + frontiers.frequency.count * 8 + frontiers.starts.count * 8 + 128 }

    /// Verifies the phrase in every candidate (documents holding all its tokens, deleted or not:
    /// the delete set changes, the segment does not).
    static func verify(in segment: SearchSegment, alternatives: [[Int]], checked: [Int], candidates: DocumentBitmap) -> PhraseOccurrences {
        let verifier = PhraseVerifier(segment, alternatives: alternatives, checked: checked)
        var ordinals: [UInt32] = []
        var titles: [UInt32] = []
        var bodies: [UInt32] = []
        candidates.forEach { ordinal in
            let (title, body) = verifier.occurrences(at: ordinal)
            if title + body > 0 {
                ordinals.append(ordinal)
                titles.append(title)
                bodies.append(body)
            }
            return true
        }
        return PhraseOccurrences(ordinals: ordinals, titleCounts: titles, bodyCounts: bodies, lengths: segment.lengths)
    }

    /// Reads the counts of documents asked for in ascending order.
    struct Reader {
        let occurrences: PhraseOccurrences
        private var index = 0

        init(_ occurrences: PhraseOccurrences) { self.occurrences = occurrences }

        /// The phrase's counts in the document at `ordinal` ((0, 0) where it does not occur).
        mutating func counts(at ordinal: UInt32) -> (title: UInt32, body: UInt32) {
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
            guard index < ordinals.count, ordinals[index] == ordinal else { return (0, 0) }
            return (occurrences.titleCounts[index], occurrences.bodyCounts[index])
        }
    }
}
