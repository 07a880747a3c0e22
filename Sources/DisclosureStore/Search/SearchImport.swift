import DisclosureCore
import DisclosureSearch

/// A bulk import's own indexing (issue 20: a million documents within minutes). The importer
/// hands over each committed batch's documents; segments are built from them on another thread
/// while the next batches are written, instead of reading the whole table back afterwards — the
/// table's one writer leaves the second core mostly idle. `finish` adds the segments to the
/// index together with any other change logged meanwhile (`LiveSearchIndex.adopt`).
///
/// Until then nothing names the new segment files, so an import killed half-way leaves the index
/// as it was; the next open removes the files and catches up from the log.
public actor SearchImport {
    let index: LiveSearchIndex
    let start: Int64
    private var pending: [SearchDocument] = []
    private var built: [(SearchSegment, String)] = []
    private var imported: [ClosedRange<Int>] = []
    /// Builds under way, oldest first: one while the importer writes, and more at the end.
    private var building: [Task<(SearchSegment, String), any Error>] = []

    init(index: LiveSearchIndex, start: Int64) {
        self.index = index
        self.start = start
    }

    /// Documents the importer committed, with their ids. Waits only when a whole segment's worth
    /// is queued behind a build still running, so a slow build holds the import back rather than
    /// memory growing without bound.
    public func add(_ documents: [SearchDocument], ids: ClosedRange<Int>) async throws {
        if let last = imported.last, last.upperBound + 1 == ids.lowerBound {
            imported[imported.count - 1] = last.lowerBound...ids.upperBound
        } else {
            imported.append(ids)
        }
        pending += documents
        guard pending.count >= LiveSearchIndex.segmentSize else { return }
        if !building.isEmpty {
            guard pending.count >= 2 * LiveSearchIndex.segmentSize else { return }
            try await finishOldest()
        }
        // One build at a time, on one thread: the other core writes the table. Two builds beside
        // the importer made the whole import slower (they contend for the caches).
        startBuilding()
    }

    private func startBuilding() {
        let documents = pending
        pending = []
        let folder = index.folder
        building.append(Task { try await LiveSearchIndex.writeSegment(documents, in: folder, threads: 1) })
    }

    private func finishOldest() async throws {
        let oldest = building.removeFirst()
        built.append(try await oldest.value)
    }

    /// Builds what is left beside the build still running, so both cores work once the table is
    /// written (waiting for that build first left one idle for a tenth of a large import), and
    /// adds the segments to the index.
    public func finish() async throws {
        if !pending.isEmpty { startBuilding() }
        while !building.isEmpty { try await finishOldest() }
        try await index.adopt(built, imported: imported, since: start)
    }
}

extension PortalSearch {
    /// Opens both indexes (taking their folders' lock, so no server uses them meanwhile) and
    /// brings them up to date, for an import to index what it writes. Throws `IndexFolderError`
    /// when a running server holds the folder: that server then catches up by itself.
    public func beginImport() async throws -> SearchImport {
        try await open()
        return SearchImport(index: documents, start: documents.current.appliedSequence)
    }
}
