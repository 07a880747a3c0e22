/// One document's tokens grouped by term while they are read: each term's positions are chained
/// in the order they occur, so the builder gets every term's ascending positions without sorting
/// (term, position) pairs. Sorting them was a twelfth of a bulk import's index building.
struct Occurrences {
    /// Per term id: the document it was last seen in, and its first and last occurrence there.
    private struct Chain {
        var document: UInt32 = 0
        var first: Int32 = 0
        var last: Int32 = 0
    }

    private var chains: [Chain] = []
    private var positionAt: [UInt32] = []
    /// The next occurrence of the same term, or -1.
    private var next: [Int32] = []
    /// The document's terms in order of first occurrence.
    private(set) var distinct: [Int32] = []
    /// Starts at 1, so a term no document has reached yet (`document` 0) is never "seen".
    private var document: UInt32 = 0

    mutating func startDocument() {
        document += 1
        positionAt.removeAll(keepingCapacity: true)
        next.removeAll(keepingCapacity: true)
        distinct.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    mutating func add(term: Int32, position: UInt32) {
        let index = Int32(positionAt.count)
        positionAt.append(position)
        next.append(-1)
        let id = Int(term)
        // Term ids are handed out in order, so an id not seen before is at most one past the end.
        if id == chains.count { chains.append(Chain()) }
        if chains[id].document == document {
            next[Int(chains[id].last)] = index
            chains[id].last = index
        } else {
            chains[id] = Chain(document: document, first: index, last: index)
            distinct.append(term)
        }
    }

    /// The term's positions in this document, ascending.
    func positions(of term: Int32, into positions: inout [UInt32]) {
        var index = chains[Int(term)].first
        while index >= 0 {
            positions.append(positionAt[Int(index)])
            index = next[Int(index)]
        }
    }
}
