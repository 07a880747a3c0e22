import DisclosureSearch
import Dispatch
import Foundation
import Logging
import NIOConcurrencyHelpers
import SQLKit

/// One collection's index in this process: the segments read from its folder, kept current by
/// applying the change log in order. Searches read an immutable snapshot without waiting; the
/// actor makes one change at a time: apply a batch, merge small segments, or rebuild.
actor LiveSearchIndex {
    struct Snapshot: Sendable {
        var set = SegmentSet()
        var appliedSequence: Int64 = -1
        var ready = false
    }

    /// Segments are cut at this many documents when rebuilding, which bounds the build's memory.
    static let segmentSize = 50_000
    /// Beyond this many waiting changes a rebuild is cheaper than applying them (a bulk import).
    static let rebuildAbove: Int64 = 20_000
    /// Segments smaller than this are merged once there are more than `smallSegmentLimit` of them.
    static let smallSegment = 5_000
    static let smallSegmentLimit = 8

    let collection: SearchCollection
    let folder: IndexFolder
    let source: any SearchSource
    let database: Database
    let logger: Logger
    nonisolated let snapshot = NIOLockedValueBox(Snapshot())
    private var manifest: IndexManifest?

    init(collection: SearchCollection, folder: URL, source: any SearchSource, database: Database, logger: Logger) {
        self.collection = collection
        self.folder = IndexFolder(url: folder)
        self.source = source
        self.database = database
        self.logger = logger
    }

    nonisolated var current: Snapshot { snapshot.withLockedValue { $0 } }

    /// Where the index reads the log and the items: the connection that commits (SQLite's one
    /// writer, PostgreSQL's pool). A reader connection in the parallel test suite once answered
    /// from before a commit this process had made, so a rebuild missed a document the log's head
    /// already covered, for good. Reads here are statement by statement; writes wait only for them.
    private var reads: any SQLDatabase { database.unaudited }

    /// Takes the folder's lock and reads it; a missing, corrupt or stale folder is rebuilt from
    /// the database with a log line. Idempotent.
    func open() async throws {
        await acquire()
        defer { release() }
        try await openHeld()
    }

    func rebuild() async throws {
        await acquire()
        defer { release() }
        try await rebuildHeld()
    }

    func catchUp(upTo target: Int64?) async throws {
        await acquire()
        defer { release() }
        try await catchUpHeld(upTo: target)
    }

    // An actor runs another call whenever this one awaits (reading the database, building off the
    // pool). Two opens, or an open and a catch-up, interleaved that way once installed an older
    // manifest over a newer one and deleted the newer one's segment: so one change at a time.
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    private func acquire() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Hands the turn to the next waiter (which then holds it) or frees it.
    private func release() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }

    private func openHeld() async throws {
        guard manifest == nil else { return }
        try folder.lock()
        do {
            if let stored = try folder.readManifest() {
                let set = try await Self.offPool { try self.folder.load(stored) }
                folder.removeUnreferenced(by: stored)
                install(set, stored)
                return
            }
            logger.info("检索索引（\(collection.rawValue)）尚未建立，从数据库建立", metadata: ["folder": "\(folder.url.path)"])
        } catch {
            logger.error("检索索引（\(collection.rawValue)）无法读取，从数据库重建：\(error)", metadata: ["folder": "\(folder.url.path)"])
        }
        try await rebuildHeld()
    }

    /// Indexes every item from its table into new segments, then replaces the folder's contents.
    /// Changes logged meanwhile are applied afterwards (from the head read before reading items).
    private func rebuildHeld() async throws {
        try folder.lock()
        let started = ContinuousClock.now
        let head = try await SearchChangeLog.head(on: reads)
        var set = SegmentSet()
        var after = 0
        var batch: [SearchDocument] = []
        var exhausted = false
        // The next segment's documents are read while the last one is built (on other threads):
        // read, then built, one after the other, a rebuild left the cores idle a sixth of the time.
        var building: Task<(SearchSegment, String), any Error>?
        while !exhausted {
            let page = try await source.indexedIDs(after: after, limit: 2_000, on: reads)
            if let last = page.scannedThrough {
                after = last
                if !page.ids.isEmpty { batch += try await source.searchDocuments(ids: page.ids, on: reads) }
            } else {
                exhausted = true
            }
            guard batch.count >= Self.segmentSize || (exhausted && !batch.isEmpty) else { continue }
            if let built = try await building?.value { set.add(built.0, name: built.1) }
            let documents = batch
            batch = []
            building = Task { try await Self.writeSegment(documents, in: folder) }
        }
        if let built = try await building?.value { set.add(built.0, name: built.1) }
        let rebuilt = IndexManifest(appliedSequence: head, segments: set.members.map { .init(name: $0.name, deleted: $0.deleted) })
        try folder.write(rebuilt)
        folder.removeUnreferenced(by: rebuilt)
        install(set, rebuilt)
        logger.info(
            "检索索引（\(collection.rawValue)）已重建：\(set.count) 条，\(set.members.count) 段，用时 \(started.duration(to: .now))",
            metadata: ["folder": "\(folder.url.path)"])
        try await catchUpHeld(upTo: nil)
    }

    /// Applies the log up to `target` (or its current head), oldest first, in batches.
    private func catchUpHeld(upTo target: Int64?) async throws {
        guard let manifest else { return try await openHeld() }
        let head: Int64
        if let target { head = target } else { head = try await SearchChangeLog.head(on: reads) }
        guard head > manifest.appliedSequence else { return }
        if head - manifest.appliedSequence > Self.rebuildAbove { return try await rebuildHeld() }
        while let applied = self.manifest?.appliedSequence, applied < head {
            let changes = try await SearchChangeLog.changes(after: applied, limit: 5_000, on: reads)
            guard let last = changes.last else { break }
            try await apply(changes, through: last.sequence)
        }
    }

    /// One batch: the changed items are read as they stand, their old entries deleted and the
    /// ones that still belong indexed into a new segment; the manifest is written last.
    private func apply(_ changes: [SearchChange], through sequence: Int64) async throws {
        guard let manifest else { return }
        var set = current.set
        let ids = Array(Set(changes.filter { $0.collection == collection }.map(\.itemID))).sorted()
        if !ids.isEmpty {
            try await reindex(ids, in: &set)
            try await mergeSmallSegments(&set)
        }
        try commit(set, manifest, through: sequence)
    }

    /// Replaces the items' entries with the items as they stand now (an item no longer indexed
    /// just leaves).
    private func reindex(_ ids: [Int], in set: inout SegmentSet) async throws {
        let documents = try await source.searchDocuments(ids: ids, on: reads)
        set.remove(ids: ids)
        if !documents.isEmpty {
            let (segment, name) = try await writeSegment(documents)
            set.add(segment, name: name)
        }
    }

    /// Writes the manifest naming the set's segments that still hold a live item, as applied
    /// through `sequence`, removes the files it no longer names and serves the set.
    private func commit(_ set: SegmentSet, _ manifest: IndexManifest, through sequence: Int64) throws {
        var set = set
        var manifest = manifest
        manifest.appliedSequence = sequence
        manifest.segments = set.members.filter { $0.liveCount > 0 }.map { .init(name: $0.name, deleted: $0.deleted) }
        set.drop(names: Set(set.members.filter { $0.liveCount == 0 }.map(\.name)))
        try folder.write(manifest)
        folder.removeUnreferenced(by: manifest)
        install(set, manifest)
    }

    private func writeSegment(_ documents: [SearchDocument]) async throws -> (SearchSegment, String) {
        try await Self.writeSegment(documents, in: folder)
    }

    static func writeSegment(_ documents: [SearchDocument], in folder: IndexFolder, threads: Int = 2) async throws -> (SearchSegment, String) {
        let name = newSegmentName()
        let segment = try await offPool { try folder.write(SearchSegment.build(documents, threads: threads), name: name) }
        return (segment, name)
    }

    /// Takes in the segments a bulk import built from the documents it wrote (`SearchImport`;
    /// their ids in `imported`), as of the log's head now. The log's other rows since `start`
    /// (another writer's changes, or an imported document changed again meanwhile) are applied in
    /// the same step, so the manifest, written once at the end, never claims a change it lacks.
    func adopt(_ built: [(SearchSegment, String)], imported: [ClosedRange<Int>], since start: Int64) async throws {
        await acquire()
        defer { release() }
        // The folder is this process's from before the import; an index that moved anyway is
        // brought up to date the ordinary way (the built segments are then unreferenced files,
        // removed with the next manifest).
        guard let manifest, manifest.appliedSequence == start else { return try await catchUpHeld(upTo: nil) }
        let head = try await SearchChangeLog.head(on: reads)
        var again: Set<Int> = []
        var seen: Set<Int> = []
        // The importer logs each of its documents once: when the window holds exactly that many
        // rows, none is another's, and the million rows of a large import need not be read.
        let importedCount = imported.reduce(0) { $0 + $1.count }
        var after = try await SearchChangeLog.count(after: start, through: head, on: reads) == importedCount ? head : start
        while after < head {
            let changes = try await SearchChangeLog.changes(after: after, limit: 20_000, on: reads)
            guard let last = changes.last else { break }
            for change in changes where change.sequence <= head && change.collection == collection {
                let ours = imported.contains { $0.contains(change.itemID) } && seen.insert(change.itemID).inserted
                if !ours { again.insert(change.itemID) }
            }
            after = last.sequence
        }
        var set = current.set
        for (segment, name) in built { set.add(segment, name: name) }
        if !again.isEmpty { try await reindex(again.sorted(), in: &set) }
        try commit(set, manifest, through: head)
        logger.info(
            "检索索引（\(collection.rawValue)）已并入导入时建立的 \(built.count) 段，另按变更记录更新 \(again.count) 条",
            metadata: ["folder": "\(folder.url.path)"])
    }

    /// Many small segments slow every query a little; past the limit they are indexed again as one
    /// from the items as they stand.
    private func mergeSmallSegments(_ set: inout SegmentSet) async throws {
        let small = set.members.filter { $0.segment.count < Self.smallSegment }
        guard small.count > Self.smallSegmentLimit else { return }
        try await reindex(small.flatMap { set.liveIDs(of: $0.name) }, in: &set)
        set.drop(names: Set(small.map(\.name)))
    }

    /// Forgets the index and releases its folder; a later search opens it again.
    func close() async {
        await acquire()
        defer { release() }
        manifest = nil
        snapshot.withLockedValue { $0 = Snapshot() }
        folder.unlock()
    }

    private func install(_ set: SegmentSet, _ manifest: IndexManifest) {
        self.manifest = manifest
        snapshot.withLockedValue { $0 = Snapshot(set: set, appliedSequence: manifest.appliedSequence, ready: true) }
    }

    static func newSegmentName() -> String { "seg-" + UUID().uuidString.lowercased().prefix(13).replacingOccurrences(of: "-", with: "") }

    /// Runs CPU-bound work (building, encoding, decoding segments) on a Dispatch thread, so a
    /// rebuild does not occupy the cooperative threads that answer requests.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }
}
