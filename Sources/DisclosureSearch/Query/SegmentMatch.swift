import DisclosureCore

/// One segment's share of a query. Preparing it finds the term ids each token stands for, how many
/// live documents hold each token (summed over segments into collection-wide IDF, so a document
/// scores the same whichever segment holds it) and the candidates: live, allowed by the filters
/// and holding every token. Running it verifies phrases on positions, scores with the collection's
/// statistics and offers hits to the shared top list.
struct SegmentMatch {
    let segment: SearchSegment
    /// Phrase → token → the term ids it stands for (more than one for a prefix).
    let phrases: [[[Int]]]
    /// Phrase → token → live documents of this segment holding it.
    let tokenCounts: [[Int]]
    /// Live documents the filters allow; nil when every document is allowed.
    let allowed: DocumentBitmap?
    /// Documents holding every token (phrases not yet verified); empty when a token is absent.
    let candidates: DocumentBitmap
    /// Phrase → the tokens whose positions verification reads (see `ImpliedTokens`).
    let checked: [[Int]]
    /// Whether facet filters narrow the candidates (then verifying a whole phrase to keep it could
    /// cost far more than this query needs).
    let filtered: Bool

    init(_ segment: SearchSegment, query: SearchQuery, filters: [String: [String]], live: DocumentBitmap?) {
        self.segment = segment
        var allowed = live
        for (field, values) in filters.sorted(by: { $0.key < $1.key }) {
            let documents = segment.documents(where: field, in: values)
            allowed = allowed.map { $0.intersection(documents) } ?? documents
        }
        self.allowed = allowed
        filtered = !filters.isEmpty
        var phrases: [[[Int]]] = []
        var tokenCounts: [[Int]] = []
        var candidates: DocumentBitmap?
        var complete = true
        // A token that stands again later in the query (政府信息公开政府信息公开…) is looked up,
        // counted and intersected once.
        var seen: [[Int]: Int] = [:]
        for phrase in query.phrases {
            var tokens: [[Int]] = []
            var counts: [Int] = []
            for token in phrase {
                let ids = segment.termIDs(for: token)
                tokens.append(ids)
                guard !ids.isEmpty else {
                    complete = false
                    counts.append(0)
                    continue
                }
                if let count = seen[ids] {
                    counts.append(count)
                    continue
                }
                var documents = segment.bitmap(ofAny: ids)
                if let live { documents = documents.intersection(live) }
                counts.append(documents.count)
                seen[ids] = documents.count
                if complete { candidates = candidates.map { $0.intersection(documents) } ?? documents }
            }
            phrases.append(tokens)
            tokenCounts.append(counts)
        }
        self.phrases = phrases
        self.tokenCounts = tokenCounts
        checked = query.phrases.indices.map { ImpliedTokens.checked(query.phrases[$0], counts: tokenCounts[$0]) }
        if complete, var found = candidates {
            if let allowed { found = found.intersection(allowed) }
            self.candidates = found
        } else {
            self.candidates = DocumentBitmap()
        }
    }

    /// One term of one token (which may stand for several terms, as a lone character does).
    var isSingleToken: Bool { phrases.count == 1 && phrases[0].count == 1 }

    /// The documents that match, after offering the relevance order's hits to `top` or collecting
    /// the first `wanted` in date order into `newest`.
    func run(idf: [Float], averageLength: Float, order: EngineQuery.Order, top: inout TopScores, newest: inout [TopScores.Item]) -> DocumentBitmap {
        guard !candidates.isEmpty else { return candidates }
        if isSingleToken {
            // One token: every candidate matches, so the total and facets are the bitmap's.
            if order == .newest {
                firstByDate(candidates, into: &newest, wanted: top.capacity)
            } else if phrases[0][0].count == 1 {
                offerByBlockMax(term: phrases[0][0][0], within: allowed, idf: idf[0], averageLength: averageLength, to: &top)
            } else {
                // A lone character stands for every term it begins (政 → 政府, 政务, 政策 …,
                // hundreds): their counts summed per document are read once and kept.
                let sums = segment.occurrences(ofAny: phrases[0][0])
                offerBestFirst(sums, within: allowed == nil ? nil : candidates, idf: idf[0], averageLength: averageLength, to: &top)
            }
            return candidates
        }
        return verified(idf: idf, averageLength: averageLength, order: order, top: &top, newest: &newest)
    }

    func item(_ ordinal: UInt32, score: Float) -> TopScores.Item {
        TopScores.Item(score: score, dateKey: segment.dateKeys[Int(ordinal)], id: segment.ids[Int(ordinal)])
    }

    /// Offers a scored document. Its date and id, which only a tie or an entry needs, are read
    /// only for a score that reaches the list's threshold: reading them for every document a
    /// common phrase's first search counted was a fifth of that walk's own time.
    func offer(_ ordinal: UInt32, score: Float, to top: inout TopScores) {
        guard !top.isFull || score >= top.threshold else { return }
        top.offer(item(ordinal, score: score))
    }

    /// Offers a document matching one term or phrase, scored by its (exact) counts there.
    func offer(_ ordinal: UInt32, counts: PhraseCounts, idf: Float, averageLength: Float, to top: inout TopScores) {
        offer(ordinal, score: counts.score(idf: idf, length: segment.lengths[Int(ordinal)], averageLength: averageLength), to: &top)
    }

    /// Ordinals ascend by date descending, so the first `wanted` matches are this segment's newest.
    func firstByDate(_ matches: DocumentBitmap, into newest: inout [TopScores.Item], wanted: Int) {
        guard wanted > 0 else { return }
        var taken = 0
        matches.forEach { ordinal in
            newest.append(item(ordinal, score: 0))
            taken += 1
            return taken < wanted
        }
    }

    /// Offers the best hits of one term: its blocks are visited best first by their exact maxima
    /// (the frontier's, see `PostingList`), and the walk stops at the first block whose best
    /// document could not enter the top list — every later one is worse (block-max pruning over
    /// one posting list). 政府 is in nearly every document, and this reads a few dozen of its
    /// blocks instead of scoring them all. Only documents `within` are offered (all when nil).
    func offerByBlockMax(term: Int, within: DocumentBitmap?, idf: Float, averageLength: Float, to top: inout TopScores) {
        let list = segment.postings(term)
        guard list.count > 0 else { return }
        let (order, bounds) = list.frontiers.blocksBestFirst(averageLength: averageLength, weight: idf)
        var cursor = PostingCursor(list)
        for block in order {
            // Strictly below: a document of another segment may tie and win on its date.
            if top.isFull && bounds[block] < top.threshold { return }
            cursor.enter(block: block)
            let entries = list.entries(inBlock: block)
            for entry in 0..<entries {
                let ordinal = cursor.ordinal
                if within?.contains(ordinal) ?? true {
                    let counts = PhraseCounts(title: cursor.titleCount, body: cursor.bodyCount, exact: true)
                    offer(ordinal, counts: counts, idf: idf, averageLength: averageLength, to: &top)
                }
                if entry + 1 < entries { cursor.next() }
            }
        }
    }
}
