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
    let lengths: [UInt32]
    let titleLengths: [UInt32]
    let averageLength: Float
    /// Field → value → documents.
    let facets: [String: [String: DocumentBitmap]]

    /// Terms found in at least this many documents keep a ready bitmap.
    static let bitmapThreshold = 256

    public var count: Int { ids.count }

    /// Indexes the documents (any order; ordinals follow `dateKey`, newest first, then id).
    public static func build(_ documents: [SearchDocument]) -> SearchSegment {
        let ordered = documents.sorted { ($0.dateKey, $0.id) > ($1.dateKey, $1.id) }
        var titleLengths: [UInt32] = []
        var lengths: [UInt32] = []
        var tokenized: [(title: [String], body: [String])] = []
        tokenized.reserveCapacity(ordered.count)
        for document in ordered {
            let title = SearchTokenizer.tokens(document.title)
            let body = SearchTokenizer.tokens(document.body)
            tokenized.append((title, body))
            titleLengths.append(UInt32(title.count))
            lengths.append(UInt32(title.count + body.count))
        }
        let averageLength = lengths.isEmpty ? 1 : Float(lengths.reduce(0) { $0 + Int($1) }) / Float(lengths.count)

        var entries: [String: [PostingList.Entry]] = [:]
        for (ordinal, tokens) in tokenized.enumerated() {
            var perDocument: [String: PostingList.Entry] = [:]
            for (position, token) in tokens.title.enumerated() {
                perDocument[token, default: PostingList.Entry(ordinal: UInt32(ordinal), titleCount: 0, bodyCount: 0, positions: [])].titleCount += 1
                perDocument[token]!.positions.append(UInt32(position))
            }
            // Body positions start one past a gap, so no phrase spans the title and the body.
            let bodyStart = tokens.title.count + 1
            for (position, token) in tokens.body.enumerated() {
                perDocument[token, default: PostingList.Entry(ordinal: UInt32(ordinal), titleCount: 0, bodyCount: 0, positions: [])].bodyCount += 1
                perDocument[token]!.positions.append(UInt32(bodyStart + position))
            }
            for (token, entry) in perDocument { entries[token, default: []].append(entry) }
        }
        let terms = entries.keys.sorted()
        var postings: [PostingList] = []
        var termBitmaps: [Int: DocumentBitmap] = [:]
        postings.reserveCapacity(terms.count)
        for (index, term) in terms.enumerated() {
            let list = entries[term]!
            postings.append(
                PostingList(entries: list) {
                    BM25.factor(
                        frequency: BM25.weightedFrequency(title: $0.titleCount, body: $0.bodyCount), length: lengths[Int($0.ordinal)],
                        averageLength: averageLength)
                })
            if list.count >= bitmapThreshold { termBitmaps[index] = DocumentBitmap(sorted: list.lazy.map(\.ordinal)) }
        }
        var facetOrdinals: [String: [String: [UInt32]]] = [:]
        for (ordinal, document) in ordered.enumerated() {
            for (field, value) in document.facets { facetOrdinals[field, default: [:]][value, default: []].append(UInt32(ordinal)) }
        }
        return SearchSegment(
            terms: terms, postings: postings, termBitmaps: termBitmaps, ids: ordered.map(\.id), lengths: lengths, titleLengths: titleLengths,
            averageLength: averageLength, facets: facetOrdinals.mapValues { $0.mapValues { DocumentBitmap(sorted: $0) } })
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
    func bitmap(ofTerm id: Int) -> DocumentBitmap {
        if let ready = termBitmaps[id] { return ready }
        var ordinals: [UInt32] = []
        var cursor = PostingCursor(postings[id])
        while !cursor.exhausted {
            ordinals.append(cursor.ordinal)
            cursor.next()
        }
        return DocumentBitmap(sorted: ordinals)
    }
}
