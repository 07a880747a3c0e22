/// Per block of postings, the (weighted frequency, length) pairs of its documents that no other
/// document of the block beats on both — the block's Pareto frontier. BM25's factor grows with
/// the frequency and shrinks with the length whatever the collection's average length, so the
/// block's best factor is one of its frontier's: an exact block maximum for any collection
/// statistics, which block-max pruning needs. The largest frequency with the smallest length,
/// taken from two different documents, bounded 政府's blocks so loosely that a search for it
/// scored all million documents. A block's frontier is a handful of pairs.
struct BlockFrontiers: Equatable, Sendable {
    /// Block `b`'s pairs are `frequency[starts[b]..<starts[b + 1]]` with the same range of
    /// `length` (one start per block, then the end).
    var starts: [Int] = [0]
    var frequency: [Float] = []
    var length: [UInt32] = []

    var blockCount: Int { starts.count - 1 }

    /// Opens the next block.
    mutating func startBlock() { starts.append(frequency.count) }

    /// Adds a document of the last block, unless another beats it on both counts; the ones it
    /// beats leave.
    mutating func add(frequency newFrequency: Float, length newLength: UInt32) {
        let start = starts[starts.count - 2]
        // Usually a pair already there beats the new one: found by reading alone, since a write
        // to the arrays checks their uniqueness (a tenth of index building when every pair was
        // moved while looking).
        for pair in start..<frequency.count where frequency[pair] >= newFrequency && length[pair] <= newLength { return }
        var kept = start
        for pair in start..<frequency.count {
            if frequency[pair] <= newFrequency && length[pair] >= newLength { continue }
            if kept != pair {
                frequency[kept] = frequency[pair]
                length[kept] = length[pair]
            }
            kept += 1
        }
        if kept < frequency.count {
            frequency.removeLast(frequency.count - kept)
            length.removeLast(length.count - kept)
        }
        frequency.append(newFrequency)
        length.append(newLength)
        starts[starts.count - 1] = frequency.count
    }

    /// Appends another's blocks after this one's.
    mutating func append(_ other: BlockFrontiers) {
        let shift = frequency.count
        starts.removeLast()
        starts.append(contentsOf: other.starts.map { $0 + shift })
        frequency.append(contentsOf: other.frequency)
        length.append(contentsOf: other.length)
    }

    /// The best BM25 factor any document of the block has under `averageLength`.
    func bound(ofBlock block: Int, averageLength: Float) -> Float {
        var best: Float = 0
        for pair in starts[block]..<starts[block + 1] {
            best = max(best, BM25.factor(frequency: frequency[pair], length: length[pair], averageLength: averageLength))
        }
        return best
    }

    /// The blocks, best first under `averageLength`, with their bounds times `weight` (the idf).
    func blocksBestFirst(averageLength: Float, weight: Float) -> (order: [Int], bounds: [Float]) {
        let bounds = (0..<blockCount).map { bound(ofBlock: $0, averageLength: averageLength) * weight }
        return (bounds.indices.sorted { bounds[$0] > bounds[$1] }, bounds)
    }
}
