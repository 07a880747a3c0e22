/// Records in one flat allocation, reached through a pointer and appended one at a time (doubling
/// the room when full). Building a segment touches one record per token — a term's posting
/// streams, its neighbours — and through a Swift array each touch paid for a uniqueness and a
/// bounds check. The owner calls `release()` once, when it is done with them.
struct FlatRecords<Record> {
    private(set) var base: UnsafeMutablePointer<Record>
    private var capacity: Int
    private(set) var count = 0

    init() {
        capacity = 1 << 12
        base = .allocate(capacity: capacity)
    }

    mutating func append(_ record: Record) {
        if count == capacity {
            let bigger = UnsafeMutablePointer<Record>.allocate(capacity: capacity * 2)
            bigger.moveInitialize(from: base, count: count)
            base.deallocate()
            base = bigger
            capacity *= 2
        }
        (base + count).initialize(to: record)
        count += 1
    }

    func release() {
        base.deinitialize(count: count)
        base.deallocate()
    }
}
