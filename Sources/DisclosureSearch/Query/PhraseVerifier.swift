/// Counts one phrase's occurrences in candidate documents, in ascending ordinal order, from the
/// positions of its checked tokens (see `ImpliedTokens`). A term that stands at several places of
/// the phrase (政府信息公开政府信息公开…) has one cursor and its positions are decoded once per
/// document: a cursor per place walked the same long posting list dozens of times.
///
/// Verification runs for every candidate of a phrase's first search — at a million documents,
/// hundreds of thousands per query under the portal's traffic — so its state lives in memory the
/// verifier owns (`Scratch`), read and written through pointers: kept in arrays, every document
/// paid for uniqueness checks, nested-array copies and capacity checks (a sixth of the server's
/// time in `perf` under the query log). A class: a query walking several phrases per candidate
/// copied the struct (and retained what it held) for every document.
final class PhraseVerifier {
    private let scratch: Scratch
    /// The cursors of slot `s` (a distinct token; a cursor per alternative term) are
    /// `cursors[slotStarts[s]..<slotStarts[s + 1]]`.
    private let cursors: UnsafeMutablePointer<PostingCursor>
    private let slotStarts: UnsafeMutablePointer<Int>
    private let slotCount: Int
    /// Per checked place: its offset in the phrase and its slot; `order` is reused to sort the
    /// places rarest first per document.
    private let placeCount: Int
    private let offsets: UnsafeMutablePointer<UInt32>
    private let slots: UnsafeMutablePointer<Int>
    private let order: UnsafeMutablePointer<Int>
    /// Per slot, for the current document: how often the token occurs, and how many positions are
    /// decoded into its row of `Scratch.positions` (-1: not yet).
    private let frequencies: UnsafeMutablePointer<UInt32>
    private let decoded: UnsafeMutablePointer<Int>
    private let titleLengths: [UInt32]
    /// Two places of two distinct tokens, one term each (a two- to four-character word: 人民政,
    /// 信息公开): counted by one merge over both position streams as they are decoded.
    private let twoStreams: Bool
    /// The document `bound(at:)` last moved to (-1: none yet), its bound and its most frequent
    /// token's count.
    private var preparedOrdinal: Int64 = -1
    private var prepared = PhraseCounts.none
    private var mostFrequent: UInt32 = 0

    /// `alternatives`: the phrase's tokens as term ids; `checked`: the places whose positions count.
    init(_ segment: SearchSegment, alternatives: [[Int]], checked: [Int]) {
        var distinct: [[Int]] = []
        var slotOfPlace: [Int] = []
        for place in checked {
            if let slot = distinct.firstIndex(of: alternatives[place]) {
                slotOfPlace.append(slot)
            } else {
                slotOfPlace.append(distinct.count)
                distinct.append(alternatives[place])
            }
        }
        let lists = distinct.flatMap { $0.map(segment.postings) }
        scratch = Scratch(cursors: lists.map(PostingCursor.init), slots: distinct.count, places: checked.count)
        cursors = scratch.cursors
        slotCount = distinct.count
        placeCount = checked.count
        slotStarts = scratch.integers(slotCount + 1)
        var start = 0
        for (slot, terms) in distinct.enumerated() {
            slotStarts[slot] = start
            start += terms.count
        }
        slotStarts[slotCount] = start
        offsets = scratch.unsigned(placeCount)
        slots = scratch.integers(placeCount)
        order = scratch.integers(placeCount)
        for place in 0..<placeCount {
            offsets[place] = UInt32(checked[place])
            slots[place] = slotOfPlace[place]
            order[place] = place
        }
        frequencies = scratch.unsigned(slotCount)
        decoded = scratch.integers(slotCount)
        titleLengths = segment.titleLengths
        twoStreams = placeCount == 2 && slotCount == 2 && distinct.allSatisfy { $0.count == 1 }
    }

