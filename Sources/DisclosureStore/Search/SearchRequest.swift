import DisclosureCore

/// What a portal search asks for besides the text.
public struct SearchFilters: Equatable, Sendable {
    /// Unit codes to search within (a unit and its sub-units); nil for all units.
    public var unitCodes: [String]?
    public var category: String?
    public var year: Int?
    public var validity: ValidityStatus?

    public init(unitCodes: [String]? = nil, category: String? = nil, year: Int? = nil, validity: ValidityStatus? = nil) {
        self.unitCodes = unitCodes
        self.category = category
        self.year = year
        self.validity = validity
    }

    var engineFilters: [String: [String]] {
        var filters: [String: [String]] = [:]
        if let unitCodes { filters["unit"] = unitCodes }
        if let category { filters["category"] = [category] }
        if let year { filters["year"] = [String(year)] }
        if let validity { filters["validity"] = [validity.rawValue] }
        return filters
    }
}

public enum SearchOrder: String, Sendable, CaseIterable {
    case relevance
    case newest
}

/// One page of hits with the total and the facet counts over every match.
public struct SearchResult: Sendable {
    public var total: Int
    public var documentIDs: [Int]
    /// Unit codes with their counts (pages show the names).
    public var units: [(code: String, count: Int)]
    public var categories: [(name: String, count: Int)]
    public var years: [(year: Int, count: Int)]
    public var validity: [(status: ValidityStatus, count: Int)]
    /// The change-log sequence the index had applied when it answered (for `SearchHitDocuments`).
    public var sequence: Int64 = -1

    public static let empty = SearchResult(total: 0, documentIDs: [], units: [], categories: [], years: [], validity: [])
}
