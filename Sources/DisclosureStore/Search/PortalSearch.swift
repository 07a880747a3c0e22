import DisclosureCore
import DisclosureSearch
import Foundation
import Logging
import NIOConcurrencyHelpers

/// The search index is still being read or built (first start, or a folder that had to be rebuilt).
public struct SearchNotReady: Error, CustomStringConvertible {
    public var description: String { "检索索引正在建立，请稍后再试" }
}

/// The portal's full-text search (issue 20): this process's indexes of documents and powers
/// (`DisclosureSearch`), each in its own folder, kept current from the database's change log.
/// Every search first compares the log's head with what the indexes applied and applies what is
/// missing, so a change is findable on the next search through any instance; `serve` also catches
/// up every second in the background.
public final class PortalSearch: Sendable {
    let database: Database
    let documents: LiveSearchIndex
    let powers: LiveSearchIndex
    public let folder: URL
    let logger: Logger
    /// The background open `start()` began, until it ends.
    private let opening = NIOLockedValueBox<Task<Void, Never>?>(nil)
    private let lastCheck = NIOLockedValueBox(HeadCheck())
    static let headInterval: Duration = .milliseconds(200)

    /// How long a search waits for an index that is still opening before answering 503.
    static let readyWait: Duration = .seconds(5)

    public init(database: Database, clock: any WallClock, folder: URL, logger: Logger = Logger(label: "disclosure.search")) {
        self.database = database
        self.folder = folder
        self.logger = logger
        documents = LiveSearchIndex(
            collection: .documents, folder: folder.appendingPathComponent("documents"), source: DocumentSearchSource(clock: clock),
            database: database, logger: logger)
        powers = LiveSearchIndex(
            collection: .powers, folder: folder.appendingPathComponent("powers"), source: PowerSearchSource(), database: database, logger: logger)
    }

    /// `search/` beside an SQLite file (`data/search` for `data/disclosure.sqlite`), else `data/search`.
    public static func folder(beside url: DatabaseURL) -> URL {
        if case .sqliteFile(let path) = url { return URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("search") }
        return URL(fileURLWithPath: "data/search")
    }

    /// Reads both folders (rebuilding what is missing or corrupt) and applies the log.
    public func open() async throws {
        try await documents.open()
        try await powers.open()
        try await catchUp(force: true)
    }

    public var isReady: Bool { documents.current.ready && powers.current.ready }

    /// Applies the change log's rows that this process's indexes have not yet applied. The log's
    /// head is read at once after this process committed anything, otherwise at most every 200 ms
    /// (under load, one small query per search was a fifth of a PostgreSQL search's cost); other
    /// instances' changes therefore show within that time, or the background loop's half second.
    public func catchUp(force: Bool = false) async throws {
        let database = database
        let plan = lastCheck.withLockedValue { check in
            check.plan(commits: database.localCommits, now: .now, force: force, interval: Self.headInterval) { ownCommit in
                // After a commit of its own, the process asks the connection that committed, so it
                // reads its own write; otherwise any reader will do.
                Task { try await SearchChangeLog.head(on: ownCommit ? database.unaudited : database.sql) }
            }
        }
        let head: Int64
        switch plan {
        case .known(let known): head = known
        case .await(let reading):
            do {
                head = try await reading.value
                lastCheck.withLockedValue { $0.finish(reading, value: head) }
            } catch {
                lastCheck.withLockedValue { $0.finish(reading, value: nil) }
                throw error
            }
        }
        for index in [documents, powers] where index.current.ready && index.current.appliedSequence < head {
            try await index.catchUp(upTo: head)
        }
    }

    /// Releases both folders (a later search opens them again).
    public func close() async {
        await documents.close()
        await powers.close()
    }

    /// Rebuilds both indexes from the tables.
    public func rebuild() async throws {
        try await documents.rebuild()
        try await powers.rebuild()
    }

    /// The documents matching `query`: one page, the exact total and the facets over every match.
    public func documents(_ query: SearchQuery, filters: SearchFilters, order: SearchOrder, offset: Int, limit: Int, facets: Bool = true)
        async throws -> SearchResult
    {
        guard !query.isEmpty else { return .empty }
        let request = EngineQuery(
            query, filters: filters.engineFilters, order: order == .newest ? .newest : .relevance, offset: min(max(0, offset), 10_000),
            limit: min(max(1, limit), 100), facets: facets)
        let found = try await SearchThreads.search(try await currentSet(documents), request)
        var result = SearchResult.empty
        result.sequence = documents.current.appliedSequence
        result.total = found.total
        result.documentIDs = found.ids
        guard facets else { return result }
        result.units = (found.facets["unit"] ?? []).map { ($0.value, $0.count) }
        result.categories = (found.facets["category"] ?? []).map { ($0.value, $0.count) }
        result.years = (found.facets["year"] ?? []).compactMap { count in Int(count.value).map { ($0, count.count) } }.sorted { $0.year > $1.year }
        result.validity = (found.facets["validity"] ?? []).compactMap { count in ValidityStatus(rawValue: count.value).map { ($0, count.count) } }
            .sorted { $0.status.rawValue < $1.status.rawValue }
        return result
    }

    /// Ids of the powers matching the query, best first (at most `limit`).
    public func powerMatches(_ query: SearchQuery, limit: Int = 2_000) async throws -> [Int] {
        guard !query.isEmpty else { return [] }
        return try await SearchThreads.search(try await currentSet(powers), EngineQuery(query, limit: limit, facets: false)).ids
    }

    /// Starts opening both indexes in the background (`serve` does this at start: a rebuild may
    /// take minutes at a province's size). Searches meanwhile wait briefly, then answer 503. A
    /// failure is logged, and the next search opens the indexes itself.
    public func start() {
        guard !isReady else { return }
        opening.withLockedValue { task in
            guard task == nil else { return }
            task = Task {
                do { try await open() } catch { logger.error("检索索引无法打开：\(error)", metadata: ["folder": "\(folder.path)"]) }
                opening.withLockedValue { $0 = nil }
            }
        }
    }

    /// Waits for a background open to end, so a server shutting down stops using the database
    /// before it is closed.
    public func finishOpening() async {
        await opening.withLockedValue { $0 }?.value
    }

    /// The index after applying the log. An index nobody has opened yet is opened here; one that
    /// is opening in the background is waited for a little.
    func currentSet(_ index: LiveSearchIndex) async throws -> SegmentSet {
        if !index.current.ready {
            if opening.withLockedValue({ $0 != nil }) {
                let deadline = ContinuousClock.now + Self.readyWait
                while !index.current.ready {
                    guard ContinuousClock.now < deadline else { throw SearchNotReady() }
                    try await Task.sleep(for: .milliseconds(20))
                }
            } else {
                try await open()
            }
        }
        try await catchUp()
        return index.current.set
    }
}