    /// The most the phrase can occur in the document at `ordinal`, from its tokens' counts alone
    /// (nil when a token is missing): no occurrence spans the title and the body, so each field
    /// holds it at most as often as its rarest token there. Moves the cursors to the document,
    /// back to the lists' starts first if it lies before the last one (a kept phrase's blocks are
    /// ranked best first, not in order).
    func bound(at ordinal: UInt32) -> PhraseCounts? {
        if Int64(ordinal) < preparedOrdinal {
            for cursor in 0..<slotStarts[slotCount] { cursors[cursor].seek(to: ordinal) }
        }
        preparedOrdinal = Int64(ordinal)
        prepared = .none
        var title = UInt32.max
        var body = UInt32.max
        var most: UInt32 = 0
        for slot in 0..<slotCount {
            var inTitle: UInt32 = 0
            var inBody: UInt32 = 0
            for alternative in slotStarts[slot]..<slotStarts[slot + 1] {
                let cursor = cursors + alternative
                cursor.pointee.advance(to: ordinal)
                if !cursor.pointee.exhausted && cursor.pointee.ordinal == ordinal {
                    inTitle += cursor.pointee.titleCount
                    inBody += cursor.pointee.bodyCount
                }
            }
            guard inTitle + inBody > 0 else { return nil }
            frequencies[slot] = inTitle + inBody
            decoded[slot] = -1
            most = max(most, inTitle + inBody)
            title = min(title, inTitle)
            body = min(body, inBody)
        }
        mostFrequent = most
        prepared = PhraseCounts(title: title, body: body, exact: false)
        return prepared
    }

    /// How often the phrase occurs in the title and in the body of the document at `ordinal`;
    /// with `exact` false, only whether it does: where it does, the answer may be `bound(at:)`'s.
    /// A common word's first search checks hundreds of thousands of documents whose counts no
    /// page will show, and a check stops at the first occurrence.
    func occurrences(at ordinal: UInt32, exact: Bool = true) -> PhraseCounts {
        if preparedOrdinal != Int64(ordinal) { _ = bound(at: ordinal) }
        let bound = prepared
        guard bound.total > 0 else { return .none }
        if twoStreams { return mergeTwoStreams(at: ordinal, bound: bound, exact: exact) }
        if placeCount == 1 {
            var counts = PhraseCounts.none
            for alternative in slotStarts[0]..<slotStarts[1] where !cursors[alternative].exhausted && cursors[alternative].ordinal == ordinal {
                counts.title += cursors[alternative].titleCount
                counts.body += cursors[alternative].bodyCount
            }
            return counts
        }
        let most = mostFrequent
        let (positions, stride, starts) = scratch.room(for: Int(most), slots: slotCount)
        // Start from the place whose token occurs least here and narrow its phrase starts place
        // by place, rarest first: a document that holds the tokens but not the phrase is usually
        // rejected after decoding two of them. Insertion sort: a phrase has a few places.
        for place in 0..<placeCount {
            var at = place
            order[at] = place
            while at > 0 && frequencies[slots[order[at - 1]]] > frequencies[slots[place]] {
                order[at] = order[at - 1]
                order[at - 1] = place
                at -= 1
            }
        }
        let anchor = order[0]
        let anchorRow = positions + slots[anchor] * stride
        let anchorCount = decode(slots[anchor], at: ordinal, into: anchorRow)
        var live = 0
        for index in 0..<anchorCount where anchorRow[index] >= offsets[anchor] {
            starts[live] = anchorRow[index] - offsets[anchor]
            live += 1
        }
        for rank in 1..<placeCount {
            let place = order[rank]
            let row = positions + slots[place] * stride
            let count = decode(slots[place], at: ordinal, into: row)
            let offset = offsets[place]
            var pointer = 0
            var kept = 0
            for index in 0..<live {
                let wanted = starts[index] + offset
                while pointer < count && row[pointer] < wanted { pointer += 1 }
                if pointer < count && row[pointer] == wanted {
                    starts[kept] = starts[index]
                    kept += 1
                }
            }
            live = kept
            if live == 0 { return .none }
        }
        let titleLength = titleLengths[Int(ordinal)]
        var inTitle: UInt32 = 0
        for index in 0..<live where starts[index] < titleLength { inTitle += 1 }
        return PhraseCounts(title: inTitle, body: UInt32(live) - inTitle, exact: true)
    }

