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
final class NeighbourTracker: @unchecked Sendable {
    struct Side {
        /// The neighbour's term id, `unset` before one is met, `abandoned` after too many changes.
        var neighbour: Int32 = NeighbourTracker.unset
        /// Documents of the term with a smaller ordinal all count as missing the neighbour.
        var since: UInt32 = 0
        var documentsAtSince: UInt32 = 0
        var missesSince: UInt32 = 0
        /// The ordinal + 1 of the last document written down as missing it (0: none).
        var lastMiss: UInt32 = 0
        var changes: UInt8 = 0
    }

    struct Term {
        var before = Side()
        var after = Side()
        /// The ordinal + 1 of the last document the term was seen in, and how many it was seen in.
        var lastDocument: UInt32 = 0
        var documents: UInt32 = 0
    }

    static let unset: Int32 = -1
    static let abandoned: Int32 = -2
    static let changeLimit: UInt8 = 3

    private var records = FlatRecords<Term>()
    private var terms: UnsafeMutablePointer<Term> { records.base }
    var count: Int { records.count }
    /// Documents missing a neighbour, as `term << 32 | ordinal`, in the order met (ordinals ascend
    /// per term); sorted by `finish()`.
    private(set) var missesBefore: [UInt64] = []
    private(set) var missesAfter: [UInt64] = []
    private var previous: Int32 = -1
    private var ordinal: UInt32 = 0

    init() {}

    deinit { records.release() }

    /// A field of the document at `ordinal` begins: its first token has nothing before it.
    func startField(ordinal: UInt32) {
        endField()
        self.ordinal = ordinal
    }

    /// The field ends: its last token has nothing after it.
    func endField() {
        if previous >= 0 { Self.observe(&terms[Int(previous)].after, term: previous, neighbour: -1, at: ordinal, in: terms, misses: &missesAfter) }
        previous = -1
    }

    /// The field's next token (term ids are handed out in order, so a new one is `count`).
    @inline(__always)
    func add(_ term: Int32) {
        let id = Int(term)
        if id == count { records.append(Term()) }
        let state = terms + id
        if state.pointee.lastDocument != ordinal &+ 1 {
            state.pointee.lastDocument = ordinal &+ 1
            state.pointee.documents += 1
        }
        if state.pointee.before.neighbour != previous || previous < 0 {
            Self.observe(&state.pointee.before, term: term, neighbour: previous, at: ordinal, in: terms, misses: &missesBefore)
        }
        if previous >= 0 {
            let before = terms + Int(previous)
            if before.pointee.after.neighbour != term {
                Self.observe(&before.pointee.after, term: previous, neighbour: term, at: ordinal, in: terms, misses: &missesAfter)
            }
        }
        previous = term
    }

    /// One occurrence of `term` whose neighbour on `side` is `neighbour` (-1: the field's edge).
    private static func observe(
        _ side: inout Side, term: Int32, neighbour: Int32, at ordinal: UInt32, in terms: UnsafeMutablePointer<Term>, misses: inout [UInt64]
    ) {
        if side.neighbour == neighbour && neighbour >= 0 || side.neighbour == abandoned { return }
        if side.neighbour == unset && neighbour >= 0 {
            side.neighbour = neighbour
            return
        }
        guard side.lastMiss != ordinal &+ 1 else { return }
        side.lastMiss = ordinal &+ 1
        misses.append(UInt64(UInt32(term)) << 32 | UInt64(ordinal))
        side.missesSince += 1
        let documents = terms[Int(term)].documents
        guard side.missesSince > 4 + (documents - side.documentsAtSince) / 4 else { return }
        guard side.changes < changeLimit else {
            side.neighbour = abandoned
            return
        }
        side.changes += 1
        side.neighbour = neighbour >= 0 ? neighbour : unset
        side.since = ordinal &+ 1
        side.documentsAtSince = documents
        side.missesSince = 0
    }

    /// Sorts the misses by term (then ordinal), for `state(of:)`.
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
        let side = before ? terms[Int(term)].before : terms[Int(term)].after
        guard side.neighbour >= 0 else { return Outcome(neighbour: nil, since: 0, misses: []) }
        let misses = before ? missesBefore : missesAfter
        let low = UInt64(UInt32(term)) << 32
        var index = Self.firstIndex(notBelow: low | UInt64(side.since), in: misses)
        var found: [UInt32] = []
        while index < misses.count && misses[index] >> 32 == UInt64(UInt32(term)) {
            found.append(UInt32(truncatingIfNeeded: misses[index]))
            index += 1
        }
        return Outcome(neighbour: side.neighbour, since: side.since, misses: found)
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
