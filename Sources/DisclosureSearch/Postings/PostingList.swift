/// One term's postings: for each document containing it, in ordinal order, how often it occurs in
/// the title and in the body and at which token positions. Entries are gap-encoded variable-byte
/// integers in blocks of `blockSize`; each block records its last ordinal (to skip it) and the
/// largest BM25 term-frequency factor of its documents (to skip it when no document in it can
/// enter the top results: block-max pruning).
struct PostingList: Sendable {
    static let blockSize = 128

    /// One document's entry, as built and as decoded.
    struct Entry: Equatable, Sendable {
        var ordinal: UInt32
        var titleCount: UInt32
        var bodyCount: UInt32
        /// Token positions, ascending; title positions first (body positions start after a gap).
        var positions: [UInt32]
    }

    /// Where each block starts, its last ordinal, and its best term-frequency factor.
    var blockOffsets: [Int] = []
    var blockLast: [UInt32] = []
    var blockMaxFactor: [Float] = []
    var bytes: [UInt8] = []
    var count = 0

    init(entries: [Entry], factor: (Entry) -> Float) {
        count = entries.count
        var previous: UInt32 = 0
        for (index, entry) in entries.enumerated() {
            if index % Self.blockSize == 0 {
                blockOffsets.append(bytes.count)
                blockLast.append(entry.ordinal)
                blockMaxFactor.append(0)
                previous = 0
            }
            let block = blockOffsets.count - 1
            blockLast[block] = entry.ordinal
            blockMaxFactor[block] = max(blockMaxFactor[block], factor(entry))
            // The first entry of a block stores its ordinal whole, so a block decodes on its own.
            VarInt.append(index % Self.blockSize == 0 ? entry.ordinal : entry.ordinal - previous, to: &bytes)
            previous = entry.ordinal
            VarInt.append(entry.titleCount, to: &bytes)
            VarInt.append(entry.bodyCount, to: &bytes)
            var position: UInt32 = 0
            for (nth, next) in entry.positions.enumerated() {
                VarInt.append(nth == 0 ? next : next - position, to: &bytes)
                position = next
            }
        }
    }

    var blockCount: Int { blockOffsets.count }

    /// Entries in block `block` within `count` entries overall.
    func entries(inBlock block: Int) -> Int {
        block < blockCount - 1 ? Self.blockSize : count - block * Self.blockSize
    }
}
