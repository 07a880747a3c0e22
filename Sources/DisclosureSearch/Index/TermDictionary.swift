/// A segment's terms, read in place from its bytes: a table of `count + 1` byte offsets, then the
/// terms' UTF-8 bytes back to back in ascending byte order (which is the order of their Unicode
/// scalars). A lookup is a binary search over the bytes; no `String` is made per term, so a
/// memory-mapped segment with millions of terms costs no memory until a query touches them.
struct TermDictionary: Sendable {
    let storage: SegmentBytes
    /// Where the offset table starts (4 bytes per entry, relative to `textStart`).
    let tableStart: Int
    let textStart: Int
    let count: Int

    /// The UTF-8 bytes of term `id`.
    func bytes(of id: Int) -> UnsafeBufferPointer<UInt8> {
        let start = Int(storage.u32(at: tableStart + id * 4))
        let end = Int(storage.u32(at: tableStart + (id + 1) * 4))
        return UnsafeBufferPointer(rebasing: storage.buffer[(textStart + start)..<(textStart + end)])
    }

    func string(_ id: Int) -> String { String(decoding: bytes(of: id), as: UTF8.self) }

    /// Every term as a string (tests).
    var strings: [String] { (0..<count).map(string) }

    /// The ids of the terms a query token stands for: itself, or every term it begins (a prefix).
    func ids(for token: SearchQueryTokenBytes) -> Range<Int> {
        let start = lowerBound(token.bytes)
        guard token.prefix else { return start < count && Self.compare(bytes(of: start), token.bytes) == 0 ? start..<(start + 1) : start..<start }
        var end = start
        while end < count && Self.hasPrefix(bytes(of: end), token.bytes) { end += 1 }
        return start..<end
    }

    private func lowerBound(_ text: [UInt8]) -> Int {
        var lower = 0
        var upper = count
        while lower < upper {
            let middle = (lower + upper) / 2
            if Self.compare(bytes(of: middle), text) < 0 { lower = middle + 1 } else { upper = middle }
        }
        return lower
    }

    /// Byte order: negative when `term` sorts before `text`, zero when equal.
    static func compare(_ term: UnsafeBufferPointer<UInt8>, _ text: [UInt8]) -> Int {
        for index in 0..<min(term.count, text.count) where term[index] != text[index] {
            return Int(term[index]) - Int(text[index])
        }
        return term.count - text.count
    }

    static func hasPrefix(_ term: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8]) -> Bool {
        guard term.count >= prefix.count else { return false }
        for index in 0..<prefix.count where term[index] != prefix[index] { return false }
        return true
    }
}

/// A query token as the dictionary compares it.
struct SearchQueryTokenBytes {
    let bytes: [UInt8]
    let prefix: Bool
}
