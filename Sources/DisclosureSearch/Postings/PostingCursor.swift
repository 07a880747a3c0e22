/// Walks a posting list forward: `advance(to:)` skips whole blocks by their last ordinal and
/// decodes only the block it lands in; positions are decoded only when asked for.
struct PostingCursor {
    let list: PostingList
    private(set) var block = 0
    private var indexInBlock = 0
    private var offset = 0
    private(set) var ordinal: UInt32 = 0
    private(set) var titleCount: UInt32 = 0
    private(set) var bodyCount: UInt32 = 0
    /// A place in the list's positions stream, and how many positions (of this block's earlier
    /// entries) lie between it and this entry's: skipped only when positions are asked for.
    private var positionsOffset = 0
    private var positionsToSkip: UInt32 = 0
    /// Whether this entry's positions were read, leaving `positionsOffset` past them (or past
    /// the part read, with the rest in `positionsToSkip`): the next entry's then need no skipping
    /// over them again (verifying a phrase decodes most candidates' positions, and re-reading
    /// them to skip was a twentieth of the server's time).
    private var positionsRead = false
    private var entryPositionsStart = 0
    private(set) var exhausted = false

    init(_ list: PostingList) {
        self.list = list
        if list.count == 0 {
            exhausted = true
        } else {
            enter(block: 0)
        }
    }

    /// The current block's entry count and last ordinal, kept here when it is entered: reading
    /// them through the list for every entry stepped over (a class, then an array, then its
    /// count for the bounds check) was the hottest line of a common phrase's first search.
    private var blockEntries = 0
    private(set) var blockLast: UInt32 = 0

    /// Moves to the first entry of `block` (which may lie before the current one).
    mutating func enter(block: Int) {
        self.block = block
        exhausted = false
        indexInBlock = 0
        blockEntries = list.entries(inBlock: block)
        blockLast = list.blockLast[block]
        offset = list.blockOffsets[block]
        positionsOffset = list.blockPositionOffsets[block]
        positionsToSkip = 0
        positionsRead = false
        decodeEntry(first: true)
    }

    @inline(__always)
    private mutating func decodeEntry(first: Bool) {
        var entry = PostingList.Entry(ordinal: ordinal, titleCount: 0, bodyCount: 0)
        entry.decode(list.bytes, &offset, first: first)
        ordinal = entry.ordinal
        titleCount = entry.titleCount
        bodyCount = entry.bodyCount
    }

    /// Moves to the next entry.
    mutating func next() {
        guard !exhausted else { return }
        indexInBlock += 1
        if indexInBlock < blockEntries {
            if !positionsRead { positionsToSkip &+= titleCount &+ bodyCount }
            positionsRead = false
            decodeEntry(first: false)
        } else if block + 1 < list.blockCount {
            enter(block: block + 1)
        } else {
            exhausted = true
        }
    }

    /// Moves to the first entry with an ordinal ≥ `target`, skipping whole blocks.
    mutating func advance(to target: UInt32) {
        guard !exhausted, ordinal < target else { return }
        if blockLast < target {
            // The first later block that can hold `target`: galloping, then halving, so a cursor
            // sent far ahead (a kept phrase's best blocks, visited out of order) does not read
            // every block's last ordinal on the way.
            var low = block + 1
            var step = 1
            while low + step < list.blockCount && list.blockLast[low + step - 1] < target {
                low += step
                step *= 2
            }
            var high = min(low + step, list.blockCount)
            while low < high {
                let middle = (low + high) / 2
                if list.blockLast[middle] < target { low = middle + 1 } else { high = middle }
            }
            guard low < list.blockCount else {
                exhausted = true
                return
            }
            enter(block: low)
        }
        // The block's last ordinal is at least `target`, so the entry sought is in it. Stepped
        // to in locals, stored once: through `next()` every entry stepped over wrote the cursor
        // back to memory (a verifier's cursors live in memory it owns) and checked the block's end.
        var at = offset
        var entry = PostingList.Entry(ordinal: ordinal, titleCount: titleCount, bodyCount: bodyCount)
        var skip = positionsToSkip
        var read = positionsRead
        var index = indexInBlock
        let bytes = list.bytes
        while entry.ordinal < target {
            if !read { skip &+= entry.titleCount &+ entry.bodyCount }
            read = false
            index += 1
            entry.decode(bytes, &at, first: false)
        }
        offset = at
        ordinal = entry.ordinal
        titleCount = entry.titleCount
        bodyCount = entry.bodyCount
        positionsToSkip = skip
        positionsRead = read
        indexInBlock = index
    }

    /// Moves to the first entry with an ordinal ≥ `target`, going back to the list's start first
    /// when the cursor is already past it.
    mutating func seek(to target: UInt32) {
        if exhausted || ordinal > target { self = PostingCursor(list) }
        advance(to: target)
    }

    /// Where this entry's positions start in `list.positions`, for a caller that reads them in
    /// place, possibly not to the end; `positionsEnded(at:)` says when it did read them all.
    mutating func positionsStart() -> Int {
        if positionsRead {
            positionsOffset = entryPositionsStart
            positionsToSkip = 0
            positionsRead = false
        } else if positionsToSkip > 0 {
            positionsOffset = VarInt.skip(positionsToSkip, in: list.positions, from: positionsOffset)
            positionsToSkip = 0
        }
        entryPositionsStart = positionsOffset
        return positionsOffset
    }

    /// This entry's positions were read to their end, at `end`: the next entry's start there.
    mutating func positionsEnded(at end: Int) {
        positionsOffset = end
        positionsRead = true
    }

    /// This entry's positions were read up to `offset`, with `left` of them unread: the next
    /// entry's start is found by skipping those (checking that a phrase occurs stops at its first
    /// occurrence).
    mutating func positionsStopped(at offset: Int, left: UInt32) {
        positionsOffset = offset
        positionsToSkip = left
        positionsRead = true
    }

    /// Appends this entry's positions, ascending, to `buffer` (tests and tools).
    mutating func positions(into buffer: inout [UInt32]) {
        let total = Int(titleCount + bodyCount)
        guard total > 0 else { return }
        let first = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: total))
        buffer.withUnsafeMutableBufferPointer { output in _ = writePositions(to: output.baseAddress! + first) }
    }

    /// Writes this entry's positions, ascending, at `output` (room for `titleCount + bodyCount`
    /// of them); returns how many. Phrase verification decodes into memory it owns: appending to
    /// an array checked its uniqueness and capacity for every document. (Not an overload of
    /// `positions(into:)`: `&array` would convert to this pointer and write past an empty array.)
    mutating func writePositions(to output: UnsafeMutablePointer<UInt32>) -> Int {
        let bytes = list.positions
        let total = Int(titleCount + bodyCount)
        var at = positionsStart()
        var position: UInt32 = 0
        for nth in 0..<total {
            position = nth == 0 ? VarInt.read(bytes, &at) : position + VarInt.read(bytes, &at)
            output[nth] = position
        }
        positionsEnded(at: at)
        return total
    }
}
