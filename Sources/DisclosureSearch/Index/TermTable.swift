/// Token bytes → term id, built without making a `String` per token: an open-addressing hash
/// table (FNV-1a) over an arena of the distinct tokens' UTF-8 bytes.
struct TermTable {
    private(set) var arena: [UInt8] = []
    private(set) var starts: [Int] = []
    private(set) var lengths: [Int] = []
    private var slots: [Int32] = Array(repeating: -1, count: 1 << 12)

    var count: Int { starts.count }

    /// The id of the token, adding it when new.
    mutating func id(of token: UnsafeBufferPointer<UInt8>) -> Int32 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in token {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        var mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { break }
            if equals(Int(id), token) { return id }
            slot = (slot + 1) & mask
        }
        let id = Int32(starts.count)
        starts.append(arena.count)
        lengths.append(token.count)
        arena.append(contentsOf: token)
        slots[slot] = id
        if starts.count * 2 > slots.count {
            grow()
            mask = slots.count - 1
        }
        return id
    }

    private func equals(_ id: Int, _ token: UnsafeBufferPointer<UInt8>) -> Bool {
        guard lengths[id] == token.count else { return false }
        let start = starts[id]
        for index in 0..<token.count where arena[start + index] != token[index] { return false }
        return true
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: -1, count: slots.count * 2)
        let mask = bigger.count - 1
        for id in 0..<starts.count {
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in arena[starts[id]..<(starts[id] + lengths[id])] {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01B3
            }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while bigger[slot] >= 0 { slot = (slot + 1) & mask }
            bigger[slot] = Int32(id)
        }
        slots = bigger
    }

    func bytes(_ id: Int) -> [UInt8] { Array(arena[starts[id]..<(starts[id] + lengths[id])]) }
}
