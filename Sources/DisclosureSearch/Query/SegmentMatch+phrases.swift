/// A segment's share of a query with phrases: kept occurrences ranked best blocks first, the
/// walk that verifies phrases on the candidates, and the choice between keeping a phrase's
/// occurrences and verifying it per query.
extension SegmentMatch {
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
                offer(ordinal, counts: counts, idf: idf, averageLength: averageLength, to: &top)
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
        var anchored: [AnchoredPhrase?] = phrases.indices.map { _ in nil }
        for index in phrases.indices where checked[index].count > 1 {
            let occurrences: PhraseOccurrences
            switch source(of: index) {
            case .kept(let kept):
                occurrences = kept
            case .anchored(let phrase):
                if phrases.count == 1 {
                    if order == .newest {
                        firstByDate(phrase.matches, into: &newest, wanted: top.capacity)
                    } else {
                        // The verified documents first: their scores raise the threshold the
                        // anchor's blocks are pruned against.
                        for (ordinal, counts) in phrase.verified {
                            offer(ordinal, counts: counts, idf: idf[0], averageLength: averageLength, to: &top)
                        }
                        offerByBlockMax(term: phrase.anchor, within: phrase.clean, idf: idf[0], averageLength: averageLength, to: &top)
                    }
                    return phrase.matches
                }
                anchored[index] = phrase
                walked = walked.intersection(phrase.matches)
                continue
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
        if order == .newest && phrases.indices.allSatisfy({ readers[$0] != nil || anchored[$0] != nil || checked[$0].count == 1 }) {
            firstByDate(walked, into: &newest, wanted: top.capacity)
            return walked
        }
        // Every phrase counted by one posting list: the matches are known, and only the page is scored.
        if order == .relevance && phrases.count > 1 {
            let countedBy = phrases.indices.map { index -> CountedBy? in
                if let phrase = anchored[index] { return CountedBy(list: segment.postings(phrase.anchor), anchored: phrase) }
                guard phrases[index].count == 1, phrases[index][0].count == 1 else { return nil }
                return CountedBy(list: segment.postings(phrases[index][0][0]), anchored: nil)
            }
            // Bounding every block of every list costs more than scoring a few matches one by one.
            if countedBy.allSatisfy({ $0 != nil }) && walked.count > 16 * countedBy.reduce(0) { $0 + $1!.list.blockCount } {
                offerConjunction(countedBy.map { $0! }, matches: walked, idf: idf, averageLength: averageLength, to: &top)
                return walked
            }
        }
        // One phrase, known: the walk is the matches, ranked like one posting list.
        if phrases.count == 1, let reader = readers[0] {
            let occurrences = reader.occurrences
            let within = walked.count == occurrences.ordinals.count ? nil : walked
            offerBestFirst(occurrences, within: within, phrase: 0, idf: idf[0], averageLength: averageLength, to: &top)
            return walked
        }
        // The walk reads anchored phrases' counts through their anchors' postings.
        var anchors = anchored.map { $0.map { AnchoredPhrase.Reader($0, in: segment) } }
        let verifiers = phrases.indices.map {
            readers[$0] == nil && anchors[$0] == nil ? PhraseVerifier(segment, alternatives: phrases[$0], checked: checked[$0]) : nil
        }
        // Kept phrases whose bounds a document's score needs made exact, made when first needed.
        var recounters: [PhraseVerifier?] = phrases.indices.map { _ in nil }
        var counts = [PhraseCounts](repeating: .none, count: phrases.count)
        let lengths = segment.lengths
        var matched: [UInt32] = []
        walked.forEach { ordinal in
            let length = lengths[Int(ordinal)]
            var bound: Float = 0
            for index in phrases.indices {
                let known =
                    if readers[index] != nil { readers[index]!.counts(at: ordinal) } else if anchors[index] != nil {
                        anchors[index]!.counts(at: ordinal)
                    } else { verifiers[index]!.bound(at: ordinal) }
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
            if candidate && counts.exact { offer(ordinal, counts: counts, idf: idf, averageLength: averageLength, to: &top) }
            return true
        }
        return builder.built(lengths: lengths)
    }

    /// What a phrase of several tokens is read from in this segment.
    private enum Source {
        /// Occurrences kept from an earlier query.
        case kept(PhraseOccurrences)
        /// Found through an anchor token, verified only where its neighbours miss.
        case anchored(AnchoredPhrase)
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
        if let anchored = SegmentCaches.anchoredPhrases.cached(key) { return .anchored(anchored.restricted(to: candidates)) }
        let everywhere = phrases[index].map(segment.bitmap(ofAny:))
        let phraseCandidates = everywhere.dropFirst().reduce(everywhere[0]) { $0.intersection($1) }
        if let anchored = AnchoredPhrase(segment, tokens: phrases[index], checked: checked[index], candidates: phraseCandidates) {
            SegmentCaches.anchoredPhrases.keep(anchored, size: anchored.memorySize, for: key)
            return .anchored(anchored.restricted(to: candidates))
        }
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
