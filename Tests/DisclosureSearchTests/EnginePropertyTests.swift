import DisclosureCore
import PropertyBased
import Testing

@testable import DisclosureSearch

/// Issue 20: the engine returns exactly what a brute-force scan returns — totals, pages in both
/// orders, facets, filters — over random corpora large enough for several posting blocks.
@Suite("Search engine equals a brute-force scan")
struct EnginePropertyTests {
    /// Pieces texts are made of: characters that share bigrams, a separator, Latin and digits.
    /// 𠀀 (four UTF-8 bytes) and é test that terms sort and compare by bytes.
    static let pieces = ["政", "府", "务", "公", "开", "县", "财", "预", "算", "年", "政府", "公开", "，", " ", "a", "ab", "2025", "20", "税", "𠀀", "é"]

    /// A deterministic corpus and queries from one seed (SplitMix64, so a failing seed replays).
    struct Case: CustomStringConvertible {
        let seed: UInt64
        let documents: [SearchDocument]
        let queries: [EngineQuery]

        init(seed: UInt64, size: Int) {
            self.seed = seed
            var state = seed
            func next() -> UInt64 {
                state &+= 0x9E37_79B9_7F4A_7C15
                var z = state
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                return z ^ (z >> 31)
            }
            func pick(_ count: Int) -> Int { Int(next() % UInt64(count)) }
            func text(_ length: Int) -> String {
                (0..<length).map { _ in EnginePropertyTests.pieces[pick(EnginePropertyTests.pieces.count)] }.joined()
            }
            var documents: [SearchDocument] = []
            for id in 1...max(1, size) {
                let day = Int64(pick(60))
                documents.append(
                    SearchDocument(
                        id: id, title: text(pick(6)), body: text(pick(40)), dateKey: day,
                        facets: ["unit": ["CZJ", "JYJ", "ZFB"][pick(3)], "category": ["通知", "政策解读"][pick(2)], "year": day < 30 ? "2025" : "2026"]))
            }
            var queries: [EngineQuery] = []
            for _ in 0..<12 {
                // A piece of some document's body, sometimes with a second term or a random term.
                let source = documents[pick(documents.count)].body
                let scalars = Array(source.unicodeScalars)
                var raw = ""
                if !scalars.isEmpty {
                    let start = pick(scalars.count)
                    let length = 1 + pick(min(5, scalars.count - start))
                    raw = String(String.UnicodeScalarView(scalars[start..<(start + length)]))
                }
                if pick(3) == 0 { raw += " " + text(1 + pick(2)) }
                let order: EngineQuery.Order = pick(2) == 0 ? .relevance : .newest
                let filters = pick(3) == 0 ? ["unit": ["CZJ", "ZFB"]] : [:]
                queries.append(EngineQuery(SearchQuery(raw), filters: filters, order: order, offset: pick(3) * 5, limit: 1 + pick(20)))
            }
            self.documents = documents
            self.queries = queries
        }

        var description: String { "seed \(seed), \(documents.count) documents" }
    }

    @Test("totals, pages in relevance and date order, facets and filters equal the brute-force scan")
    func equalsBruteForce() async {
        await propertyCheck(count: 40, input: Gen.uint64(in: 1...UInt64.max / 2), Gen.int(in: 1...400)) { seed, size in
            let sample = Case(seed: seed, size: size)
            let segment = SearchSegment.build(sample.documents)
            let reference = BruteForce(sample.documents)
            for query in sample.queries {
                let expected = reference.search(query)
                let actual = segment.search(query)
                #expect(actual.total == expected.total, "\(sample) \(query.query.terms) total")
                #expect(actual.ids == expected.ids, "\(sample) \(query.query.terms) \(query.order) page")
                #expect(actual.facets == expected.facets, "\(sample) \(query.query.terms) facets")
            }
        }
    }

    @Test(
        "a term, a lone character and a kept phrase in every document: best-first blocks return the brute-force pages, filtered or not, over two segments"
    )
    func universalTerm() async {
        await propertyCheck(count: 6, input: Gen.uint64(in: 1...UInt64.max / 2)) { seed in
            var state = seed
            func pick(_ count: Int) -> Int {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Int(state >> 33) % count
            }
            let documents = (1...3_000).map { id in
                let body = (0..<(1 + pick(6))).map { _ in (pick(5) == 0 ? "税务" : "税收") + String(repeating: "县开", count: pick(40)) }.joined()
                return SearchDocument(
                    id: id, title: pick(8) == 0 ? "税收通知" : "通知", body: body, dateKey: Int64(pick(90)),
                    facets: ["unit": ["CZJ", "JYJ", "ZFB"][pick(3)]])
            }
            var set = SegmentSet()
            set.add(SearchSegment.build(Array(documents[..<1_700])), name: "a")
            set.add(SearchSegment.build(Array(documents[1_700...])), name: "b")
            let reference = BruteForce(documents)
            // A term, a lone character (the prefix of 税收 and 税务) and a phrase, asked twice so
            // its occurrences are kept and ranked best blocks first.
            let pages: [(Int, Int, [String: [String]])] = [
                (0, 20, [:]), (0, 1, [:]), (40, 20, [:]), (0, 50, ["unit": ["JYJ"]]), (0, 10, ["unit": ["CZJ", "ZFB"]]),
            ]
            for text in ["税收", "税", "收县开", "收县开"] {
                for (offset, limit, filters) in pages {
                    let query = EngineQuery(SearchQuery(text), filters: filters, order: .relevance, offset: offset, limit: limit)
                    #expect(set.search(query) == reference.search(query), "seed \(seed) \(text) offset \(offset) limit \(limit) \(filters)")
                }
            }
        }
    }

