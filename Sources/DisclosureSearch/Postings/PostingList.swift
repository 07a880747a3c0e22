/// One term's postings: for each document containing it, in ordinal order, how often it occurs in
/// the title and in the body (packed in one integer), and at which token positions. Entries are
/// gap-encoded variable-byte integers in blocks of up to `blockSize`; each block records where it
/// starts, its entry count, its last ordinal (to skip it), and its frontier of (weighted
/// frequency, length) pairs, whose best BM25 factor is the block's (`BlockFrontiers`: block-max
/// pruning with exact block maxima).
///
/// The positions are a stream of their own beside the entries, with each block's start in it:
/// counting a term's documents, making its bitmap or scoring it never reads them, and only phrase
/// verification does, for its candidates. With the positions inline, making the bitmap of 政府
/// read every byte of its postings, and at a million documents a few thousand queries had pulled
/// nearly the whole 3 GiB index into memory.
///
final class PostingList: @unchecked Sendable {
    static let blockSize = 128

    let blockOffsets: [Int]
    let blockCounts: [UInt16]
    let blockLast: [UInt32]
    let frontiers: BlockFrontiers
    /// Where each block's positions start in `positions`.
    let blockPositionOffsets: [Int]
    let bytes: UnsafeBufferPointer<UInt8>
    let positions: UnsafeBufferPointer<UInt8>
    let count: Int
    private let storage: SegmentBytes

    /// The fields as a writer collects them.
    struct Parts: Sendable {
        var blockOffsets: [Int] = []
        var blockCounts: [UInt16] = []
        var blockLast: [UInt32] = []
        var frontiers = BlockFrontiers()
        var blockPositionOffsets: [Int] = []
        var bytes: [UInt8] = []
        var positions: [UInt8] = []
        var count = 0
    }

    static let empty = PostingList(Parts())

    // Immutable (`let`): a read of a class's `var` is checked for exclusive access at run time,
    // and verification reads these for every entry it decodes.
    init(_ parts: Parts, bytes: UnsafeBufferPointer<UInt8>, positions: UnsafeBufferPointer<UInt8>, storage: SegmentBytes) {
        blockOffsets = parts.blockOffsets
        blockCounts = parts.blockCounts
        blockLast = parts.blockLast
        frontiers = parts.frontiers
        blockPositionOffsets = parts.blockPositionOffsets
        count = parts.count
        self.bytes = bytes
        self.positions = positions
        self.storage = storage
    }

    /// A list over a copy of a writer's bytes (tests).
    convenience init(_ parts: Parts) {
        let storage = SegmentBytes(copying: parts.bytes + parts.positions)
        let split = parts.bytes.count
        self.init(
            parts, bytes: UnsafeBufferPointer(rebasing: storage.buffer[0..<split]),
            positions: UnsafeBufferPointer(rebasing: storage.buffer[split...]), storage: storage)
    }

    var blockCount: Int { blockOffsets.count }

    func entries(inBlock block: Int) -> Int { Int(blockCounts[block]) }

    /// The largest BM25 factor any document of the block can have under `averageLength`: BM25's
    /// factor grows with the frequency and shrinks with the document's length.
    func bound(ofBlock block: Int, averageLength: Float) -> Float { frontiers.bound(ofBlock: block, averageLength: averageLength) }

}

/// Builds one term's posting list entry by entry, in ordinal order.
struct PostingWriter: Sendable {
    private var parts = PostingList.Parts()
    private var previous: UInt32 = 0

    /// The entries written so far.
    var written: PostingList.Parts { parts }

    /// The list written so far (tests).
    var list: PostingList { PostingList(parts) }

    mutating func append(ordinal: UInt32, titleCount: UInt32, bodyCount: UInt32, positions: some Collection<UInt32>, length: UInt32) {
        let first = parts.blockCounts.last.map { Int($0) == PostingList.blockSize } ?? true
        if first {
            parts.blockOffsets.append(parts.bytes.count)
            parts.blockCounts.append(0)
            parts.blockLast.append(ordinal)
            parts.frontiers.startBlock()
            parts.blockPositionOffsets.append(parts.positions.count)
        }
        let block = parts.blockOffsets.count - 1
        parts.blockCounts[block] += 1
        parts.blockLast[block] = ordinal
        parts.frontiers.add(frequency: BM25.weightedFrequency(title: titleCount, body: bodyCount), length: length)
        // The first entry of a block stores its ordinal whole, so a block decodes on its own.
        VarInt.append(first ? ordinal : ordinal - previous, to: &parts.bytes)
        previous = ordinal
        // Both counts in one integer: the title count (nearly always 0, 1 or 2) in the low two
        // bits, 3 meaning "3 or more, the rest follows"; this saves a byte on most entries.
        VarInt.append(bodyCount << 2 | min(titleCount, 3), to: &parts.bytes)
        if titleCount >= 3 { VarInt.append(titleCount - 3, to: &parts.bytes) }
        var last: UInt32 = 0
        var isFirstPosition = true
        for position in positions {
            VarInt.append(isFirstPosition ? position : position - last, to: &parts.positions)
            last = position
            isFirstPosition = false
        }
        parts.count += 1
    }

    /// Appends another writer's entries, all of them after this one's (the next ordinal range).
    mutating func append(_ other: PostingWriter) {
        let shift = parts.bytes.count
        let positionShift = parts.positions.count
        parts.bytes.append(contentsOf: other.parts.bytes)
        parts.positions.append(contentsOf: other.parts.positions)
        parts.blockOffsets.append(contentsOf: other.parts.blockOffsets.map { $0 + shift })
        parts.blockPositionOffsets.append(contentsOf: other.parts.blockPositionOffsets.map { $0 + positionShift })
        parts.blockCounts.append(contentsOf: other.parts.blockCounts)
        parts.blockLast.append(contentsOf: other.parts.blockLast)
        parts.frontiers.append(other.parts.frontiers)
        parts.count += other.parts.count
        previous = other.previous
    }
}
