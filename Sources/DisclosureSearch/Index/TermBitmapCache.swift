import Foundation

/// Bitmaps of the documents holding frequent terms, decoded from their posting lists when a query
/// first needs them and kept for the next, within one byte budget for every segment of the
/// process. Building them all when a segment opened cost memory in proportion to the index (and
/// read every frequent term's postings from disk); the terms queries actually use are far fewer.
final class TermBitmapCache: @unchecked Sendable {
    /// 256 MiB: the bitmaps of a province's most searched terms over a million documents.
    static let shared = TermBitmapCache(budget: 256 << 20)

    struct Key: Hashable {
        let segment: Int
        let term: Int
    }

    private struct Entry {
        let bitmap: DocumentBitmap
        let size: Int
        var used: Bool
    }

    let budget: Int
    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]
    private var size = 0
    private var segments = 0

    init(budget: Int) { self.budget = budget }

    /// A number no other segment of this process has, to key its bitmaps.
    func newSegment() -> Int {
        lock.withLock {
            segments += 1
            return segments
        }
    }

    /// The cached bitmap, or `make()`'s, kept while the budget allows.
    func bitmap(_ key: Key, make: () -> DocumentBitmap) -> DocumentBitmap {
        let cached = lock.withLock { () -> DocumentBitmap? in
            guard let entry = entries[key] else { return nil }
            if !entry.used { entries[key]?.used = true }
            return entry.bitmap
        }
        if let cached { return cached }
        let made = make()
        let madeSize = made.memorySize
        lock.withLock {
            guard entries[key] == nil, madeSize <= budget else { return }
            if size + madeSize > budget { sweep(room: madeSize) }
            entries[key] = Entry(bitmap: made, size: madeSize, used: true)
            size += madeSize
        }
        return made
    }

    /// Second chance: bitmaps no query used since the last sweep go; if that is not room enough,
    /// everything goes.
    private func sweep(room: Int) {
        var kept: [Key: Entry] = [:]
        var keptSize = 0
        for (key, var entry) in entries where entry.used {
            entry.used = false
            kept[key] = entry
            keptSize += entry.size
        }
        if keptSize + room > budget {
            kept = [:]
            keptSize = 0
        }
        entries = kept
        size = keptSize
    }
}
