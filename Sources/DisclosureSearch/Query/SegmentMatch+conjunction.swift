/// Several phrases, each counted by one posting list — a one-term token, or an anchored phrase in
/// the documents where its anchor's counts are its own — ranked by block maxima. The matches are
/// already known (the bitmaps), so only the page needs scores: the rarest list's blocks are
/// visited best first, each bounded by its own maximum plus, for every other list, the best block
/// maximum among that list's blocks covering the same ordinals, and the visit stops at the first
/// block whose bound cannot enter the top list. 工作 信息 (in nine documents of ten each) was
/// scored in every one of them: 90 ms a first search at a million documents.
extension SegmentMatch {
    /// How one phrase of the query is counted, when every phrase can be.
    struct CountedBy {
        let list: PostingList
        /// Set for an anchored phrase: its documents whose counts are not the anchor's.
        let anchored: AnchoredPhrase?
    }

    /// Offers the best of `matches`, each phrase counted by `countedBy` (in phrase order).
    func offerConjunction(_ countedBy: [CountedBy], matches: DocumentBitmap, idf: [Float], averageLength: Float, to top: inout TopScores) {
        // Documents where an anchored phrase was verified: scored one by one, exactly.
        var aside = DocumentBitmap()
        for phrase in countedBy.compactMap(\.anchored) where !phrase.verified.isEmpty {
            aside = aside.union(DocumentBitmap(sorted: phrase.verified.map(\.ordinal)).intersection(matches))
        }
        if !aside.isEmpty {
            var cursors = countedBy.map { PostingCursor($0.list) }
            var readers = countedBy.map { $0.anchored.map { AnchoredPhrase.Reader($0, in: segment) } }
            aside.forEach { ordinal in
                var score: Float = 0
                for index in countedBy.indices {
                    let counts: PhraseCounts
                    if readers[index] != nil {
                        counts = readers[index]!.counts(at: ordinal)
                    } else {
                        cursors[index].advance(to: ordinal)
                        counts = PhraseCounts(title: cursors[index].titleCount, body: cursors[index].bodyCount, exact: true)
                    }
                    score += counts.score(idf: idf[index], length: segment.lengths[Int(ordinal)], averageLength: averageLength)
                }
                offer(ordinal, score: score, to: &top)
                return true
            }
        }
        let within = aside.isEmpty ? matches : matches.subtracting(aside)
        let lists = countedBy.map(\.list)
        let driver = lists.indices.min { lists[$0].count < lists[$1].count }!
        let bounds = lists.indices.map { index in
            (0..<lists[index].blockCount).map { lists[index].bound(ofBlock: $0, averageLength: averageLength) * idf[index] }
        }
        let driving = lists[driver]
        // Each driver block's bound: its own, plus each other list's best over the same ordinals,
        // summed in phrase order as a score is (so rounding keeps the bound above every score).
        var upper = [Float](repeating: 0, count: driving.blockCount)
        for block in 0..<driving.blockCount {
            let first = block == 0 ? 0 : driving.blockLast[block - 1] + 1
            var sum: Float = 0
            for index in lists.indices {
                sum +=
                    index == driver
                    ? bounds[index][block] : Self.best(bounds[index], of: lists[index], from: first, through: driving.blockLast[block])
            }
            upper[block] = sum
        }
        var cursors = lists.map(PostingCursor.init)
        let lengths = segment.lengths
        for block in upper.indices.sorted(by: { upper[$0] > upper[$1] }) {
            if top.isFull && PhraseCounts.surely(upper[block], below: top.threshold) { return }
            cursors[driver].enter(block: block)
            for entry in 0..<driving.entries(inBlock: block) {
                if entry > 0 { cursors[driver].next() }
                let ordinal = cursors[driver].ordinal
                guard within.contains(ordinal) else { continue }
                var score: Float = 0
                for index in lists.indices {
                    if index != driver { cursors[index].seek(to: ordinal) }
                    let counts = PhraseCounts(title: cursors[index].titleCount, body: cursors[index].bodyCount, exact: true)
                    score += counts.score(idf: idf[index], length: lengths[Int(ordinal)], averageLength: averageLength)
                }
                offer(ordinal, score: score, to: &top)
            }
        }
    }

    /// The best of a list's block bounds among its blocks holding ordinals in `first...last`.
    static func best(_ bounds: [Float], of list: PostingList, from first: UInt32, through last: UInt32) -> Float {
        var low = 0
        var high = list.blockCount
        while low < high {
            let middle = (low + high) / 2
            if list.blockLast[middle] < first { low = middle + 1 } else { high = middle }
        }
        var best: Float = 0
        var block = low
        while block < list.blockCount && (block == low || list.blockLast[block - 1] < last) {
            best = max(best, bounds[block])
            block += 1
        }
        return best
    }
}
