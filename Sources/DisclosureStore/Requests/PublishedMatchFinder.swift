import DisclosureCore
import Foundation

/// Finds the published documents an application asks for (issue 24 §3): the 文号 when one is
/// named, then searches built from the title's distinctive fragments through the portal's own
/// engine, ranked by how closely each title matches. Only what the portal shows is found.
public struct PublishedMatchFinder: Sendable {
    let search: PortalSearch
    let hits: SearchHitDocuments
    let publishing: PublishingQueries

    public init(search: PortalSearch, hits: SearchHitDocuments, publishing: PublishingQueries) {
        self.search = search
        self.hits = hits
        self.publishing = publishing
    }

    public struct Match: Sendable {
        public let document: GovernmentDocument
        public let similarity: Double
        /// The case this document was published from (依申请转主动, 第四十四条), if any.
        public let fromRequest: String?
    }

    /// At most `limit` documents, closest first.
    public func matches(title: String, docNumber: String, description: String, limit: Int = 5) async throws -> [Match] {
        var scored: [Int: Double] = [:]
        var sequence: Int64 = 0
        let number = docNumber.trimmingCharacters(in: .whitespaces)
        var searches: [(String, Bool)] = number.count >= 4 ? [(String(number.prefix(SearchQuery.maxLength)), true)] : []
        searches += PublishedMatches.searches(title: title.isEmpty ? String(description.prefix(60)) : title).map { ($0, false) }
        var documents: [Int: GovernmentDocument] = [:]
        for (text, isNumber) in searches.prefix(8) {
            let query = SearchQuery(text)
            guard !query.isEmpty else { continue }
            let result = try await search.documents(query, filters: SearchFilters(), order: .relevance, offset: 0, limit: 20, facets: false)
            sequence = max(sequence, result.sequence)
            let unseen = result.documentIDs.filter { documents[$0] == nil }
            for document in try await hits.documents(ids: unseen, sequence: result.sequence) { documents[document.id] = document }
            for id in result.documentIDs {
                guard let document = documents[id] else { continue }
                let score =
                    isNumber && document.draft.docNumber.filter({ !$0.isWhitespace }) == number.filter({ !$0.isWhitespace })
                    ? 1.0
                    : PublishedMatches.similarity(asked: title, description: description, documentTitle: document.draft.title)
                scored[id] = max(scored[id] ?? 0, score)
            }
            // Enough close matches from the more specific searches: the looser ones add only noise.
            if scored.values.filter({ $0 >= PublishedMatches.threshold }).count >= limit { break }
        }
        let ranked = scored.filter { $0.value >= PublishedMatches.threshold }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(limit)
        var matches: [Match] = []
        for (id, score) in ranked {
            guard let document = documents[id], document.isPublic else { continue }
            let source = try await publishing.sourceRequest(ofDocument: id)
            matches.append(Match(document: document, similarity: score, fromRequest: source?.reference))
        }
        return matches
    }
}
