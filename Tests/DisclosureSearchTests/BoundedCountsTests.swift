import DisclosureCore
import PropertyBased
import Testing

@testable import DisclosureSearch

/// A phrase's first search counts its occurrences only where a document could reach the page and
/// only checks that it occurs elsewhere, keeping bounds (its tokens' counts) for those documents.
/// These corpora make the bounds loose — the phrase's tokens also stand apart, in varying
/// numbers — so a page ranked by a bound instead of the count differs from the brute-force scan.
@Suite("Phrases counted only where a page needs it")
struct BoundedCountsTests {
    /// 税收县开 holds the phrase 收县开; 税收县务 and 县开 hold its tokens 收县 and 县开 apart.
    static func corpus(seed: UInt64) -> [SearchDocument] {
        var state = seed
        func pick(_ count: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % count
        }
        let pieces = ["税收县开", "税收县务", "县开", "财政", "，"]
        return (1...2_000).map { id in
            let body = (0..<(1 + pick(30))).map { _ in pieces[pick(pieces.count)] }.joined()
            return SearchDocument(
                id: id, title: ["通知", "税收县开通知", "县开县开通知", "税收县务通知"][pick(4)], body: body, dateKey: Int64(pick(90)),
                facets: ["unit": ["CZJ", "JYJ", "ZFB"][pick(3)]])
        }
    }

    /// The same documents in two segments, so pruning in the second uses the first's threshold.
    static func segments(_ documents: [SearchDocument]) -> SegmentSet {
        var set = SegmentSet()
        set.add(SearchSegment.build(Array(documents[..<1_100])), name: "a")
        set.add(SearchSegment.build(Array(documents[1_100...])), name: "b")
        return set
    }

    static let pages: [(offset: Int, limit: Int, filters: [String: [String]])] = [
        (0, 20, [:]), (0, 1, [:]), (60, 20, [:]), (0, 30, ["unit": ["JYJ"]]), (0, 10, ["unit": ["CZJ", "ZFB"]]),
    ]

    static func check(_ texts: [String], on set: SegmentSet, against reference: BruteForce, _ label: String) {
        for text in texts {
            for page in pages {
                for order in [EngineQuery.Order.relevance, .newest] {
                    let query = EngineQuery(SearchQuery(text), filters: page.filters, order: order, offset: page.offset, limit: page.limit)
                    #expect(
                        set.search(query) == reference.search(query),
                        "\(label) \(text) \(order) offset \(page.offset) limit \(page.limit) \(page.filters)")
                }
            }
        }
    }

    @Test("searched alone first: ranked while checked, then from the kept bounds, alone and with another term")
    func firstAlone() async {
        await propertyCheck(count: 4, input: Gen.uint64(in: 1...UInt64.max / 2)) { seed in
            let documents = Self.corpus(seed: seed)
            Self.check(["收县开", "收县开", "收县开 财政", "县开 收县开"], on: Self.segments(documents), against: BruteForce(documents), "seed \(seed)")
        }
    }

    @Test("kept from a search with another term, unranked: ranked alone from its bounds, and with a third term")
    func keptWithAnotherTerm() async {
        await propertyCheck(count: 4, input: Gen.uint64(in: 1...UInt64.max / 2)) { seed in
            let documents = Self.corpus(seed: seed)
            // 通知 is in every title, so the first search keeps 收县开 (nearly every candidate needs it).
            Self.check(["收县开 通知", "收县开", "收县开 财政"], on: Self.segments(documents), against: BruteForce(documents), "seed \(seed)")
        }
    }

    @Test("a verifier checking only finds the phrase where counting does; moved back, it counts as one moved there first")
    func verifierMovesBack() {
        let documents = Self.corpus(seed: 7)
        let segment = SearchSegment.build(documents)
        let phrase = SearchQuery("收县开").phrases[0]
        let alternatives = phrase.map { segment.termIDs(for: $0) }
        let checked = Array(phrase.indices)
        let forward = PhraseVerifier(segment, alternatives: alternatives, checked: checked)
        let counts = (0..<UInt32(segment.count)).map { forward.occurrences(at: $0) }
        #expect(counts.contains { $0.total > 1 }, "not vacuous: some documents hold the phrase more than once")
        // Checked only: found exactly where counted, with counts that are exact or bounds of them.
        let checking = PhraseVerifier(segment, alternatives: alternatives, checked: checked)
        var bounds = 0
        for ordinal in 0..<UInt32(segment.count) {
            let found = checking.occurrences(at: ordinal, exact: false)
            let exact = counts[Int(ordinal)]
            #expect((found.total > 0) == (exact.total > 0), "ordinal \(ordinal)")
            #expect(found.exact ? found == exact : found.title >= exact.title && found.body >= exact.body, "ordinal \(ordinal)")
            if !found.exact && found != PhraseCounts(title: exact.title, body: exact.body, exact: false) { bounds += 1 }
        }
        #expect(bounds > 0, "not vacuous: some bounds exceed the counts")
        let jumping = PhraseVerifier(segment, alternatives: alternatives, checked: checked)
        // Far ahead, back to the start, then every document in descending order.
        _ = jumping.occurrences(at: UInt32(segment.count - 1), exact: false)
        _ = jumping.occurrences(at: 0, exact: false)
        for ordinal in (0..<UInt32(segment.count)).reversed() {
            #expect(jumping.occurrences(at: ordinal) == counts[Int(ordinal)], "ordinal \(ordinal)")
        }
    }
}
