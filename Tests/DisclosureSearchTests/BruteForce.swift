import DisclosureCore
import Foundation

@testable import DisclosureSearch

/// The specification the engine must meet, written the slow obvious way: scan every document's
/// tokens for every phrase, count occurrences per field, score with the same BM25, sort.
struct BruteForce {
    let documents: [SearchDocument]
    let tokens: [Int: (title: [String], body: [String])]
    /// Documents in engine ordinal order (newest first, then larger id).
    let ordered: [SearchDocument]

    init(_ documents: [SearchDocument]) {
        self.documents = documents
        tokens = Dictionary(uniqueKeysWithValues: documents.map { ($0.id, (SearchTokenizer.tokens($0.title), SearchTokenizer.tokens($0.body))) })
        ordered = documents.sorted { ($0.dateKey, $0.id) > ($1.dateKey, $1.id) }
    }

    static func matches(_ token: SearchQuery.Token, _ text: String) -> Bool { token.prefix ? text.hasPrefix(token.text) : text == token.text }

    static func count(_ phrase: [SearchQuery.Token], in field: [String]) -> UInt32 {
        guard field.count >= phrase.count else { return 0 }
        var found: UInt32 = 0
        for start in 0...(field.count - phrase.count) where phrase.indices.allSatisfy({ matches(phrase[$0], field[start + $0]) }) { found += 1 }
        return found
    }

    func search(_ request: EngineQuery) -> EngineResult {
        guard !request.query.isEmpty, !documents.isEmpty else { return .empty }
        // A phrase's IDF counts the documents holding its rarest token, as the engine does.
        let idf = request.query.phrases.map { phrase in
            let rarest = phrase.map { token in
                documents.filter { document in
                    let fields = tokens[document.id]!
                    return (fields.title + fields.body).contains { Self.matches(token, $0) }
                }.count
            }.min()!
            return BM25.idf(matching: rarest, total: documents.count)
        }
        let lengths = ordered.map { UInt32(tokens[$0.id]!.title.count + tokens[$0.id]!.body.count) }
        let average = lengths.isEmpty ? 1 : Float(lengths.reduce(0) { $0 + Int($1) }) / Float(lengths.count)
        var hits: [(ordinal: Int, score: Float)] = []
        for (ordinal, document) in ordered.enumerated() {
            guard request.filters.allSatisfy({ field, values in document.facets[field].map(values.contains) ?? false }) else { continue }
            let fields = tokens[document.id]!
            var score: Float = 0
            var all = true
            for (index, phrase) in request.query.phrases.enumerated() {
                let title = Self.count(phrase, in: fields.title)
                let body = Self.count(phrase, in: fields.body)
                guard title + body > 0 else {
                    all = false
                    break
                }
                score +=
                    idf[index]
                    * BM25.factor(frequency: BM25.weightedFrequency(title: title, body: body), length: lengths[ordinal], averageLength: average)
            }
            if all { hits.append((ordinal, score)) }
        }
        let sorted = request.order == .newest ? hits : hits.sorted { $0.score != $1.score ? $0.score > $1.score : $0.ordinal < $1.ordinal }
        let page = sorted.dropFirst(request.offset).prefix(request.limit).map { ordered[$0.ordinal].id }
        var facets: [String: [EngineResult.FacetCount]] = [:]
        if request.facets {
            let fields = Set(documents.flatMap(\.facets.keys))
            for field in fields {
                var counts: [String: Int] = [:]
                for hit in hits { if let value = ordered[hit.ordinal].facets[field] { counts[value, default: 0] += 1 } }
                guard !counts.isEmpty else { continue }
                facets[field] = counts.map { EngineResult.FacetCount(value: $0.key, count: $0.value) }.sorted {
                    ($0.count, $1.value) > ($1.count, $0.value)
                }
            }
        }
        return EngineResult(total: hits.count, ids: page, facets: facets)
    }
}
