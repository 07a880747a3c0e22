/// Follows, while one ordinal range's tokens stream in, which token stands right before and right
/// after each term, and in which documents that neighbour is missing at least once (see
/// `Neighbours`, which the segment keeps).
///
/// Each side of a term follows one neighbour: the first it meets. When the documents missing it
/// pile up — more than 4 plus a fourth of the term's documents since it was chosen — the side
/// starts over with the neighbour at hand, and every document before that one counts as missing it
/// (the range `..<since`), since nothing was written down for them. A term whose side starts over a
/// fourth time has no neighbour on that side. So 关单 first met in 机关单位 soon follows 有关 when
/// 有关单位 is the common word, and memory stays bounded: the documents written down for a
/// side are at most a few more than a fourth of the term's (a segment keeps no more).
///
/// A field's first token has nothing before it and its last nothing after it: those documents
/// miss any neighbour, so a phrase never reaches across the title and the body.
///
/// Every token reads its term's two neighbours, so they lie in one array of 8-byte pairs (a few
/// MiB, mostly in the caches); the rest of a side's state is read only when a neighbour is missed.
/// With all of it in one 56-byte record per term, each token cost a cache miss, and a million
/// documents' import took 110 s longer.
final class NeighbourTracker: @unchecked Sendable {
    /// A term's neighbours: term ids, `unset` before one is met, `abandoned` after too many changes.
    struct Pair {
        var before = NeighbourTracker.unset
        var after = NeighbourTracker.unset
    }

    /// The rest of one side's state.
    struct Side {
        /// Documents of the term with a smaller ordinal all count as missing the neighbour.
        var since: UInt32 = 0
        var documentsAtSince: UInt32 = 0
        var missesSince: UInt32 = 0
        /// The ordinal + 1 of the last document written down as missing it (0: none).
        var lastMiss: UInt32 = 0
        var changes: UInt8 = 0
    }

    struct Sides {
        var before = Side()
        var after = Side()
    }

    static let unset: Int32 = -1
    static let abandoned: Int32 = -2
    static let changeLimit: UInt8 = 3

    // Unchecked: the tracker is used by one thread, and checking each access to a class's stored
    // properties at run time was a twentieth of building a segment.
    @exclusivity(unchecked) private var pairs = FlatRecords<Pair>()
    @exclusivity(unchecked) private var sides = FlatRecords<Sides>()
    /// How many documents of a term were written so far (the current one not yet).
    private let documents: PostingWriters
    /// Documents missing a neighbour, as `term << 32 | ordinal`, in the order met (ordinals ascend
    /// per term); sorted by `finish()`.
    @exclusivity(unchecked) private(set) var missesBefore: [UInt64] = []
    @exclusivity(unchecked) private(set) var missesAfter: [UInt64] = []
    @exclusivity(unchecked) private var previous: Int32 = -1
    @exclusivity(unchecked) private var ordinal: UInt32 = 0

    init(documents: PostingWriters) { self.documents = documents }

    deinit {
        pairs.release()
        sides.release()
    }

    var count: Int { pairs.count }

    /// A field of the document at `ordinal` begins: its first token has nothing before it.
    func startField(ordinal: UInt32) {
        endField()
        self.ordinal = ordinal
    }

    /// The field ends: its last token has nothing after it.
    func endField() {
        if previous >= 0 { observe(previous, before: false, neighbour: -1) }
        previous = -1
    }

    /// The field's next token (term ids are handed out in order, so a new one is `count`).
    @inline(__always)
    func add(_ term: Int32) {
        if Int(term) == pairs.count {
            pairs.append(Pair())
            sides.append(Sides())
        }
        if pairs.base[Int(term)].before != previous || previous < 0 { observe(term, before: true, neighbour: previous) }
        if previous >= 0 && pairs.base[Int(previous)].after != term { observe(previous, before: false, neighbour: term) }
        previous = term
    }

    /// One occurrence of `term` whose neighbour on one side is `neighbour` (-1: the field's edge).
    private func observe(_ term: Int32, before: Bool, neighbour: Int32) {
        let pair = pairs.base + Int(term)
        let current = before ? pair.pointee.before : pair.pointee.after
        if current == neighbour && neighbour >= 0 || current == Self.abandoned { return }
        if current == Self.unset && neighbour >= 0 {
            if before { pair.pointee.before = neighbour } else { pair.pointee.after = neighbour }
            return
        }
        let states = sides.base + Int(term)
        var side = before ? states.pointee.before : states.pointee.after
        defer { if before { states.pointee.before = side } else { states.pointee.after = side } }
        guard side.lastMiss != ordinal &+ 1 else { return }
        side.lastMiss = ordinal &+ 1
        if before {
            missesBefore.append(UInt64(UInt32(term)) << 32 | UInt64(ordinal))
        } else {
            missesAfter.append(UInt64(UInt32(term)) << 32 | UInt64(ordinal))
        }
        side.missesSince += 1
        let seen = UInt32(documents.entryCount(of: Int(term))) + 1
        guard side.missesSince > 4 + (seen &- side.documentsAtSince) / 4 else { return }
        let next: Int32
        if side.changes < Self.changeLimit {
            side.changes += 1
            next = neighbour >= 0 ? neighbour : Self.unset
            side.since = ordinal &+ 1
            side.documentsAtSince = seen
            side.missesSince = 0
        } else {
            next = Self.abandoned
        }
        if before { pair.pointee.before = next } else { pair.pointee.after = next }
    }

    /// Sorts the misses by term (then ordinal), for `outcome(of:before:)`.
    func finish() {
        endField()
        missesBefore.sort()
        missesAfter.sort()
    }

    /// What one side of a term ended with: its neighbour (nil when none), the ordinal below which
    /// every document of the term misses it, and the later documents that miss it.
    struct Outcome {
        let neighbour: Int32?
        let since: UInt32
        let misses: [UInt32]
    }

    /// Local term `term`'s outcome on one side (after `finish()`).
    func outcome(of term: Int32, before: Bool) -> Outcome {
        let neighbour = before ? pairs.base[Int(term)].before : pairs.base[Int(term)].after
        guard neighbour >= 0 else { return Outcome(neighbour: nil, since: 0, misses: []) }
        let since = before ? sides.base[Int(term)].before.since : sides.base[Int(term)].after.since
        let misses = before ? missesBefore : missesAfter
        var index = Self.firstIndex(notBelow: UInt64(UInt32(term)) << 32 | UInt64(since), in: misses)
        var found: [UInt32] = []
        while index < misses.count && misses[index] >> 32 == UInt64(UInt32(term)) {
            found.append(UInt32(truncatingIfNeeded: misses[index]))
            index += 1
        }
        return Outcome(neighbour: neighbour, since: since, misses: found)
    }

    private static func firstIndex(notBelow key: UInt64, in sorted: [UInt64]) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
