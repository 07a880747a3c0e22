/// The best `capacity` hits seen, as a min-heap: higher scores first, and among equal scores the
/// newer document (larger date key, then larger id) — the order a brute-force sort gives, across
/// segments as within one.
struct TopScores {
    struct Item {
        let score: Float
        let dateKey: Int64
        let id: Int

        /// Whether `self` ranks below `other`.
        func ranksBelow(_ other: Item) -> Bool {
            if score != other.score { return score < other.score }
            return dateKey != other.dateKey ? dateKey < other.dateKey : id < other.id
        }
    }

    let capacity: Int
    private(set) var heap: [Item] = []

    init(capacity: Int) { self.capacity = capacity }

    var isFull: Bool { heap.count >= capacity }

    /// The score a new item must reach once the heap is full.
    var threshold: Float { isFull ? heap[0].score : -.infinity }

    mutating func offer(_ item: Item) {
        guard capacity > 0 else { return }
        if heap.count < capacity {
            heap.append(item)
            siftUp(heap.count - 1)
        } else if heap[0].ranksBelow(item) {
            heap[0] = item
            siftDown(0)
        }
    }

    /// Best first.
    func sorted() -> [Item] { heap.sorted { $1.ranksBelow($0) } }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].ranksBelow(heap[parent]) else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var lowest = parent
            if left < heap.count && heap[left].ranksBelow(heap[lowest]) { lowest = left }
            if right < heap.count && heap[right].ranksBelow(heap[lowest]) { lowest = right }
            guard lowest != parent else { return }
            heap.swapAt(parent, lowest)
            parent = lowest
        }
    }
}
