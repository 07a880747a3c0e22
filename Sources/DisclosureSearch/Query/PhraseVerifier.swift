/// Counts one phrase's occurrences in candidate documents, in ascending ordinal order, from the
/// positions of its checked tokens (see `ImpliedTokens`). A term that stands at several places of
/// the phrase (政府信息公开政府信息公开…) has one cursor and its positions are decoded once per
/// document: a cursor per place walked the same long posting list dozens of times.
struct PhraseVerifier {
    /// Per distinct token (its alternative term ids): a cursor per alternative.
    private var cursors: [[PostingCursor]]
    /// Per checked place: its offset in the phrase and its distinct token.
    private let offsets: [UInt32]
    private let slots: [Int]
    private let titleLengths: [UInt32]
    /// Reused per document, so verifying allocates nothing: each distinct token's positions, and
    /// the phrase starts still possible.
    private var positions: [[UInt32]]
    private var decoded: [Bool]
    private var frequencies: [UInt32]
    private var starts: [UInt32] = []
    /// The checked places, rarest here first.
    private var order: [Int]

    /// `alternatives`: the phrase's tokens as term ids; `checked`: the places whose positions count.
    init(_ segment: SearchSegment, alternatives: [[Int]], checked: [Int]) {
        var distinct: [[Int]] = []
        var slots: [Int] = []
        for place in checked {
            if let slot = distinct.firstIndex(of: alternatives[place]) {
                slots.append(slot)
            } else {
                slots.append(distinct.count)
                distinct.append(alternatives[place])
            }
        }
        cursors = distinct.map { $0.map { PostingCursor(segment.postings($0)) } }
        offsets = checked.map(UInt32.init)
        self.slots = slots
        titleLengths = segment.titleLengths
        positions = distinct.map { _ in [] }
        decoded = distinct.map { _ in false }
        frequencies = distinct.map { _ in 0 }
        order = Array(checked.indices)
    }

    /// How often the phrase occurs in the title and in the body of the document at `ordinal`.
    mutating func occurrences(at ordinal: UInt32) -> (title: UInt32, body: UInt32) {
        // How often each distinct token occurs here, known without decoding positions.
        for slot in cursors.indices {
            var total: UInt32 = 0
            for alternative in cursors[slot].indices {
                // In place: a copy of the cursor retains and releases its list, per candidate.
                cursors[slot][alternative].advance(to: ordinal)
                if !cursors[slot][alternative].exhausted && cursors[slot][alternative].ordinal == ordinal {
                    total += cursors[slot][alternative].titleCount + cursors[slot][alternative].bodyCount
                }
            }
            guard total > 0 else { return (0, 0) }
            frequencies[slot] = total
            decoded[slot] = false
        }
        if offsets.count == 1 {
            return cursors[0].reduce((0, 0)) { counts, cursor in
                !cursor.exhausted && cursor.ordinal == ordinal ? (counts.0 + cursor.titleCount, counts.1 + cursor.bodyCount) : counts
            }
        }
        // Start from the place whose token occurs least here and narrow its phrase starts place
        // by place, rarest first: a document that holds the tokens but not the phrase is usually
        // rejected after decoding two of them.
        // Sorted in a buffer kept between documents (insertion sort: a phrase has a few places).
        for place in order.indices {
            var at = place
            order[at] = place
            while at > 0 && frequencies[slots[order[at - 1]]] > frequencies[slots[place]] {
                order.swapAt(at - 1, at)
                at -= 1
            }
        }
        let anchor = order[0]
        decode(slots[anchor], at: ordinal)
        starts.removeAll(keepingCapacity: true)
        for position in positions[slots[anchor]] where position >= offsets[anchor] { starts.append(position - offsets[anchor]) }
        for rank in 1..<order.count {
            let place = order[rank]
            let slot = slots[place]
            decode(slot, at: ordinal)
            let offset = offsets[place]
            var kept = 0
            var pointer = 0
            positions[slot].withUnsafeBufferPointer { list in
                // In place, by index: iterating the array itself would copy it on the first write.
                for index in starts.indices {
                    let wanted = starts[index] + offset
                    while pointer < list.count && list[pointer] < wanted { pointer += 1 }
                    if pointer < list.count && list[pointer] == wanted {
                        starts[kept] = starts[index]
                        kept += 1
                    }
                }
            }
            starts.removeLast(starts.count - kept)
            if kept == 0 { return (0, 0) }
        }
        let titleLength = titleLengths[Int(ordinal)]
        let inTitle = UInt32(starts.count { $0 < titleLength })
        return (inTitle, UInt32(starts.count) - inTitle)
    }

    /// The positions of a distinct token in the current document, once.
    private mutating func decode(_ slot: Int, at ordinal: UInt32) {
        guard !decoded[slot] else { return }
        decoded[slot] = true
        positions[slot].removeAll(keepingCapacity: true)
        var sources = 0
        for alternative in cursors[slot].indices where !cursors[slot][alternative].exhausted && cursors[slot][alternative].ordinal == ordinal {
            cursors[slot][alternative].positions(into: &positions[slot])
            sources += 1
        }
        // A prefix token's alternatives interleave; the narrowing needs one sorted list.
        if sources > 1 { positions[slot].sort() }
    }
}
