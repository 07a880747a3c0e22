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
                offerByBlockMax(term: phrases[0][0][0], idf: idf[0], averageLength: averageLength, to: &top)
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

    /// Offers a document matching one term or phrase (`title` and `body`: its counts there).
    func offer(_ ordinal: UInt32, title: UInt32, body: UInt32, idf: Float, averageLength: Float, to top: inout TopScores) {
        let frequency = BM25.weightedFrequency(title: title, body: body)
        let factor = BM25.factor(frequency: frequency, length: segment.lengths[Int(ordinal)], averageLength: averageLength)
        offer(ordinal, score: factor * idf, to: &top)
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
    /// blocks instead of scoring them all.
    func offerByBlockMax(term: Int, idf: Float, averageLength: Float, to top: inout TopScores) {
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
                if allowed?.contains(ordinal) ?? true {
                    offer(ordinal, title: cursor.titleCount, body: cursor.bodyCount, idf: idf, averageLength: averageLength, to: &top)
                }
                if entry + 1 < entries { cursor.next() }
            }
        }
    }

    /// Offers the best documents of a kept phrase or prefix among `matches` (all of them when
    /// nil), its blocks best first, stopping at the first that cannot compete — as
    /// `offerByBlockMax` does for a term. Scored in full, 信息公开条例 (456,574 documents of a
    /// million) took 26 ms a query even once kept. Where the kept counts are bounds, a document
    /// that could still enter is verified now (`phrase`: which of the query's phrases it is).
    func offerBestFirst(
        _ occurrences: PhraseOccurrences, within matches: DocumentBitmap?, phrase: Int? = nil, idf: Float, averageLength: Float,
        to top: inout TopScores
    ) {
        let (order, bounds) = occurrences.frontiers.blocksBestFirst(averageLength: averageLength, weight: idf)
        let exact = occurrences.bounded.isEmpty
        var verifier: PhraseVerifier?
        for block in order {
            if top.isFull && (exact ? bounds[block] < top.threshold : PhraseCounts.surely(bounds[block], below: top.threshold)) { return }
            let start = block * PostingList.blockSize
            for index in start..<min(occurrences.ordinals.count, start + PostingList.blockSize) {
                let ordinal = occurrences.ordinals[index]
                if let matches, !matches.contains(ordinal) { continue }
                var counts = occurrences.counts(atIndex: index)
                if !counts.exact, let phrase {
                    let length = segment.lengths[Int(ordinal)]
                    let bound = counts.score(idf: idf, length: length, averageLength: averageLength)
                    if top.isFull && PhraseCounts.surely(bound, below: top.threshold) { continue }
                    if verifier == nil { verifier = PhraseVerifier(segment, alternatives: phrases[phrase], checked: checked[phrase]) }
                    counts = verifier!.occurrences(at: ordinal)
                }
                offer(ordinal, title: counts.title, body: counts.body, idf: idf, averageLength: averageLength, to: &top)
            }
        }
    }

    /// Walks the candidates in ordinal order, verifying each phrase on its positions (or reading
    /// its kept occurrences) and scoring the documents that match. A document's bound (its
    /// tokens' counts, or kept bounds) is scored first: where even that cannot enter the page, or
    /// the order is by date, each phrase is only checked to occur — stopping at its first
    /// occurrence — and counted exactly otherwise.
    func verified(idf: [Float], averageLength: Float, order: EngineQuery.Order, top: inout TopScores, newest: inout [TopScores.Item])
        -> DocumentBitmap
    {
        var walked = candidates
        var readers: [PhraseOccurrences.Reader?] = phrases.indices.map { _ in nil }
        for index in phrases.indices where checked[index].count > 1 {
            let occurrences: PhraseOccurrences
            switch source(of: index) {
            case .kept(let kept):
                occurrences = kept
            case .worthKeeping(let key, let everywhere):
                if phrases.count == 1 && order == .relevance {
                    let made = rankWhileVerifying(everywhere, idf: idf[0], averageLength: averageLength, top: &top)
                    SegmentCaches.phrases.keep(made, size: made.memorySize, for: key)
                    return made.documents.intersection(candidates)
                }
                occurrences = PhraseOccurrences.verify(in: segment, alternatives: phrases[index], checked: checked[index], candidates: everywhere)
                SegmentCaches.phrases.keep(occurrences, size: occurrences.memorySize, for: key)
            case .verifiedPerQuery:
                continue
            }
            readers[index] = PhraseOccurrences.Reader(occurrences)
            walked = walked.intersection(occurrences.documents)
        }
        // Every phrase of several tokens known: the walk holds exactly the matches (a single-token
        // phrase is in every candidate), and date order needs no counts.
        if order == .newest && phrases.indices.allSatisfy({ readers[$0] != nil || checked[$0].count == 1 }) {
            firstByDate(walked, into: &newest, wanted: top.capacity)
            return walked
        }
        // One phrase, known: the walk is the matches, ranked like one posting list.
        if phrases.count == 1, let reader = readers[0] {
            let occurrences = reader.occurrences
            let within = walked.count == occurrences.ordinals.count ? nil : walked
            offerBestFirst(occurrences, within: within, phrase: 0, idf: idf[0], averageLength: averageLength, to: &top)
            return walked
        }
        let verifiers = phrases.indices.map { readers[$0] == nil ? PhraseVerifier(segment, alternatives: phrases[$0], checked: checked[$0]) : nil }
        // Kept phrases whose bounds a document's score needs made exact, made when first needed.
        var recounters: [PhraseVerifier?] = phrases.indices.map { _ in nil }
        var counts = [PhraseCounts](repeating: .none, count: phrases.count)
        let lengths = segment.lengths
        var matched: [UInt32] = []
        walked.forEach { ordinal in
            let length = lengths[Int(ordinal)]
            var bound: Float = 0
            for index in phrases.indices {
                let known = readers[index] != nil ? readers[index]!.counts(at: ordinal) : verifiers[index]!.bound(at: ordinal)
                guard let known, known.total > 0 else { return true }
                counts[index] = known
                bound += known.score(idf: idf[index], length: length, averageLength: averageLength)
            }
            let ranked = order == .relevance && !(top.isFull && PhraseCounts.surely(bound, below: top.threshold))
            var score: Float = 0
            for index in phrases.indices {
                var phrase = counts[index]
                if let verifier = verifiers[index] {
                    phrase = verifier.occurrences(at: ordinal, exact: ranked)
                    guard phrase.total > 0 else { return true }
                } else if ranked && !phrase.exact {
                    if recounters[index] == nil { recounters[index] = PhraseVerifier(segment, alternatives: phrases[index], checked: checked[index]) }
                    phrase = recounters[index]!.occurrences(at: ordinal)
                }
                score += phrase.score(idf: idf[index], length: length, averageLength: averageLength)
            }
            matched.append(ordinal)
            if ranked { offer(ordinal, score: score, to: &top) }
            return true
        }
        if order == .newest {
            for ordinal in matched.prefix(top.capacity) { newest.append(item(ordinal, score: 0)) }
        }
        return DocumentBitmap(sorted: matched)
    }

    /// The first search of a phrase searched alone, by relevance: every document holding its
    /// tokens is checked (the kept occurrences cover them all), and those this query may rank —
    /// allowed, and with a bound that could still enter the page — are counted exactly and
    /// offered as they are found. At a million documents 信息公开 is in 456,574; a page needs the
    /// counts of a few thousand.
    private func rankWhileVerifying(_ everywhere: DocumentBitmap, idf: Float, averageLength: Float, top: inout TopScores) -> PhraseOccurrences {
        let verifier = PhraseVerifier(segment, alternatives: phrases[0], checked: checked[0])
        // The candidates are the phrase's live, allowed documents; usually all of them.
        let everyCandidate = candidates.count == everywhere.count
        let lengths = segment.lengths
        var builder = PhraseOccurrences.Builder()
        everywhere.forEach { ordinal in
            guard let bound = verifier.bound(at: ordinal), bound.total > 0 else { return true }
            let candidate = everyCandidate || candidates.contains(ordinal)
            let wanted =
                candidate
                && !(top.isFull
                    && PhraseCounts.surely(bound.score(idf: idf, length: lengths[Int(ordinal)], averageLength: averageLength), below: top.threshold))
            let counts = verifier.occurrences(at: ordinal, exact: wanted)
            guard counts.total > 0 else { return true }
            builder.append(ordinal, counts)
            if candidate && counts.exact { offer(ordinal, title: counts.title, body: counts.body, idf: idf, averageLength: averageLength, to: &top) }
            return true
        }
        return builder.built(lengths: lengths)
    }

    /// What a phrase of several tokens is read from in this segment.
    private enum Source {
        /// Occurrences kept from an earlier query.
        case kept(PhraseOccurrences)
        /// Worth verifying in every document holding its tokens (`everywhere`) and keeping.
        case worthKeeping(SegmentCaches.PhraseKey, everywhere: DocumentBitmap)
        /// Better verified on this query's candidates alone.
        case verifiedPerQuery
    }

    /// Whether the phrase's occurrences in the whole segment are kept from an earlier query or
    /// worth verifying now and keeping, when this query would verify most of them anyway.
    private func source(of index: Int) -> Source {
        let key = SegmentCaches.PhraseKey(segment: segment.serial, tokens: phrases[index])
        if let kept = SegmentCaches.phrases.cached(key) { return .kept(kept) }
        let everywhere = phrases[index].map(segment.bitmap(ofAny:))
        let phraseCandidates = everywhere.dropFirst().reduce(everywhere[0]) { $0.intersection($1) }
        guard phraseCandidates.count >= PhraseOccurrences.worthKeeping else { return .verifiedPerQuery }
        // Verified everywhere at once when that costs little more than this query's own
        // verification (another term or a filter may narrow it a lot), or when a token is a prefix
        // (2025年 → 年度, 年底 …: verifying it advances a cursor per term it stands for). Otherwise
        // only on the phrase's second query: a phrase searched twice is searched again (2025年 with
        // 处罚, then with 住房 …), and one searched once should not cost several times its query
        // (up to four times was allowed before: under the portal's query log at a million
        // documents, two-term searches verified their phrases on candidates they never used).
        let hasPrefix = phrases[index].contains { $0.count > 1 }
        let cheap = !filtered && (hasPrefix || phraseCandidates.count <= candidates.count + candidates.count / 4)
        guard cheap || SegmentCaches.seenBefore(key) else { return .verifiedPerQuery }
        return .worthKeeping(key, everywhere: phraseCandidates)
    }
}
