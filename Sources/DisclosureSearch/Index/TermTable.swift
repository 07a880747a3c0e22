/// Token bytes → term id, built without making a `String` per token: an open-addressing hash
/// table over an arena of the distinct tokens' UTF-8 bytes.
///
/// A token of up to seven bytes — every CJK bigram and character, most Latin words and numbers —
/// is packed with its length into one integer, hashed with a multiply and compared in one step.
/// Hashing and comparing byte by byte was a fifth of a bulk import's index building. Longer tokens
/// take FNV-1a and a byte comparison. The two kinds share one table: a packed key is never zero
/// (its length is in the top byte), and a long token's stored key is.
struct TermTable {
    private(set) var arena: [UInt8] = []
    private(set) var starts: [Int] = []
    private(set) var lengths: [Int] = []
    /// Per id: the packed token, or 0 for a token longer than `packable`.
    private var keys: [UInt64] = []
    private var slots: [Int32] = Array(repeating: -1, count: 1 << 12)

    static let packable = 7

    var count: Int { starts.count }

    /// The id of the token, adding it when new.
    mutating func id(of token: UnsafeBufferPointer<UInt8>) -> Int32 {
        let key = Self.packed(token)
        var slot = Self.slot(key: key, token: token, mask: slots.count - 1)
        while true {
            let id = slots[slot]
            if id < 0 { break }
            if key != 0 ? keys[Int(id)] == key : equals(Int(id), token) { return id }
            slot = (slot + 1) & (slots.count - 1)
        }
        let id = Int32(starts.count)
        starts.append(arena.count)
        lengths.append(token.count)
        keys.append(key)
        arena.append(contentsOf: token)
        slots[slot] = id
        if starts.count * 2 > slots.count { grow() }
        return id
    }

    /// The token's bytes and length in one integer, or 0 when it is too long to pack.
    @inline(__always)
    private static func packed(_ token: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard token.count <= packable else { return 0 }
        var key = UInt64(token.count) << 56
        for index in 0..<token.count { key |= UInt64(token[index]) << (8 * UInt64(index)) }
        return key
    }

    @inline(__always)
    private static func slot(key: UInt64, token: UnsafeBufferPointer<UInt8>, mask: Int) -> Int {
        if key != 0 {
            let mixed = key &* 0x9E37_79B9_7F4A_7C15
            return Int(truncatingIfNeeded: mixed ^ (mixed >> 29)) & mask
        }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in token {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return Int(truncatingIfNeeded: hash) & mask
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
        arena.withUnsafeBufferPointer { arena in
            for id in 0..<starts.count {
                let token = UnsafeBufferPointer(rebasing: arena[starts[id]..<(starts[id] + lengths[id])])
                var slot = Self.slot(key: keys[id], token: token, mask: mask)
                while bigger[slot] >= 0 { slot = (slot + 1) & mask }
                bigger[slot] = Int32(id)
            }
        }
        slots = bigger
    }

    func bytes(_ id: Int) -> [UInt8] { Array(arena[starts[id]..<(starts[id] + lengths[id])]) }
}
