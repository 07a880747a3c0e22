import DisclosureCore
import Testing

@testable import DisclosureSearch

/// Several phrases each counted by one posting list are ranked by block maxima: the rarest list's
/// blocks best first, each bounded with the other lists' best blocks over the same documents.
/// Here the rare term's block spans many blocks of the common one, and the common term's counts
/// peak in a few documents, so a bound that read only one of those blocks would drop the best.
@Suite("Phrases each counted by one list, ranked by block maxima")
struct ConjunctionTests {
    /// A linear congruential generator, so a failing seed replays.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
    }

    static func corpus(seed: UInt64) -> [SearchDocument] {
        var random = Seeded(state: seed)
        func pick(_ count: Int) -> Int { Int(random.next() >> 33) % count }
        return (1...3_000).map { id in
            var pieces = Array(repeating: "财政，", count: pick(300) == 0 ? 30 : 1 + pick(6))
            pieces += Array(repeating: "县务，", count: pick(8))
            if pick(5) == 0 { pieces.append("县开，") }
            if pick(3) == 0 { pieces.append("幸福感，") }
            pieces.append(["通知", "公告"][pick(2)])
            return SearchDocument(
                id: id, title: ["通知", "财政通知"][pick(2)], body: pieces.shuffled(using: &random).joined(), dateKey: Int64(pick(90)),
                facets: ["unit": ["CZJ", "JYJ", "ZFB"][pick(3)]])
        }
    }

    @Test("pages equal the brute-force scan whichever list is rarest, over two segments, with filters")
    func pagesAreExact() {
        for seed in [7, 8] as [UInt64] {
            let documents = Self.corpus(seed: seed)
            var set = SegmentSet()
            set.add(SearchSegment.build(Array(documents[..<1_700]), threads: 2), name: "a")
            set.add(SearchSegment.build(Array(documents[1_700...]), threads: 1), name: "b")
            BoundedCountsTests.check(["县开 财政", "财政 县开", "幸福感 财政", "县开 幸福感 财政", "通知 财政"], on: set, against: BruteForce(documents), "seed \(seed)")
        }
    }

    @Test("a block's bound over other lists is the best of every block holding ordinals in its range")
    func boundsCoverTheRange() {
        let segment = SearchSegment.build(Self.corpus(seed: 9), threads: 1)
        let list = segment.postings(segment.terms.firstIndex(of: "财政")!)
        let bounds = (0..<list.blockCount).map { list.bound(ofBlock: $0, averageLength: 12) }
        // Each block's ordinals, from its entries.
        var spans: [ClosedRange<UInt32>] = []
        var cursor = PostingCursor(list)
        for block in 0..<list.blockCount {
            cursor.enter(block: block)
            spans.append(cursor.ordinal...list.blockLast[block])
        }
        var random = Seeded(state: 10)
        for _ in 0..<500 {
            let first = UInt32(random.next() % 3_000)
            let last = first + UInt32(random.next() % 600)
            let expected = spans.indices.filter { spans[$0].overlaps(first...last) }.map { bounds[$0] }.max() ?? 0
            #expect(SegmentMatch.best(bounds, of: list, from: first, through: last) >= expected, "\(first)...\(last)")
        }
    }
}
