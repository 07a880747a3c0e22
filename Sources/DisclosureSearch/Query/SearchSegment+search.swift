import DisclosureCore

extension SearchSegment {
    /// One page of the documents that contain every term of the query as a token phrase, with the
    /// exact total and facet counts. A single-token query is answered from its posting list with
    /// block-max pruning; phrases are verified on their positions, so results are exact.
    public func search(_ request: EngineQuery) -> EngineResult {
        guard !request.query.isEmpty, count > 0 else { return .empty }
        var phrases: [[[Int]]] = []
        for phrase in request.query.phrases {
            var tokens: [[Int]] = []
            for token in phrase {
                let ids = termIDs(for: token)
                guard !ids.isEmpty else { return .empty }
                tokens.append(ids)
            }
            phrases.append(tokens)
        }
        let filter = filterBitmap(request.filters)
        var candidates: DocumentBitmap?
        var idf: [Float] = []
        for tokens in phrases {
            var rarest = Int.max
            for alternatives in tokens {
                let documents = alternatives.dropFirst().reduce(bitmap(ofTerm: alternatives[0])) { $0.union(bitmap(ofTerm: $1)) }
                rarest = min(rarest, documents.count)
                candidates = candidates.map { $0.intersection(documents) } ?? documents
            }
            // The phrase is in at most as many documents as its rarest token.
            idf.append(BM25.idf(matching: rarest, total: count))
        }
        guard var matches = candidates else { return .empty }
        if let filter { matches = matches.intersection(filter) }

        if phrases.count == 1, phrases[0].count == 1, phrases[0][0].count == 1 {
            // One token: every candidate matches, so the total and facets are the bitmap's.
            let ordinals =
                request.order == .newest ? page(of: matches, request) : topByBlockMax(term: phrases[0][0][0], idf: idf[0], filter: filter, request)
            return result(matches: matches, page: ordinals, request)
        }
        return verified(phrases: phrases, idf: idf, candidates: matches, request)
    }

    func filterBitmap(_ filters: [String: [String]]) -> DocumentBitmap? {
        var result: DocumentBitmap?
        for (field, values) in filters.sorted(by: { $0.key < $1.key }) {
            let allowed = values.reduce(DocumentBitmap()) { $0.union(facets[field]?[$1] ?? DocumentBitmap()) }
            result = result.map { $0.intersection(allowed) } ?? allowed
        }
        return result
    }

    func page(of matches: DocumentBitmap, _ request: EngineQuery) -> [UInt32] {
        var skipped = 0
        var page: [UInt32] = []
        matches.forEach { ordinal in
            if skipped < request.offset {
                skipped += 1
                return true
            }
            page.append(ordinal)
            return page.count < request.limit
        }
        return request.limit == 0 ? [] : page
    }

    /// The best-scoring page for one term, skipping every block whose best document could not
    /// enter the page (block-max pruning over one posting list).
    func topByBlockMax(term: Int, idf: Float, filter: DocumentBitmap?, _ request: EngineQuery) -> [UInt32] {
        var top = TopScores(capacity: request.offset + request.limit)
        var cursor = PostingCursor(postings[term])
        while !cursor.exhausted {
            // Within a block, a later document ties only by ranking below (larger ordinal), so a
            // block whose bound does not beat the threshold cannot change the page.
            if top.isFull && cursor.blockBound(averageLength: averageLength) * idf <= top.threshold {
                cursor.skipBlock()
                continue
            }
            let ordinal = cursor.ordinal
            if filter?.contains(ordinal) ?? true {
                let frequency = BM25.weightedFrequency(title: cursor.titleCount, body: cursor.bodyCount)
                let factor = BM25.factor(frequency: frequency, length: lengths[Int(ordinal)], averageLength: averageLength)
                top.offer(.init(score: factor * idf, ordinal: ordinal))
            }
            cursor.next()
        }
        return top.sorted().dropFirst(request.offset).map(\.ordinal)
    }