    @Test("a segment built on two cores answers exactly like one built on one")
    func parallelBuild() async {
        await propertyCheck(count: 15, input: Gen.uint64(in: 1...UInt64.max / 2), Gen.int(in: 64...500)) { seed, size in
            let sample = Case(seed: seed, size: size)
            let one = SearchSegment.build(sample.documents, threads: 1)
            let two = SearchSegment.build(sample.documents, threads: 2)
            #expect(one.terms == two.terms, "\(sample)")
            for query in sample.queries { #expect(one.search(query) == two.search(query), "\(sample) \(query.query.terms)") }
        }
    }

    @Test("segments with deletes and replacements answer exactly like one index of the live documents")
    func segmentsWithDeletes() async {
        await propertyCheck(count: 30, input: Gen.uint64(in: 1...UInt64.max / 2), Gen.int(in: 3...400)) { seed, size in
            let sample = Case(seed: seed, size: size)
            var live = Dictionary(uniqueKeysWithValues: sample.documents.map { ($0.id, $0) })
            var set = SegmentSet()
            // Three segments in the order a live index would see them.
            let thirds = [0, size / 3, 2 * size / 3, size]
            for part in 0..<3 {
                let documents = Array(sample.documents[thirds[part]..<thirds[part + 1]])
                if !documents.isEmpty { set.add(SearchSegment.build(documents), name: "s\(part)") }
            }
            // Withdraw every fifth document; correct every seventh (new text, now the newest) into a fourth segment.
            let withdrawn = sample.documents.map(\.id).filter { $0 % 5 == 0 }
            set.remove(ids: withdrawn)
            for id in withdrawn { live[id] = nil }
            let corrected = sample.documents.filter { $0.id % 7 == 0 && $0.id % 5 != 0 }.map { document in
                SearchDocument(id: document.id, title: document.body, body: document.title, dateKey: 100, facets: document.facets)
            }
            if !corrected.isEmpty { set.add(SearchSegment.build(corrected), name: "s3") }
            for document in corrected { live[document.id] = document }
            #expect(set.count == live.count, "\(sample)")
            let reference = BruteForce(Array(live.values))
            for query in sample.queries {
                let expected = reference.search(query)
                let actual = set.search(query)
                #expect(actual.total == expected.total, "\(sample) \(query.query.terms) total")
                #expect(actual.ids == expected.ids, "\(sample) \(query.query.terms) \(query.order) page")
                #expect(actual.facets == expected.facets, "\(sample) \(query.query.terms) facets")
            }
        }
    }

    @Test("a phrase's kept occurrences answer exactly like verifying it: repeated, filtered, and after deletes")
    func keptPhrases() async {
        let keptBefore = SegmentCaches.phrases.count
        await propertyCheck(count: 25, input: Gen.uint64(in: 1...UInt64.max / 2), Gen.int(in: 60...400)) { seed, size in
            let sample = Case(seed: seed, size: size)
            var live = Dictionary(uniqueKeysWithValues: sample.documents.map { ($0.id, $0) })
            var set = SegmentSet()
            set.add(SearchSegment.build(sample.documents), name: "s")
            func check(_ query: EngineQuery, _ step: String) {
                let expected = BruteForce(Array(live.values)).search(query)
                let actual = set.search(query)
                #expect(actual == expected, "\(sample) \(query.query.terms) \(query.order) \(query.filters) \(step)")
            }
            for query in sample.queries {
                let unfiltered = EngineQuery(query.query, order: query.order, offset: query.offset, limit: query.limit)
                // The first search keeps the phrases worth keeping; the next ones read them.
                check(unfiltered, "first")
                check(unfiltered, "kept")
                check(query, "kept, filtered")
            }
            set.remove(ids: sample.documents.map(\.id).filter { $0 % 3 == 0 })
            for id in live.keys where id % 3 == 0 { live[id] = nil }
            for query in sample.queries { check(query, "kept, after deletes") }
        }
        // Not vacuous: some phrases were common enough to keep.
        #expect(SegmentCaches.phrases.count > keptBefore)
    }

    @Test("facet counts by walking the matches (or the documents they leave out) equal the counts by intersecting each value's bitmap")
    func facetColumns() async {
        await propertyCheck(count: 20, input: Gen.uint64(in: 1...UInt64.max / 2), Gen.int(in: 1...400)) { seed, size in
            let sample = Case(seed: seed, size: size)
            let segment = SearchSegment.build(sample.documents)
            var state = seed
            let matches = DocumentBitmap(
                sorted: (0..<UInt32(segment.count)).filter { _ in
                    state = state &* 6_364_136_223_846_793_005 &+ 1
                    // A quarter of the documents, or (odd seeds) three quarters: counted from the rest.
                    return seed % 2 == 0 ? state >> 62 == 0 : state >> 62 != 0
                })
            for (field, byValue) in segment.facets {
                let column = segment.facetColumns[field]!
                let walked = Dictionary(
                    uniqueKeysWithValues: zip(column.values, column.counts(matches) { segment.everyDocument.subtracting(matches) }))
                for (value, documents) in byValue { #expect(walked[value] == documents.intersectionCount(matches), "\(sample) \(field) \(value)") }
            }
        }
    }
}
