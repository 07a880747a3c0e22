import DisclosureCore
import Foundation
import NIOConcurrencyHelpers

/// The documents behind the hits of a search, kept between searches for as long as the index has
/// applied no change (issue 20: the page and the API read every hit from the database on every
/// request; on PostgreSQL that round trip was most of the difference from SQLite).
///
/// Every change a hit can show (publication, correction, withdrawal, validity) reaches the index
/// through the change log, so a new applied sequence empties the cache: a page never shows a
/// document older than the index that found it. A fill made for an older sequence is dropped.
public final class SearchHitDocuments: Sendable {
    let database: Database
    private let state = NIOLockedValueBox<(sequence: Int64, documents: [Int: GovernmentDocument])>((-1, [:]))
    /// About 4,000 documents (tens of MB at the corpus's sizes); past it the cache starts over.
    static let capacity = 4_000

    public init(database: Database) { self.database = database }

    /// The documents with `ids`, in that order, as of the index's applied `sequence`.
    public func documents(ids: [Int], sequence: Int64) async throws -> [GovernmentDocument] {
        guard !ids.isEmpty else { return [] }
        var found: [Int: GovernmentDocument] = [:]
        let missing = state.withLockedValue { state -> [Int] in
            if state.sequence != sequence { state = (sequence, [:]) }
            return ids.filter { id in
                guard let document = state.documents[id] else { return true }
                found[id] = document
                return false
            }
        }
        if !missing.isEmpty {
            let fetched = try await DocumentRepository(database.sql).find(ids: missing)
            state.withLockedValue { state in
                guard state.sequence == sequence else { return }
                if state.documents.count + fetched.count > Self.capacity { state.documents = [:] }
                for document in fetched { state.documents[document.id] = document }
            }
            for document in fetched { found[document.id] = document }
        }
        return ids.compactMap { found[$0] }
    }

    /// Whether `text` could be a 索引号 or 文号, so the exact-hit lookup is worth a query: both
    /// always carry a number (Arabic, fullwidth or Chinese). 「预算」 asks the database nothing.
    public static func mayNameDocument(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            ("0"..."9").contains(scalar) || ("０"..."９").contains(scalar) || "〇一二三四五六七八九十〔".unicodeScalars.contains(scalar)
        }
    }
}
