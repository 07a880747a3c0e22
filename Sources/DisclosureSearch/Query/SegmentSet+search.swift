import DisclosureCore

extension SegmentSet {
    /// One page of the live documents that contain every term of the query as a token phrase, with
    /// the exact total and facet counts. Each segment prepares its share, the token counts are
    /// summed into collection-wide IDF, then the segments run one after another into one top list,
    /// so pruning in a later segment uses the threshold the earlier ones reached.
    public func search(_ request: EngineQuery) -> EngineResult {
        guard !request.query.isEmpty, count > 0 else { return .empty }
        let matches = members.map { SegmentMatch($0.segment, query: request.query, filters: request.filters, live: $0.live) }
        var idf: [Float] = []
        for (index, phrase) in request.query.phrases.enumerated() {
            var rarest = Int.max
            for token in phrase.indices { rarest = min(rarest, matches.reduce(0) { $0 + $1.tokenCounts[index][token] }) }
            // The phrase is in at most as many documents as its rarest token.
            idf.append(BM25.idf(matching: rarest, total: count))
        }
        let average = averageLength
        let wanted = request.limit == 0 ? 0 : request.offset + request.limit
        var top = TopScores(capacity: wanted)
        var newest: [TopScores.Item] = []
        var total = 0
        var facetCounts: [String: [String: Int]] = [:]
        for match in matches {
            let found = match.run(idf: idf, averageLength: average, order: request.order, top: &top, newest: &newest)
            guard !found.isEmpty else { continue }
            total += found.count
            guard request.facets else { continue }
            var unmatched: DocumentBitmap?
            let leftOut = { () -> DocumentBitmap in
                if let unmatched { return unmatched }
                unmatched = match.segment.everyDocument.subtracting(found)
                return unmatched!
            }
            for (field, values) in match.segment.facets {
                if let column = match.segment.facetColumns[field], column.prefersWalking(found.count) {
                    for (index, count) in column.counts(found, unmatched: leftOut).enumerated() where count > 0 {
                        facetCounts[field, default: [:]][column.values[index], default: 0] += count
                    }
                    continue
                }
                for (value, documents) in values {
                    let count = documents.intersectionCount(found)
                    if count > 0 { facetCounts[field, default: [:]][value, default: 0] += count }
                }
            }
        }
        let ranked = request.order == .newest ? newest.sorted { $1.ranksBelow($0) } : top.sorted()
        // Only values that occur among the matches, largest first; a field none of them has is left out.
        let facets = facetCounts.mapValues { counts in
            counts.map { EngineResult.FacetCount(value: $0.key, count: $0.value) }.sorted { ($0.count, $1.value) > ($1.count, $0.value) }
        }
        return EngineResult(total: total, ids: ranked.dropFirst(request.offset).prefix(request.limit).map(\.id), facets: facets)
    }
}

extension SearchSegment {
    /// A segment searched on its own, as a set of one.
    public func search(_ request: EngineQuery) -> EngineResult {
        var set = SegmentSet()
        set.add(self, name: "")
        return set.search(request)
    }
}
