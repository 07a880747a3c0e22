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
///
/// A bulk import appends to a different term's writer at nearly every token, so each append
/// touches as little memory as it can: the writer itself (one cache line) and the ends of its two
/// byte streams. Each block's entry count, last ordinal and frontier are read back from the
/// entries once the list is complete (`finished(lengths:)`), in one sequential pass: kept up to
/// date per entry, their five arrays were five more cache misses an entry, and a third of a
/// bulk import's index building.
struct PostingWriter: Sendable {
    private var bytes: [UInt8] = []
    private var positions: [UInt8] = []
    private var blockOffsets: [Int] = []
    private var blockPositionOffsets: [Int] = []
    private var count = 0
    private var previous: UInt32 = 0
    /// Entries in the last block so far.
    private var inLastBlock = 0

    mutating func append(ordinal: UInt32, titleCount: UInt32, bodyCount: UInt32, positions: some Collection<UInt32>) {
        let first = blockOffsets.isEmpty || inLastBlock == PostingList.blockSize
        if first {
            blockOffsets.append(bytes.count)
            blockPositionOffsets.append(self.positions.count)
            inLastBlock = 0
        }
        inLastBlock += 1
        // Each stream gets one append per entry: appending byte by byte checked the array's
        // uniqueness and capacity for every byte.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 3 * VarInt.maxBytes) { entry in
            let start = entry.baseAddress!
            // The first entry of a block stores its ordinal whole, so a block decodes on its own.
            var used = VarInt.write(first ? ordinal : ordinal - previous, to: start)
            // Both counts in one integer: the title count (nearly always 0, 1 or 2) in the low two
            // bits, 3 meaning "3 or more, the rest follows"; this saves a byte on most entries.
            used += VarInt.write(bodyCount << 2 | min(titleCount, 3), to: start + used)
            if titleCount >= 3 { used += VarInt.write(titleCount - 3, to: start + used) }
            bytes.append(contentsOf: UnsafeBufferPointer(start: start, count: used))
        }
        previous = ordinal
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, positions.count) * VarInt.maxBytes) { encoded in
            let start = encoded.baseAddress!
            var used = 0
            var last: UInt32 = 0
            var isFirstPosition = true
            for position in positions {
                used += VarInt.write(isFirstPosition ? position : position - last, to: start + used)
                last = position
                isFirstPosition = false
            }
            self.positions.append(contentsOf: UnsafeBufferPointer(start: start, count: used))
        }
        count += 1
    }

    /// Appends another writer's entries, all of them after this one's (the next ordinal range).
    /// This writer's last block stays as short as it is.
    mutating func append(_ other: PostingWriter) {
        let shift = bytes.count
        let positionShift = positions.count
        bytes.append(contentsOf: other.bytes)
        positions.append(contentsOf: other.positions)
        blockOffsets.append(contentsOf: other.blockOffsets.map { $0 + shift })
        blockPositionOffsets.append(contentsOf: other.blockPositionOffsets.map { $0 + positionShift })
        count += other.count
        previous = other.previous
        inLastBlock = other.inLastBlock
    }

    /// The complete list, with each block's entry count, last ordinal and frontier of (weighted
    /// frequency, length) pairs; `lengths` holds each document's length by ordinal.
    func finished(lengths: [UInt32]) -> PostingList.Parts {
        var parts = PostingList.Parts()
        parts.bytes = bytes
        parts.positions = positions
        parts.blockOffsets = blockOffsets
        parts.blockPositionOffsets = blockPositionOffsets
        parts.count = count
        parts.blockCounts.reserveCapacity(blockOffsets.count)
        parts.blockLast.reserveCapacity(blockOffsets.count)
        bytes.withUnsafeBufferPointer { bytes in
            for block in blockOffsets.indices {
                var offset = blockOffsets[block]
                let end = block + 1 < blockOffsets.count ? blockOffsets[block + 1] : bytes.count
                var entry = PostingList.Entry()
                var entries = 0
                parts.frontiers.startBlock()
                while offset < end {
                    entry.decode(bytes, &offset, first: entries == 0)
                    let frequency = BM25.weightedFrequency(title: entry.titleCount, body: entry.bodyCount)
                    parts.frontiers.add(frequency: frequency, length: lengths[Int(entry.ordinal)])
                    entries += 1
                }
                parts.blockCounts.append(UInt16(entries))
                parts.blockLast.append(entry.ordinal)
            }
        }
        return parts
    }

    /// The list written so far (tests).
    func list(lengths: [UInt32]) -> PostingList { PostingList(finished(lengths: lengths)) }
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
