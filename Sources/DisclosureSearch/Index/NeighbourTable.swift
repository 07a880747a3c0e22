/// A segment's `Neighbours` as its file holds them: per side a table of fixed-width rows (term,
/// neighbour, where its misses start), ascending by term, then the misses as variable-byte gaps.
/// The rows are read into memory when the segment opens (a few thousand per side, 12 bytes each);
/// a term's misses are decoded from the file when a query asks for them. Decoded at open, a
/// million documents' misses held 54 MiB more in every server; searched in the file, the rows'
/// pages made each query map some 40 MiB more of the index (the kernel maps pages around each one
/// touched).
struct NeighbourTable: Sendable {
    /// One side: its rows, and where its misses lie in the segment's bytes.
    struct Side: Sendable {
        var terms: [UInt32] = []
        var neighbours: [UInt32] = []
        var starts: [UInt32] = []
        var misses = 0
        var missesLength = 0
    }

    let storage: SegmentBytes
    let before: Side
    let after: Side
    let documents: Int

    static let rowSize = 12

    /// The link before `term` (the term right before it, and its misses), nil when none is kept.
    func before(_ term: Int) -> Neighbours.Link? { link(of: term, in: before) }

    /// The link after `term`, nil when none is kept.
    func after(_ term: Int) -> Neighbours.Link? { link(of: term, in: after) }

    /// The neighbour on that side and how many documents miss it, reading only the misses' count
    /// (nil: no link).
    func summary(of term: Int, before isBefore: Bool) -> (neighbour: Int, misses: Int)? {
        let side = isBefore ? before : after
        guard let row = row(of: term, in: side) else { return nil }
        var reader = missesReader(side, row)
        guard let misses = try? reader.varint() else { return nil }
        return (Int(side.neighbours[row]), Int(misses))
    }

    /// Every link, decoded (tests).
    var decoded: Neighbours {
        var neighbours = Neighbours()
        for term in before.terms { neighbours.before[Int(term)] = self.before(Int(term)) }
        for term in after.terms { neighbours.after[Int(term)] = self.after(Int(term)) }
        return neighbours
    }

    private func row(of term: Int, in side: Side) -> Int? {
        var low = 0
        var high = side.terms.count
        while low < high {
            let middle = (low + high) / 2
            let found = Int(side.terms[middle])
            if found == term { return middle }
            if found < term { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    private func missesReader(_ side: Side, _ row: Int) -> SegmentFile.Reader {
        SegmentFile.Reader(
            bytes: UnsafeBufferPointer(rebasing: storage.buffer[side.misses..<(side.misses + side.missesLength)]), offset: Int(side.starts[row]))
    }

    /// The link, its misses checked as they decode (ascending, below the document count); one that
    /// does not add up (which the checksum makes a bug, not damage) reads as no link, and the
    /// phrase is verified on positions as before.
    private func link(of term: Int, in side: Side) -> Neighbours.Link? {
        guard let row = row(of: term, in: side) else { return nil }
        var reader = missesReader(side, row)
        guard let misses = try? reader.varints(gaps: true), misses.last.map({ Int($0) < documents }) ?? true,
            zip(misses, misses.dropFirst()).allSatisfy({ $0 < $1 })
        else { return nil }
        return Neighbours.Link(term: Int(side.neighbours[row]), misses: DocumentBitmap(sorted: misses))
    }
}
