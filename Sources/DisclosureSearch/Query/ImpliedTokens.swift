import DisclosureCore

/// Which tokens of a phrase verification must read. A Chinese term is a chain of overlapping
/// bigrams (信息 息公 公开 开条 条例). If the bigrams on both sides of one in the middle occur two
/// positions apart, they are in the same run of characters (a run's edge unigrams sit between
/// runs), so the characters between them are exactly the middle bigram: 信息 at p and 公开 at p+2
/// mean 息公 at p+1. Such a middle token still narrows the candidates through its bitmap, but its
/// positions — often those of the most frequent bigrams — need not be decoded.
enum ImpliedTokens {
    /// The indices of the tokens to verify, ascending, always including the first and the last.
    /// Among the middle bigrams, the most frequent (largest `counts`) are skipped first, never two
    /// neighbours.
    static func checked(_ phrase: [SearchQuery.Token], counts: [Int]) -> [Int] {
        guard phrase.count > 2 else { return Array(phrase.indices) }
        let bigram = phrase.map { !$0.prefix && isCJKBigram($0.text) }
        var skipped = Set<Int>()
        let middle = (1..<(phrase.count - 1)).filter { bigram[$0 - 1] && bigram[$0] && bigram[$0 + 1] }
        for index in middle.sorted(by: { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1 })
        where !skipped.contains(index - 1) && !skipped.contains(index + 1) {
            skipped.insert(index)
        }
        return phrase.indices.filter { !skipped.contains($0) }
    }

    static func isCJKBigram(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        return scalars.count == 2 && scalars.allSatisfy(SearchTokenizer.isCJK)
    }
}
