/// A phrase found through one of its tokens, its anchor. Where every occurrence of the anchor in a
/// document has the phrase's other tokens on both sides of it — each link of the chain a
/// `Neighbours` link outside its misses — the phrase occurs in that document exactly as often as
/// the anchor, in the same fields (every anchor extends to one occurrence, and every occurrence
/// holds one anchor). Those documents are the candidates minus the links' misses; only the misses
/// are verified on positions.
///
/// 幸福感 at a million documents: 869,195 candidates, all outside 福感's misses after 幸福 — a
/// first search that verified every one of them reads the bitmaps and 福感's postings instead,
/// and ranks them by block maxima like one term.
struct AnchoredPhrase: Sendable {
    /// The anchor's term id.
    let anchor: Int
    /// The candidates where the phrase's counts are the anchor's.
    let clean: DocumentBitmap
    /// The other candidates holding the phrase, ascending, and its exact counts there.
    let verified: [(ordinal: UInt32, counts: PhraseCounts)]
    /// Every candidate holding the phrase.
    let matches: DocumentBitmap

    /// The phrase among `candidates` (documents holding all its tokens) through the anchor whose
    /// chain misses fewest of them; nil when a token stands for several terms (a prefix), when no
    /// token chains to all the others, or when more than half the candidates would still need
    /// verifying (then verification as before costs about the same).
    init?(_ segment: SearchSegment, tokens: [[Int]], checked: [Int], candidates: DocumentBitmap) {
        guard tokens.count > 1, tokens.allSatisfy({ $0.count == 1 }) else { return nil }
        let terms = tokens.map { $0[0] }
        // The anchor whose chain's links miss fewest documents in all (counted without decoding).
        var best: (place: Int, misses: Int)?
        for place in terms.indices {
            var misses = 0
            for link in Self.chain(anchoredAt: place, terms: terms) {
                guard let summary = segment.neighbours.summary(of: link.term, before: link.before), summary.neighbour == link.neighbour else {
                    misses = -1
                    break
                }
                misses += summary.misses
            }
            guard misses >= 0 else { continue }
            if best.map({ misses < $0.misses }) ?? true { best = (place, misses) }
        }
        guard let best else { return nil }
        var misses = DocumentBitmap()
        for link in Self.chain(anchoredAt: best.place, terms: terms) {
            let found = link.before ? segment.neighbours.before(link.term) : segment.neighbours.after(link.term)
            guard let found, found.term == link.neighbour else { return nil }
            misses = misses.union(found.misses.intersection(candidates))
        }
        guard misses.count * 2 <= candidates.count else { return nil }
        anchor = terms[best.place]
        clean = candidates.subtracting(misses)
        var verified: [(UInt32, PhraseCounts)] = []
        if !misses.isEmpty {
            let verifier = PhraseVerifier(segment, alternatives: tokens, checked: checked)
            misses.forEach { ordinal in
                let counts = verifier.occurrences(at: ordinal)
                if counts.total > 0 { verified.append((ordinal, counts)) }
                return true
            }
        }
        self.verified = verified
        matches = verified.isEmpty ? clean : clean.union(DocumentBitmap(sorted: verified.map(\.0)))
    }

    /// The links that chain the phrase to the token at `place`: each token before it has the one
    /// before it as its neighbour, each one after it the one after.
    private static func chain(anchoredAt place: Int, terms: [Int]) -> [(term: Int, before: Bool, neighbour: Int)] {
        stride(from: place, to: 0, by: -1).map { (terms[$0], true, terms[$0 - 1]) }
            + (place..<(terms.count - 1)).map { (terms[$0], false, terms[$0 + 1]) }
    }

    private init(anchor: Int, clean: DocumentBitmap, verified: [(ordinal: UInt32, counts: PhraseCounts)], matches: DocumentBitmap) {
        self.anchor = anchor
        self.clean = clean
        self.verified = verified
        self.matches = matches
    }

    /// The phrase among fewer candidates (a query's, from the phrase's own in the segment).
    func restricted(to candidates: DocumentBitmap) -> AnchoredPhrase {
        AnchoredPhrase(
            anchor: anchor, clean: clean.intersection(candidates), verified: verified.filter { candidates.contains($0.ordinal) },
            matches: matches.intersection(candidates))
    }

    var memorySize: Int { clean.memorySize + matches.memorySize + verified.count * 16 + 64 }

    /// Reads the phrase's counts in matching documents asked for in ascending order.
    struct Reader {
        private let phrase: AnchoredPhrase
        private var cursor: PostingCursor
        private var next = 0

        init(_ phrase: AnchoredPhrase, in segment: SearchSegment) {
            self.phrase = phrase
            cursor = PostingCursor(segment.postings(phrase.anchor))
        }

        /// The counts in the document at `ordinal`, one of `matches` (none for any other).
        mutating func counts(at ordinal: UInt32) -> PhraseCounts {
            while next < phrase.verified.count && phrase.verified[next].ordinal < ordinal { next += 1 }
            if next < phrase.verified.count && phrase.verified[next].ordinal == ordinal { return phrase.verified[next].counts }
            cursor.advance(to: ordinal)
            guard !cursor.exhausted, cursor.ordinal == ordinal else { return .none }
            return PhraseCounts(title: cursor.titleCount, body: cursor.bodyCount, exact: true)
        }
    }
}