    /// Walks the candidates in ordinal order, verifying each phrase on its positions and scoring
    /// the documents that match.
    func verified(phrases: [[[Int]]], idf: [Float], candidates: DocumentBitmap, _ request: EngineQuery) -> EngineResult {
        var cursors = phrases.map { tokens in tokens.map { alternatives in alternatives.map { PostingCursor(postings[$0]) } } }
        var buffers = phrases.map { tokens in tokens.map { _ in [UInt32]() } }
        var matched: [UInt32] = []
        var top = TopScores(capacity: request.order == .relevance ? request.offset + request.limit : 0)
        candidates.forEach { ordinal in
            var score: Float = 0
            for index in phrases.indices {
                let (title, body) = occurrences(of: &cursors[index], at: ordinal, buffers: &buffers[index])
                guard title + body > 0 else { return true }
                let frequency = BM25.weightedFrequency(title: title, body: body)
                score += idf[index] * BM25.factor(frequency: frequency, length: lengths[Int(ordinal)], averageLength: averageLength)
            }
            matched.append(ordinal)
            top.offer(.init(score: score, ordinal: ordinal))
            return true
        }
        let bitmap = DocumentBitmap(sorted: matched)
        let ordinals =
            request.order == .newest
            ? Array(matched.dropFirst(request.offset).prefix(request.limit)) : top.sorted().dropFirst(request.offset).map(\.ordinal)
        return result(matches: bitmap, page: ordinals, request)
    }

    /// How often the phrase occurs in the title and in the body of the document at `ordinal`.
    /// `buffers` holds one reusable position list per token, so verifying allocates nothing.
    func occurrences(of tokens: inout [[PostingCursor]], at ordinal: UInt32, buffers: inout [[UInt32]]) -> (title: UInt32, body: UInt32) {
        for token in tokens.indices {
            for alternative in tokens[token].indices { tokens[token][alternative].advance(to: ordinal) }
        }
        func present(_ cursor: PostingCursor) -> Bool { !cursor.exhausted && cursor.ordinal == ordinal }
        if tokens.count == 1 {
            return tokens[0].filter(present).reduce((0, 0)) { ($0.0 + $1.titleCount, $0.1 + $1.bodyCount) }
        }
        for token in tokens.indices {
            buffers[token].removeAll(keepingCapacity: true)
            var sources = 0
            for cursor in tokens[token] where present(cursor) {
                cursor.positions(into: &buffers[token])
                sources += 1
            }
            guard !buffers[token].isEmpty else { return (0, 0) }
            // A prefix token's alternatives interleave; one sorted list is what the walk needs.
            if sources > 1 { buffers[token].sort() }
        }
        // Walk the first token's positions; every other token keeps a pointer that only moves forward.
        var pointers = [Int](repeating: 0, count: tokens.count)
        var title: UInt32 = 0
        var body: UInt32 = 0
        let titleLength = titleLengths[Int(ordinal)]
        starts: for start in buffers[0] {
            for token in 1..<tokens.count {
                let wanted = start + UInt32(token)
                let list = buffers[token]
                var pointer = pointers[token]
                while pointer < list.count && list[pointer] < wanted { pointer += 1 }
                pointers[token] = pointer
                if pointer == list.count { break starts }
                if list[pointer] != wanted { continue starts }
            }
            if start < titleLength { title += 1 } else { body += 1 }
        }
        return (title, body)
    }

    func result(matches: DocumentBitmap, page: [UInt32], _ request: EngineQuery) -> EngineResult {
        var counts: [String: [EngineResult.FacetCount]] = [:]
        if request.facets {
            // Only values that occur among the matches, largest first; a field none of them has is left out.
            for (field, values) in facets {
                let present = values.compactMap { value, documents in
                    let count = documents.intersectionCount(matches)
                    return count > 0 ? EngineResult.FacetCount(value: value, count: count) : nil
                }
                if !present.isEmpty { counts[field] = present.sorted { ($0.count, $1.value) > ($1.count, $0.value) } }
            }
        }
        return EngineResult(total: matches.count, ids: page.map { ids[Int($0)] }, facets: counts)
    }
}
