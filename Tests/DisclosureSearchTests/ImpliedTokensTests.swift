import DisclosureCore
import Testing

@testable import DisclosureSearch

/// A middle bigram whose neighbours are both read is not decoded; the answers stay exact where the
/// bigrams occur apart, across runs, and across the title and the body.
@Suite("Implied tokens")
struct ImpliedTokensTests {
    @Test("the most frequent middle bigrams are skipped, never two neighbours, never the ends or non-bigrams")
    func choice() {
        let phrase = SearchQuery("信息公开条例").phrases[0]
        #expect(phrase.map(\.text) == ["信息", "息公", "公开", "开条", "条例"])
        #expect(ImpliedTokens.checked(phrase, counts: [50, 40, 90, 10, 30]) == [0, 1, 3, 4])
        #expect(ImpliedTokens.checked(phrase, counts: [50, 40, 30, 45, 30]) == [0, 2, 4])
        #expect(ImpliedTokens.checked(SearchQuery("政务").phrases[0], counts: [9]) == [0])
        // 2024年度 → 2024, 年 (leading unigram), 年度: nothing in the middle is a bigram with bigram neighbours.
        let mixed = SearchQuery("2024年度").phrases[0]
        #expect(ImpliedTokens.checked(mixed, counts: mixed.map { _ in 1 }) == Array(mixed.indices))
    }

    @Test("documents holding the bigrams apart do not match; the phrase itself does, in title or body")
    func exactness() {
        let documents = [
            SearchDocument(id: 1, title: "信息公开条例", body: "", dateKey: 1),
            SearchDocument(id: 2, title: "信息", body: "息公，公开。开条、条例", dateKey: 2),
            SearchDocument(id: 3, title: "信息公", body: "开条例", dateKey: 3),
            SearchDocument(id: 4, title: "通知", body: "依据政府信息公开条例办理", dateKey: 4),
            SearchDocument(id: 5, title: "信息公开", body: "公开条例", dateKey: 5),
        ]
        let segment = SearchSegment.build(documents)
        #expect(segment.search(EngineQuery(SearchQuery("信息公开条例"), order: .newest)).ids == [4, 1])
    }
}
