/// A document as the engine indexes it: its text fields, the key it is ordered by when newest
/// comes first, and its facet values (unit, category, year, validity …) by field name.
public struct SearchDocument: Sendable, Equatable {
    public let id: Int
    public let title: String
    public let body: String
    /// Larger is newer (e.g. the publication day, then the id); `newest` order sorts by it.
    public let dateKey: Int64
    public let facets: [String: String]

    public init(id: Int, title: String, body: String, dateKey: Int64, facets: [String: String] = [:]) {
        self.id = id
        self.title = title
        self.body = body
        self.dateKey = dateKey
        self.facets = facets
    }
}
