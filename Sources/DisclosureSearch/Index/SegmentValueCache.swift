import Foundation

/// Values derived from an immutable segment — a frequent term's bitmap, a phrase's verified
/// occurrences — made when a query first needs them and kept for the next, within one byte budget
/// for every segment of the process. A segment never changes, so a kept value is never stale; a
/// segment that is dropped simply stops being asked for, and its values age out.
///
/// Full, it forgets the values used longest ago until an eighth of the budget is free. It used to
/// keep the values used since its last sweep and, when those alone filled it, forget everything:
/// under the portal's traffic at a million documents every kept phrase had been used, so the
/// cache emptied 25 times in a 30-second run and the most searched phrases were verified again
/// after each time.
final class SegmentValueCache<Key: Hashable, Value>: @unchecked Sendable {
    private struct Entry {
        let value: Value
        let size: Int
        var lastUse: UInt64
    }

    let budget: Int
    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]
    private var size = 0
    private var uses: UInt64 = 0

    init(budget: Int) { self.budget = budget }

    /// How many values are kept.
    var count: Int { lock.withLock { entries.count } }

    /// How many bytes the kept values take, by their own estimate.
    var keptSize: Int { lock.withLock { size } }

    /// The kept value, if any (marked as just used).
    func cached(_ key: Key) -> Value? {
        lock.withLock {
            // One hash of the key (a phrase key hashes arrays of term ids).
            guard let index = entries.index(forKey: key) else { return nil }
            uses += 1
            entries.values[index].lastUse = uses
            return entries.values[index].value
        }
    }

    /// Keeps `value` (of about `size` bytes) while the budget allows.
    func keep(_ value: Value, size valueSize: Int, for key: Key) {
        lock.withLock {
            guard entries[key] == nil, valueSize <= budget else { return }
            if size + valueSize > budget { forgetOldest(room: valueSize) }
            uses += 1
            entries[key] = Entry(value: value, size: valueSize, lastUse: uses)
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

    /// Forgets the values used longest ago until `room` fits with an eighth of the budget to
    /// spare, so the next values kept do not each start another sort.
    private func forgetOldest(room: Int) {
        let target = max(0, budget - budget / 8 - room)
        for (key, entry) in entries.sorted(by: { $0.value.lastUse < $1.value.lastUse }) {
            guard size > target else { break }
            entries[key] = nil
            size -= entry.size
        }
    }
}
