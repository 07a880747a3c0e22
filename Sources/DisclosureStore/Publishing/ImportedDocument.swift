import Foundation

/// One line of the bulk-import format: the JSON Lines `../shared/bench/gen_corpus.py` writes.
public struct ImportedDocument: Decodable, Sendable {
    public let unit: String
    public let category: String
    public let title: String
    public let body: String
    public let publishedAt: String
    public let docNo: String?

    enum CodingKeys: String, CodingKey {
        case unit, category, title, body
        case publishedAt = "published_at"
        case docNo = "doc_no"
    }

    public init(unit: String, category: String, title: String, body: String, publishedAt: String, docNo: String?) {
        self.unit = unit
        self.category = category
        self.title = title
        self.body = body
        self.publishedAt = publishedAt
        self.docNo = docNo
    }
}

/// What an import did.
public struct ImportSummary: Sendable, Equatable {
    public var imported = 0
    public var unitsCreated = 0
    public var duplicateDocNumbers = 0

    public init() {}
}
