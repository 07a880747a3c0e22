/// One term's postings: for each document containing it, in ordinal order, how often it occurs in
/// the title and in the body (packed in one integer) and at which token positions. Entries are gap-encoded variable-byte
/// integers in blocks of up to `blockSize`; each block records where it starts, its entry count,
/// its last ordinal (to skip it), and its largest weighted frequency and shortest document, which
/// bound the BM25 factor of every document in it for any collection statistics (to skip it when
/// none of them could enter the top results: block-max pruning).
///
/// A class, so the cursors verification copies around share one reference instead of retaining
/// six arrays each; it is only mutated while a `PostingWriter` builds it, never after.
final class PostingList: @unchecked Sendable {
    static let blockSize = 128

    var blockOffsets: [Int] = []
    var blockCounts: [UInt16] = []
    var blockLast: [UInt32] = []
    var blockMaxFrequency: [Float] = []
    var blockMinLength: [UInt32] = []
    var bytes: [UInt8] = []
    var count = 0

    var blockCount: Int { blockOffsets.count }

    func entries(inBlock block: Int) -> Int { Int(blockCounts[block]) }

    /// The largest BM25 factor any document of the block can have under `averageLength`: BM25's
    /// factor grows with the frequency and shrinks with the document's length.
    func bound(ofBlock block: Int, averageLength: Float) -> Float {
        BM25.factor(frequency: blockMaxFrequency[block], length: blockMinLength[block], averageLength: averageLength)
    }
}

/// Builds one term's posting list entry by entry, in ordinal order.
struct PostingWriter: Sendable {
    private(set) var list = PostingList()
    private var previous: UInt32 = 0

    mutating func append(ordinal: UInt32, titleCount: UInt32, bodyCount: UInt32, positions: some Collection<UInt32>, length: UInt32) {
        let first = list.blockCounts.last.map { Int($0) == PostingList.blockSize } ?? true
        if first {
            list.blockOffsets.append(list.bytes.count)
            list.blockCounts.append(0)
            list.blockLast.append(ordinal)
            list.blockMaxFrequency.append(0)
            list.blockMinLength.append(.max)
        }
        let block = list.blockCount - 1
        list.blockCounts[block] += 1
        list.blockLast[block] = ordinal
        list.blockMaxFrequency[block] = max(list.blockMaxFrequency[block], BM25.weightedFrequency(title: titleCount, body: bodyCount))
        list.blockMinLength[block] = min(list.blockMinLength[block], length)
        // The first entry of a block stores its ordinal whole, so a block decodes on its own.
        VarInt.append(first ? ordinal : ordinal - previous, to: &list.bytes)
        previous = ordinal
        // Both counts in one integer: the title count (nearly always 0, 1 or 2) in the low two
        // bits, 3 meaning "3 or more, the rest follows"; this saves a byte on most entries.
        VarInt.append(bodyCount << 2 | min(titleCount, 3), to: &list.bytes)
        if titleCount >= 3 { VarInt.append(titleCount - 3, to: &list.bytes) }
        var last: UInt32 = 0
        var isFirstPosition = true
        for position in positions {
            VarInt.append(isFirstPosition ? position : position - last, to: &list.bytes)
            last = position
            isFirstPosition = false
        }
        list.count += 1
    }

    /// Appends another writer's entries, all of them after this one's (the next ordinal range).
    mutating func append(_ other: PostingWriter) {
        let shift = list.bytes.count
        list.bytes.append(contentsOf: other.list.bytes)
        list.blockOffsets.append(contentsOf: other.list.blockOffsets.map { $0 + shift })
        list.blockCounts.append(contentsOf: other.list.blockCounts)
        list.blockLast.append(contentsOf: other.list.blockLast)
        list.blockMaxFrequency.append(contentsOf: other.list.blockMaxFrequency)
        list.blockMinLength.append(contentsOf: other.list.blockMinLength)
        list.count += other.list.count
        previous = other.previous
    }
}
