import Foundation

/// Values derived from an immutable segment — a frequent term's bitmap, a phrase's verified
/// occurrences — made when a query first needs them and kept for the next, within one byte budget
/// for every segment of the process. A segment never changes, so a kept value is never stale; a
/// segment that is dropped simply stops being asked for, and its values age out.
final class SegmentValueCache<Key: Hashable, Value>: @unchecked Sendable {
    private struct Entry {
        let value: Value
        let size: Int
        var used: Bool
    }

    let budget: Int
    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]
    private var size = 0

    init(budget: Int) { self.budget = budget }

    /// How many values are kept.
    var count: Int { lock.withLock { entries.count } }

    /// The kept value, if any (marked as used, so the next sweep keeps it).
    func cached(_ key: Key) -> Value? {
        lock.withLock {
            guard let entry = entries[key] else { return nil }
            if !entry.used { entries[key]?.used = true }
            return entry.value
        }
    }

    /// Keeps `value` (of about `size` bytes) while the budget allows.
    func keep(_ value: Value, size valueSize: Int, for key: Key) {
        lock.withLock {
            guard entries[key] == nil, valueSize <= budget else { return }
            if size + valueSize > budget { sweep(room: valueSize) }
            entries[key] = Entry(value: value, size: valueSize, used: true)
            size += valueSize
        }
    }

    /// The kept value, or `make()`'s, kept while the budget allows.
    func value(_ key: Key, size: (Value) -> Int, make: () -> Value) -> Value {
        if let cached = cached(key) { return cached }
        let made = make()
        keep(made, size: size(made), for: key)
        return made
    }

    /// Second chance: values no query used since the last sweep go; if that is not room enough,
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
