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
    private var building: Task<(SearchSegment, String), any Error>?

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
        if let running = building {
            guard pending.count >= 2 * LiveSearchIndex.segmentSize else { return }
            built.append(try await running.value)
            building = nil
        }
        // One thread: the other core writes the table.
        startBuilding(threads: 1)
    }

    private func startBuilding(threads: Int) {
        let documents = pending
        pending = []
        let folder = index.folder
        building = Task { try await LiveSearchIndex.writeSegment(documents, in: folder, threads: threads) }
    }

    /// Builds what is left (on every core: the table is written) and adds the segments to the index.
    public func finish() async throws {
        if let running = building {
            built.append(try await running.value)
            building = nil
        }
        if !pending.isEmpty {
            startBuilding(threads: 2)
            built.append(try await building!.value)
            building = nil
        }
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
