import DisclosureCore

/// What to search for: the citizen's query (AND of terms, each a token phrase), facet filters
/// (field → the values allowed, e.g. a unit and its sub-units), the order, one page, and whether
/// to count facets.
public struct EngineQuery: Sendable {
    public enum Order: Sendable { case relevance, newest }

    public var query: SearchQuery
    public var filters: [String: [String]]
    public var order: Order
    public var offset: Int
    public var limit: Int
    public var facets: Bool

    public init(
        _ query: SearchQuery, filters: [String: [String]] = [:], order: Order = .relevance, offset: Int = 0, limit: Int = 20, facets: Bool = true
    ) {
        self.query = query
        self.filters = filters
        self.order = order
        self.offset = max(0, offset)
        self.limit = max(0, limit)
        self.facets = facets
    }
}

/// One page of matches with the exact total and, when asked, the facet counts over all matches
/// (field → values by count, largest first).
public struct EngineResult: Sendable, Equatable {
    public struct FacetCount: Sendable, Equatable {
        public let value: String
        public let count: Int
    }

    public var total: Int
    public var ids: [Int]
    public var facets: [String: [FacetCount]]

    public static let empty = EngineResult(total: 0, ids: [], facets: [:])
}
