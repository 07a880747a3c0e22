#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Every term's posting list of one ordinal range while a segment is built, entry by entry in
/// ordinal order (the format is `PostingList`'s).
///
/// A bulk import appends to a different term at nearly every token, so an append touches as
/// little memory as it can: the term's record (one cache line, in one flat allocation) and the
/// ends of its two byte streams, written through pointers. With a Swift array per stream, each
/// append also checked two arrays' uniqueness and capacity and copied its few bytes through a
/// generic call: a fifth of a bulk import. Where each block starts, its entry count, last
/// ordinal and frontier are read back from the entries once a list is complete
/// (`finished(_:lengths:)`), in one sequential pass.
final class PostingWriters: @unchecked Sendable {
    /// One term's streams. A block's first entry stores its ordinal whole; the others the gap.
    private struct Term {
        var bytes: UnsafeMutablePointer<UInt8>?
        var byteCount = 0
        var byteCapacity = 0
        var positions: UnsafeMutablePointer<UInt8>?
        var positionCount = 0
        var positionCapacity = 0
        var entries = 0
        var previous: UInt32 = 0
    }

    private var records = FlatRecords<Term>()
    private var terms: UnsafeMutablePointer<Term> { records.base }
    var count: Int { records.count }

    init() {}

    deinit {
        for index in 0..<count {
            free(terms[index].bytes)
            free(terms[index].positions)
        }
        records.release()
    }

    /// How many entries (documents) term `id` has so far.
    func entryCount(of id: Int) -> Int { id < count ? terms[id].entries : 0 }

    /// Makes room for term ids up to `term` (ids are handed out in order).
    @inline(__always)
    private func ensureTerm(_ term: Int) {
        while count <= term { records.append(Term()) }
    }

    /// Room for `extra` more bytes at the end of a stream, growing it by doubling.
    @inline(__always)
    private static func reserve(_ extra: Int, _ stream: inout UnsafeMutablePointer<UInt8>?, count: Int, capacity: inout Int) {
        guard count + extra > capacity else { return }
        var grown = max(32, capacity * 2)
        while grown < count + extra { grown *= 2 }
        guard let moved = realloc(stream, grown) else { fatalError("out of memory building a search segment") }
        stream = moved.assumingMemoryBound(to: UInt8.self)
        capacity = grown
    }

    func append(term id: Int, ordinal: UInt32, titleCount: UInt32, bodyCount: UInt32, positions: UnsafeBufferPointer<UInt32>) {
        ensureTerm(id)
        let term = terms + id
        if !positions.isEmpty {
            Self.reserve(
                positions.count * VarInt.maxBytes, &term.pointee.positions, count: term.pointee.positionCount,
                capacity: &term.pointee.positionCapacity)
            let start = term.pointee.positions! + term.pointee.positionCount
            var used = 0
            var last: UInt32 = 0
            for (index, position) in positions.enumerated() {
                // Each entry's positions stand alone: the first whole, then gaps.
                used += VarInt.write(index == 0 ? position : position - last, to: start + used)
                last = position
            }
            term.pointee.positionCount += used
        }
        appendEntry(term, ordinal: ordinal, titleCount: titleCount, bodyCount: bodyCount)
    }

    @inline(__always)
    private func appendEntry(_ term: UnsafeMutablePointer<Term>, ordinal: UInt32, titleCount: UInt32, bodyCount: UInt32) {
        Self.reserve(3 * VarInt.maxBytes, &term.pointee.bytes, count: term.pointee.byteCount, capacity: &term.pointee.byteCapacity)
        let start = term.pointee.bytes! + term.pointee.byteCount
        let first = term.pointee.entries % PostingList.blockSize == 0
        var used = VarInt.write(first ? ordinal : ordinal - term.pointee.previous, to: start)
        // Both counts in one integer: the title count (nearly always 0, 1 or 2) in the low two
        // bits, 3 meaning "3 or more, the rest follows"; this saves a byte on most entries.
        used += VarInt.write(bodyCount << 2 | min(titleCount, 3), to: start + used)
        if titleCount >= 3 { used += VarInt.write(titleCount - 3, to: start + used) }
        term.pointee.byteCount += used
        term.pointee.previous = ordinal
        term.pointee.entries += 1
    }

    /// Appends term `otherID` of `other` (a later ordinal range) to term `id` of these, entry by
    /// entry, so blocks stay full across the ranges' seam.
    func append(term id: Int, from other: PostingWriters, term otherID: Int) {
        ensureTerm(id)
        let source = other.terms[otherID]
        guard source.entries > 0 else { return }
        let bytes = UnsafeBufferPointer(start: source.bytes, count: source.byteCount)
        let positions = UnsafeBufferPointer(start: source.positions, count: source.positionCount)
        let term = terms + id
        var offset = 0
        var positionOffset = 0
        var entry = PostingList.Entry()
        for index in 0..<source.entries {
            entry.decode(bytes, &offset, first: index % PostingList.blockSize == 0)
            let end = VarInt.skip(entry.titleCount + entry.bodyCount, in: positions, from: positionOffset)
            let length = end - positionOffset
            if length > 0 {
                Self.reserve(length, &term.pointee.positions, count: term.pointee.positionCount, capacity: &term.pointee.positionCapacity)
                (term.pointee.positions! + term.pointee.positionCount).update(from: positions.baseAddress! + positionOffset, count: length)
                term.pointee.positionCount += length
            }
            positionOffset = end
            appendEntry(term, ordinal: entry.ordinal, titleCount: entry.titleCount, bodyCount: entry.bodyCount)
        }
    }

    /// Term `id`'s complete list, with where each block starts in both streams, its entry count,
    /// last ordinal and frontier of (weighted frequency, length) pairs; `lengths` holds each
    /// document's length by ordinal.
    func finished(_ id: Int, lengths: [UInt32]) -> PostingList.Parts {
        let term = terms[id]
        let bytes = UnsafeBufferPointer(start: term.bytes, count: term.byteCount)
        let positions = UnsafeBufferPointer(start: term.positions, count: term.positionCount)
        var parts = PostingList.Parts()
        parts.bytes = Array(bytes)
        parts.positions = Array(positions)
        parts.count = term.entries
        let blocks = (term.entries + PostingList.blockSize - 1) / PostingList.blockSize
        parts.blockOffsets.reserveCapacity(blocks)
        parts.blockPositionOffsets.reserveCapacity(blocks)
        parts.blockCounts.reserveCapacity(blocks)
        parts.blockLast.reserveCapacity(blocks)
        var offset = 0
        var positionOffset = 0
        var entry = PostingList.Entry()
        var index = 0
        while index < term.entries {
            parts.blockOffsets.append(offset)
            parts.blockPositionOffsets.append(positionOffset)
            parts.frontiers.startBlock()
            let inBlock = min(PostingList.blockSize, term.entries - index)
            for within in 0..<inBlock {
                entry.decode(bytes, &offset, first: within == 0)
                positionOffset = VarInt.skip(entry.titleCount + entry.bodyCount, in: positions, from: positionOffset)
                let frequency = BM25.weightedFrequency(title: entry.titleCount, body: entry.bodyCount)
                parts.frontiers.add(frequency: frequency, length: lengths[Int(entry.ordinal)])
            }
            parts.blockCounts.append(UInt16(inBlock))
            parts.blockLast.append(entry.ordinal)
            index += inBlock
        }
        return parts
    }

    /// Term `id`'s list as written so far (tests).
    func list(_ id: Int, lengths: [UInt32]) -> PostingList { PostingList(finished(id, lengths: lengths)) }
}