    /// The phrase's occurrences when it has two places of two one-term tokens: a start `s` has
    /// the first token at `s + offsets[0]` and the second at `s + offsets[1]`, so both streams are
    /// walked once, in step, comparing `a + offsets[1]` with `b + offsets[0]`. Nothing is written
    /// out, and the walk stops when either stream ends — or, when only whether the phrase occurs
    /// is asked, at its first occurrence. Each cursor is told where its stream was left and how
    /// many positions it has unread, so the next document's are not searched for from the start.
    private func mergeTwoStreams(at ordinal: UInt32, bound: PhraseCounts, exact: Bool) -> PhraseCounts {
        let first = cursors + slotStarts[slots[0]]
        let second = cursors + slotStarts[slots[1]]
        let firstOffset = offsets[0]
        let secondOffset = offsets[1]
        let firstBytes = first.pointee.list.positions
        let secondBytes = second.pointee.list.positions
        var firstAt = first.pointee.positionsStart()
        var secondAt = second.pointee.positionsStart()
        var firstLeft = first.pointee.titleCount + first.pointee.bodyCount - 1
        var secondLeft = second.pointee.titleCount + second.pointee.bodyCount - 1
        var a = VarInt.read(firstBytes, &firstAt)
        var b = VarInt.read(secondBytes, &secondAt)
        let titleLength = titleLengths[Int(ordinal)]
        var inTitle: UInt32 = 0
        var total: UInt32 = 0
        while true {
            // In 64 bits: positions and offsets are 32-bit, their sums need not fit.
            let left = UInt64(a) + UInt64(secondOffset)
            let right = UInt64(b) + UInt64(firstOffset)
            if left <= right {
                if left == right && a >= firstOffset {
                    total += 1
                    if a - firstOffset < titleLength { inTitle += 1 }
                    if !exact { break }
                }
                guard firstLeft > 0 else { break }
                a += VarInt.read(firstBytes, &firstAt)
                firstLeft -= 1
            }
            if left >= right {
                guard secondLeft > 0 else { break }
                b += VarInt.read(secondBytes, &secondAt)
                secondLeft -= 1
            }
        }
        first.pointee.positionsStopped(at: firstAt, left: firstLeft)
        second.pointee.positionsStopped(at: secondAt, left: secondLeft)
        guard total > 0 else { return .none }
        // Found once where it can stand only once: that count is exact too.
        if !exact && bound.total > 1 { return bound }
        return PhraseCounts(title: inTitle, body: total - inTitle, exact: true)
    }

    /// The positions of a distinct token in the current document, decoded into `row` once.
    private func decode(_ slot: Int, at ordinal: UInt32, into row: UnsafeMutablePointer<UInt32>) -> Int {
        if decoded[slot] >= 0 { return decoded[slot] }
        var count = 0
        var sources = 0
        for alternative in slotStarts[slot]..<slotStarts[slot + 1] where !cursors[alternative].exhausted && cursors[alternative].ordinal == ordinal {
            let cursor = cursors + alternative
            count += cursor.pointee.writePositions(to: row + count)
            sources += 1
        }
        // A prefix token's alternatives interleave; the narrowing needs one sorted list.
        if sources > 1 {
            var merged = UnsafeMutableBufferPointer(start: row, count: count)
            merged.sort()
        }
        decoded[slot] = count
        return count
    }

    /// The memory a verifier reads and writes per document, freed with the last copy of it: the
    /// cursors, small per-slot and per-place tables, and a row of positions per slot (as wide as
    /// the most frequent token of any document so far) with the phrase starts beside them.
    final class Scratch {
        let cursors: UnsafeMutablePointer<PostingCursor>
        private let cursorCount: Int
        private var tables: [UnsafeMutableRawPointer] = []
        private var positions: UnsafeMutablePointer<UInt32>
        private var starts: UnsafeMutablePointer<UInt32>
        private var stride = 0

        init(cursors: [PostingCursor], slots: Int, places: Int) {
            cursorCount = cursors.count
            self.cursors = .allocate(capacity: max(1, cursors.count))
            self.cursors.initialize(from: cursors, count: cursors.count)
            positions = .allocate(capacity: 1)
            starts = .allocate(capacity: 1)
        }

        deinit {
            cursors.deinitialize(count: cursorCount)
            cursors.deallocate()
            for table in tables { table.deallocate() }
            positions.deallocate()
            starts.deallocate()
        }

        func integers(_ count: Int) -> UnsafeMutablePointer<Int> {
            let table = UnsafeMutablePointer<Int>.allocate(capacity: max(1, count))
            tables.append(UnsafeMutableRawPointer(table))
            return table
        }

        func unsigned(_ count: Int) -> UnsafeMutablePointer<UInt32> {
            let table = UnsafeMutablePointer<UInt32>.allocate(capacity: max(1, count))
            tables.append(UnsafeMutableRawPointer(table))
            return table
        }

        /// Rows of at least `width` positions for `slots` slots, and room for as many starts.
        /// Grown (doubling) only when a document holds a token more often than any before.
        func room(for width: Int, slots: Int) -> (positions: UnsafeMutablePointer<UInt32>, stride: Int, starts: UnsafeMutablePointer<UInt32>) {
            if width > stride {
                stride = max(width, stride * 2, 16)
                positions.deallocate()
                starts.deallocate()
                positions = .allocate(capacity: stride * slots)
                starts = .allocate(capacity: stride)
            }
            return (positions, stride, starts)
        }
    }
}
