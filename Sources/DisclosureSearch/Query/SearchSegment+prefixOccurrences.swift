extension SearchSegment {
    /// The documents holding any of a prefix token's terms (政 → 政府, 政务, 政策 … hundreds; 2025年
    /// → 年度, 年底 …), with the terms' title and body counts summed per document. Reading hundreds
    /// of posting lists costs a tenth of a second at a million documents, and the sums are a fact of
    /// the immutable segment, so they are kept in `SegmentCaches.phrases` beside the phrases'.
    func occurrences(ofAny ids: [Int]) -> PhraseOccurrences {
        SegmentCaches.phrases.value(.init(segment: serial, tokens: [ids]), size: \.memorySize) {
            var title = [UInt32](repeating: 0, count: count)
            var body = [UInt32](repeating: 0, count: count)
            for id in ids {
                var cursor = PostingCursor(postings(id))
                while !cursor.exhausted {
                    title[Int(cursor.ordinal)] += cursor.titleCount
                    body[Int(cursor.ordinal)] += cursor.bodyCount
                    cursor.next()
                }
            }
            var ordinals: [UInt32] = []
            var titles: [UInt32] = []
            var bodies: [UInt32] = []
            for ordinal in 0..<count where title[ordinal] + body[ordinal] > 0 {
                ordinals.append(UInt32(ordinal))
                titles.append(title[ordinal])
                bodies.append(body[ordinal])
            }
            return PhraseOccurrences(ordinals: ordinals, titleCounts: titles, bodyCounts: bodies, lengths: lengths)
        }
    }
}
