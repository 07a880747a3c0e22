import DisclosureCore

/// An immutable index over a set of documents: the term dictionary, each term's postings, each
/// document's id, length and title length by ordinal, and a bitmap per facet value. Ordinal 0 is
/// the newest document, so `newest` order is ascending ordinal order.
public struct SearchSegment: Sendable {
    /// Terms in ascending order; a term's index is its id.
    let terms: [String]
    let postings: [PostingList]
    /// Bitmaps of the documents containing frequent terms, built once (rare terms decode theirs).
    let termBitmaps: [Int: DocumentBitmap]
    let ids: [Int]
    /// Each document's `dateKey`, non-increasing by ordinal: `newest` order across segments merges on it.
    let dateKeys: [Int64]
    let lengths: [UInt32]
    let titleLengths: [UInt32]
    /// The sum of the documents' token counts, from which a set of segments averages lengths.
    let lengthSum: Int
    /// Field → value → documents.
    let facets: [String: [String: DocumentBitmap]]
    /// The same facts by document: field → each ordinal's value (see `FacetColumn`).
    let facetColumns: [String: FacetColumn]

    /// Terms found in at least this many documents keep a ready bitmap.
    static let bitmapThreshold = 256

    public var count: Int { ids.count }

    /// Indexes the documents (any order; ordinals follow `dateKey`, newest first, then id), on
    /// `threads` cores.
    public static func build(_ documents: [SearchDocument], threads: Int = 2) -> SearchSegment {
        SegmentBuilder.build(documents, threads: threads)
    }

    /// The ordinals of a posting list, as a bitmap.
    static func ordinals(of list: PostingList) -> DocumentBitmap {
        var ordinals: [UInt32] = []
        ordinals.reserveCapacity(list.count)
        var cursor = PostingCursor(list)
        while !cursor.exhausted {
            ordinals.append(cursor.ordinal)
            cursor.next()
        }
        return DocumentBitmap(sorted: ordinals)
    }

    /// The ids of the terms a query token stands for: itself, or every term it begins (a prefix).
    func termIDs(for token: SearchQuery.Token) -> [Int] {
        let start = lowerBound(token.text)
        guard token.prefix else { return start < terms.count && terms[start] == token.text ? [start] : [] }
        var end = start
        while end < terms.count && terms[end].hasPrefix(token.text) { end += 1 }
        return Array(start..<end)
    }

    private func lowerBound(_ text: String) -> Int {
        var lower = 0
        var upper = terms.count
        while lower < upper {
            let middle = (lower + upper) / 2
            if terms[middle] < text { lower = middle + 1 } else { upper = middle }
        }
        return lower
    }

    /// The documents containing a term.
    func bitmap(ofTerm id: Int) -> DocumentBitmap { termBitmaps[id] ?? Self.ordinals(of: postings[id]) }

    /// The documents whose `field` is one of `values`.
    func documents(where field: String, in values: [String]) -> DocumentBitmap {
        values.reduce(DocumentBitmap()) { $0.union(facets[field]?[$1] ?? DocumentBitmap()) }
    }
}
