import DisclosureCore
import Testing

@testable import DisclosureSearch

/// A segment keeps, for its common terms, the term nearly always right before and after them and
/// the documents where it is not (the misses); a phrase chained through such neighbours is found
/// through one token and verified only in the misses. These corpora are made of a few words, as
/// government prose is, with rare pieces that break the words' neighbours: 祝福感谢 puts 福感
/// after 祝福 and 幸福生活 puts 福生 after 幸福 (so every anchor of 幸福感 has misses), 消息公布
/// puts 息公 between 消息 and 公布, and 机关单位 puts 关单 after 机关.
@Suite("Neighbours: phrases found through one token")
struct NeighbourTests {
    static let common = ["幸福感", "有关单位", "政府工作", "信息公开", "工作要点", "，", "县", "财"]
    static let rare = ["祝福感谢", "幸福生活", "消息公布", "机关单位", "福感", "公开"]

    static func corpus(seed: UInt64, size: Int = 1_500) -> [SearchDocument] {
        var state = seed
        func pick(_ count: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % count
        }
        func piece() -> String { pick(40) == 0 ? rare[pick(rare.count)] : common[pick(common.count)] }
        return (1...size).map { id in
            var body = (0..<(1 + pick(24))).map { _ in piece() }.joined()
            var dateKey = Int64(pick(90))
            // The newest document meets 关单 in 机关单位 first: its side must change neighbours.
            if id == 1 {
                body = "机关单位" + body
                dateKey = 1_000
            }
            return SearchDocument(
                id: id, title: ["通知", "幸福感通知", "有关单位信息公开", "通知", "幸福感通知", "有关单位信息公开", "通知", "消息公布"][pick(8)], body: body, dateKey: dateKey,
                facets: ["unit": ["CZJ", "JYJ", "ZFB"][pick(3)]])
        }
    }

    /// The documents of `segment` by ordinal, as tokens per field.
    static func fields(of documents: [SearchDocument]) -> [[[String]]] {
        documents.sorted { ($0.dateKey, $0.id) > ($1.dateKey, $1.id) }.map {
            [SearchTokenizer.tokens($0.title), SearchTokenizer.tokens($0.body)]
        }
    }

    @Test(
        "a kept link's misses hold every document where the term stands once without that neighbour, and otherwise only a range's first documents of the term, on one core or two"
    )
    func linksAreExact() {
        for seed in [1, 2, 3] as [UInt64] {
            let documents = Self.corpus(seed: seed)
            let byOrdinal = Self.fields(of: documents)
            for threads in [1, 2] {
                let segment = SearchSegment.build(documents, threads: threads)
                let terms = segment.terms
                for (before, links) in [(true, segment.neighbours.decoded.before), (false, segment.neighbours.decoded.after)] {
                    for (term, link) in links {
                        let expected = byOrdinal.indices.filter { ordinal in
                            byOrdinal[ordinal].contains { field in
                                field.indices.contains { index in
                                    guard field[index] == terms[term] else { return false }
                                    let other = before ? index - 1 : index + 1
                                    return !field.indices.contains(other) || field[other] != terms[link.term]
                                }
                            }
                        }.map(UInt32.init)
                        let label = "seed \(seed), \(threads) threads: \(terms[term]) \(before ? "after" : "before") \(terms[link.term])"
                        let misses = Set(link.misses.ordinals)
                        #expect(Set(expected).isSubset(of: misses), "\(label)")
                        // The others are the term's first documents of a range, met before the
                        // side settled on this neighbour.
                        let range = (documents.count + threads - 1) / threads
                        let holding = byOrdinal.indices.filter { byOrdinal[$0].contains { $0.contains(terms[term]) } }.map(UInt32.init)
                        for extra in misses.subtracting(expected) {
                            let earlier = holding.filter { $0 < extra && Int($0) / range == Int(extra) / range }
                            #expect(holding.contains(extra) && misses.isSuperset(of: earlier), "\(label): \(extra)")
                        }
                    }
                }
                let id = { (text: String) in terms.firstIndex(of: text)! }
                // Not vacuous: the words' middle bigrams are linked, some with misses.
                #expect(segment.neighbours.before(id("福感"))?.term == id("幸福"), "seed \(seed), \(threads) threads")
                #expect(segment.neighbours.after(id("府工"))?.term == id("工作"), "seed \(seed), \(threads) threads")
                #expect(segment.neighbours.before(id("关单"))?.term == id("有关"), "seed \(seed), \(threads) threads: 关单 follows 有关")
                #expect(segment.neighbours.before(id("关单"))?.misses.contains(0) == true, "the newest document, where 关单 follows 机关")
                #expect(!segment.neighbours.before(id("福感"))!.misses.isEmpty, "seed \(seed), \(threads) threads: 祝福感谢")
            }
        }
    }

    static let queries = [
        "幸福感", "福感", "有关单位", "关单位", "机关单", "关单", "政府工作", "府工作", "信息公开", "息公开", "信息公", "消息公", "祝福感",
        "福感谢", "作要点", "工作要点", "幸福生", "福生活", "信息公开 工作", "幸福感 政府", "有关单位 信息公开", "幸福感 福感", "县幸福感", "幸福感，",
    ]

    @Test("pages in both orders, totals and facets equal the brute-force scan, over two segments, with filters and deletes")
    func answersAreExact() {
        for seed in [4, 5] as [UInt64] {
            let documents = Self.corpus(seed: seed)
            var set = SegmentSet()
            set.add(SearchSegment.build(Array(documents[..<800]), threads: 2), name: "a")
            set.add(SearchSegment.build(Array(documents[800...]), threads: 1), name: "b")
            var live = documents
            BoundedCountsTests.check(Self.queries, on: set, against: BruteForce(live), "seed \(seed)")
            let withdrawn = Set(documents.indices.filter { $0 % 7 == 3 }.map { documents[$0].id })
            set.remove(ids: withdrawn)
            live.removeAll { withdrawn.contains($0.id) }
            BoundedCountsTests.check(Self.queries, on: set, against: BruteForce(live), "seed \(seed) after deletes")
        }
    }

    @Test("the words are found through an anchor, and the misses holding them are verified")
    func anchorsAreUsed() {
        let segment = SearchSegment.build(Self.corpus(seed: 6), threads: 2)
        var verified = 0
        for text in ["幸福感", "有关单位", "政府工作", "工作要点"] {
            let phrase = SearchQuery(text).phrases[0]
            let tokens = phrase.map(segment.termIDs(for:))
            let candidates = tokens.dropFirst().reduce(segment.bitmap(ofAny: tokens[0])) { $0.intersection(segment.bitmap(ofAny: $1)) }
            let anchored = AnchoredPhrase(
                segment, tokens: tokens, checked: ImpliedTokens.checked(phrase, counts: tokens.map { segment.bitmap(ofAny: $0).count }),
                candidates: candidates)
            #expect(anchored != nil, "\(text)")
            verified += anchored?.verified.count ?? 0
        }
        #expect(verified > 0, "documents missing a link of 幸福感 that hold it elsewhere")
    }
}
