import DisclosureCore
import Dispatch

/// Builds a segment from documents: the documents are ordered newest first, split into one
/// ordinal range per core, each range tokenized and its postings encoded as they stream (no
/// per-token `String`, no per-entry arrays), and the ranges' postings concatenated term by term.
enum SegmentBuilder {
    /// One ordinal range's term table, postings and document lengths.
    struct Part: Sendable {
        var terms = TermTable()
        var writers = PostingWriters()
        var lengths: [UInt32] = []
        var titleLengths: [UInt32] = []
        var neighbours: NeighbourTracker
        var ordinals: Range<UInt32> = 0..<0

        init() { neighbours = NeighbourTracker(documents: writers) }
    }

    final class Slot: @unchecked Sendable {
        var part = Part()
    }

    static func build(_ documents: [SearchDocument], threads: Int) -> SearchSegment {
        let ordered = documents.sorted { ($0.dateKey, $0.id) > ($1.dateKey, $1.id) }
        let parts = max(1, min(threads, ordered.count / 64 + 1))
        let slots = (0..<parts).map { _ in Slot() }
        let size = (ordered.count + parts - 1) / max(parts, 1)
        DispatchQueue.concurrentPerform(iterations: parts) { index in
            let start = min(ordered.count, index * size)
            let end = min(ordered.count, start + size)
            slots[index].part = part(ordered[start..<end], firstOrdinal: start)
        }
        return merge(slots.map(\.part), ordered: ordered)
    }

    static func part(_ documents: ArraySlice<SearchDocument>, firstOrdinal: Int) -> Part {
        var part = Part()
        part.ordinals = UInt32(firstOrdinal)..<UInt32(firstOrdinal + documents.count)
        var occurrences = Occurrences()
        var positions: [UInt32] = []
        for (offset, document) in documents.enumerated() {
            let ordinal = UInt32(firstOrdinal + offset)
            occurrences.startDocument()
            part.neighbours.startField(ordinal: ordinal)
            let titleCount = collect(document.title, from: 0, into: &occurrences, terms: &part.terms, neighbours: part.neighbours)
            // Body positions start one past a gap, so no phrase spans the title and the body.
            part.neighbours.startField(ordinal: ordinal)
            let bodyCount = collect(document.body, from: titleCount + 1, into: &occurrences, terms: &part.terms, neighbours: part.neighbours)
            part.lengths.append(titleCount + bodyCount)
            part.titleLengths.append(titleCount)
            for term in occurrences.distinct {
                positions.removeAll(keepingCapacity: true)
                occurrences.positions(of: term, into: &positions)
                var inTitle: UInt32 = 0
                for position in positions where position < titleCount { inTitle += 1 }
                positions.withUnsafeBufferPointer { positions in
                    part.writers.append(
                        term: Int(term), ordinal: ordinal, titleCount: inTitle, bodyCount: UInt32(positions.count) - inTitle,
                        positions: positions)
                }
            }
        }
        part.neighbours.finish()
        return part
    }

    /// Adds the term id and position of each token of `text`; returns how many.
    static func collect(
        _ text: String, from start: UInt32, into occurrences: inout Occurrences, terms: inout TermTable, neighbours: NeighbourTracker
    ) -> UInt32 {
        var position = start
        SearchTokenizer.forEachToken(in: text) { bytes in
            let term = terms.id(of: bytes)
            occurrences.add(term: term, position: position)
            neighbours.add(term)
            position += 1
        }
        return position - start
    }

    static func merge(_ parts: [Part], ordered: [SearchDocument]) -> SearchSegment {
        // One range (a bulk import's builds) is already the segment's.
        var terms = parts.count == 1 ? parts[0].terms : TermTable()
        let writers = parts.count == 1 ? parts[0].writers : PostingWriters()
        // Each range's term ids as the merged table's.
        var merged = parts.map { part in parts.count == 1 ? Array(0..<part.terms.count) : [] }
        for (index, part) in parts.enumerated() where parts.count > 1 {
            merged[index].reserveCapacity(part.terms.count)
            for local in 0..<part.terms.count {
                let start = part.terms.starts[local]
                let id = part.terms.arena.withUnsafeBufferPointer {
                    terms.id(of: UnsafeBufferPointer(rebasing: $0[start..<(start + part.terms.lengths[local])]))
                }
                merged[index].append(Int(id))
                writers.append(term: Int(id), from: part.writers, term: local)
            }
        }
        let lengths = parts.flatMap(\.lengths)
        let titleLengths = parts.flatMap(\.titleLengths)
        let termBytes = (0..<terms.count).map { terms.bytes($0) }
        // Byte order, which `TermDictionary` searches in (the order of the Unicode scalars).
        let order = termBytes.indices.sorted { termBytes[$0].lexicographicallyPrecedes(termBytes[$1]) }
        var facetOrdinals: [String: [String: [UInt32]]] = [:]
        for (ordinal, document) in ordered.enumerated() {
            for (field, value) in document.facets { facetOrdinals[field, default: [:]][value, default: []].append(UInt32(ordinal)) }
        }
        let postings = order.map { writers.finished($0, lengths: lengths) }
        let neighbours = Neighbours.gather(ranges: neighbourRanges(parts, merged: merged, order: order), postings: postings, documents: ordered.count)
        let image = SegmentFile.image(
            terms: order.map { termBytes[$0] }, postings: postings,
            documents: SegmentFile.Documents(
                ids: ordered.map(\.id), dateKeys: ordered.map(\.dateKey), lengths: lengths, titleLengths: titleLengths,
                facets: facetOrdinals.mapValues { $0.mapValues { DocumentBitmap(sorted: $0) } }, neighbours: neighbours))
        do {
            return try SegmentFile.open(SegmentBytes(copying: image), checksumVerified: true)
        } catch {
            // The image was written just above by the same layout the reader checks.
            preconditionFailure("a segment built in memory does not read back: \(error)")
        }
    }

    /// The ranges' trackers with their term ids mapped to the segment's (`order`: segment term
    /// id → merged table id; `merged`: per range, local id → merged table id).
    private static func neighbourRanges(_ parts: [Part], merged: [[Int]], order: [Int]) -> [Neighbours.Range] {
        var segmentID = [Int](repeating: 0, count: order.count)
        for (id, mergedID) in order.enumerated() { segmentID[mergedID] = id }
        return parts.indices.map { index in
            let segment = merged[index].map { segmentID[$0] }
            var local = [Int32](repeating: -1, count: order.count)
            for (localID, id) in segment.enumerated() { local[id] = Int32(localID) }
            return Neighbours.Range(ordinals: parts[index].ordinals, tracker: parts[index].neighbours, local: local, segment: segment)
        }
    }
}
