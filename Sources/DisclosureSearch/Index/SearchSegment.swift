import DisclosureCore

/// An immutable index over a set of documents, read in place from its file's bytes
/// (`SegmentFile`): the term dictionary and each term's postings stay in the bytes until a query
/// reads them; each document's id, date key, length and title length by ordinal, and a bitmap per
/// facet value, are decoded when the segment opens. Ordinal 0 is the newest document, so `newest`
/// order is ascending ordinal order.
public struct SearchSegment: Sendable {
    let storage: SegmentBytes
    let dictionary: TermDictionary
    /// Where the table of the terms' record offsets starts.
    let recordTable: Int
    /// This segment's key in `SegmentCaches`.
    let serial: Int
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
    /// Every ordinal, to count facets over the few documents a near-universal match leaves out.
    let everyDocument: DocumentBitmap
    /// The terms that nearly always stand beside the same term (`AnchoredPhrase`).
    let neighbours: NeighbourTable

    /// Terms found in at least this many documents keep their bitmap in `SegmentCaches.termBitmaps`.
    static let bitmapThreshold = 256

    init(storage: SegmentBytes, dictionary: TermDictionary, recordTable: Int, documents: SegmentFile.Documents, neighbours: NeighbourTable) {
        self.storage = storage
        self.dictionary = dictionary
        self.recordTable = recordTable
        serial = SegmentCaches.newSegment()
        ids = documents.ids
        dateKeys = documents.dateKeys
        lengths = documents.lengths
        titleLengths = documents.titleLengths
        lengthSum = documents.lengths.reduce(0) { $0 + Int($1) }
        facets = documents.facets
        facetColumns = FacetColumn.columns(documents.facets, count: documents.ids.count)
        everyDocument = DocumentBitmap.all(documents.ids.count)
        self.neighbours = neighbours
    }

    public var count: Int { ids.count }

    /// The file's size in bytes.
    public var byteCount: Int { storage.count }

    /// Calls `body` with the segment's file bytes (to write them without a copy).
    public func withFileBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result { try body(storage.buffer) }

    /// The terms in ascending byte order (tests).
    var terms: [String] { dictionary.strings }

    /// Indexes the documents (any order; ordinals follow `dateKey`, newest first, then id), on
    /// `threads` cores.
    public static func build(_ documents: [SearchDocument], threads: Int = 2) -> SearchSegment {
        SegmentBuilder.build(documents, threads: threads)
    }

    /// Term `id`'s postings.
    func postings(_ id: Int) -> PostingList { SegmentFile.postingList(id, in: storage, recordTable: recordTable) }

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
        Array(dictionary.ids(for: SearchQueryTokenBytes(bytes: Array(token.text.utf8), prefix: token.prefix)))
    }

    /// The documents containing a term.
    func bitmap(ofTerm id: Int) -> DocumentBitmap {
        guard SegmentFile.documentCount(id, in: storage, recordTable: recordTable) >= Self.bitmapThreshold else {
            return Self.ordinals(of: postings(id))
        }
        return SegmentCaches.termBitmaps.value(.init(segment: serial, term: id), size: \.memorySize) { Self.ordinals(of: postings(id)) }
    }

    /// The documents holding any of the terms (a prefix token's alternatives).
    func bitmap(ofAny ids: [Int]) -> DocumentBitmap {
        ids.count == 1 ? bitmap(ofTerm: ids[0]) : occurrences(ofAny: ids).documents
    }

    /// The documents whose `field` is one of `values`.
    func documents(where field: String, in values: [String]) -> DocumentBitmap {
        values.reduce(DocumentBitmap()) { $0.union(facets[field]?[$1] ?? DocumentBitmap()) }
    }
}
