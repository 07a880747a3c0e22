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

extension PostingList {
    /// One entry's ordinal and counts, decoded in place: the writer reads its entries back with
    /// this, and `PostingCursor` walks them.
    struct Entry {
        var ordinal: UInt32 = 0
        var titleCount: UInt32 = 0
        var bodyCount: UInt32 = 0

        /// Decodes the entry at `offset` and moves past it; a block's first entry holds its
        /// ordinal whole, the others the gap from the one before.
        @inline(__always)
        mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: inout Int, first: Bool) {
            let gap = VarInt.read(bytes, &offset)
            ordinal = first ? gap : ordinal + gap
            let counts = VarInt.read(bytes, &offset)
            titleCount = counts & 3
            bodyCount = counts >> 2
            if titleCount == 3 { titleCount += VarInt.read(bytes, &offset) }
        }
    }
}
