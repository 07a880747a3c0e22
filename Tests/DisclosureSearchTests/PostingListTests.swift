import PropertyBased
import Testing

@testable import DisclosureSearch

/// Posting entries round-trip through the codec, including the packed counts' escape for three
/// or more title occurrences and blocks that start anew every 128 entries.
@Suite("Posting lists")
struct PostingListTests {
    @Test("ordinals, title and body counts and positions read back as written")
    func roundTrip() {
        let writers = PostingWriters()
        var expected: [(UInt32, UInt32, UInt32, [UInt32])] = []
        var ordinal: UInt32 = 0
        for index in 0..<400 {
            ordinal += UInt32(1 + index % 7)
            let title = UInt32(index % 9)
            let body = UInt32((index * 5) % 300)
            let positions = (0..<(title + body)).map { UInt32($0) * 3 + UInt32(index % 4) }
            positions.withUnsafeBufferPointer { writers.append(term: 0, ordinal: ordinal, titleCount: title, bodyCount: body, positions: $0) }
            expected.append((ordinal, title, body, positions))
        }
        var cursor = PostingCursor(writers.list(0, lengths: Array(repeating: 1_000, count: Int(ordinal) + 1)))
        var buffer: [UInt32] = []
        for (ordinal, title, body, positions) in expected {
            #expect(!cursor.exhausted)
            #expect(cursor.ordinal == ordinal)
            #expect(cursor.titleCount == title)
            #expect(cursor.bodyCount == body)
            buffer.removeAll()
            cursor.positions(into: &buffer)
            #expect(buffer == positions)
            cursor.next()
        }
        #expect(cursor.exhausted)
    }

    @Test("positions read for some entries only, twice for one, for neighbours, after skipping ahead, match what was written")
    func positionsOutOfTurn() {
        let writers = PostingWriters()
        var expected: [UInt32: [UInt32]] = [:]
        var ordinal: UInt32 = 0
        for index in 0..<700 {
            ordinal += UInt32(1 + index % 5)
            let title = UInt32(index % 4)
            let body = UInt32((index * 7) % 40)
            let positions = (0..<(title + body)).map { UInt32($0) * 2 + UInt32(index % 3) }
            positions.withUnsafeBufferPointer { writers.append(term: 0, ordinal: ordinal, titleCount: title, bodyCount: body, positions: $0) }
            expected[ordinal] = positions
        }
        let ordinals = expected.keys.sorted()
        var cursor = PostingCursor(writers.list(0, lengths: Array(repeating: 500, count: Int(ordinal) + 1)))
        var buffer: [UInt32] = []
        var checked = 0
        // Every third entry by walking, runs of neighbours (read, next, read), and jumps across
        // blocks with advance(to:).
        for (index, wanted) in ordinals.enumerated() where index % 3 == 0 || index % 97 == 0 || index % 50 < 4 {
            cursor.advance(to: wanted)
            #expect(cursor.ordinal == wanted)
            for _ in 0..<(index % 2 + 1) {
                buffer.removeAll()
                cursor.positions(into: &buffer)
                #expect(buffer == expected[wanted])
            }
            checked += 1
        }
        #expect(checked > 200)
    }

    @Test("a block's bound is exactly its best document's BM25 factor, whatever the average length")
    func frontierBoundIsExact() async {
        await propertyCheck(count: 60, input: Gen.uint64(in: 1...UInt64.max / 2), Gen.int(in: 1...2_000)) { seed, average in
            var state = seed
            func next(_ bound: UInt32) -> UInt32 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return UInt32(truncatingIfNeeded: state >> 33) % bound
            }
            let writers = PostingWriters()
            var entries: [(frequency: Float, length: UInt32)] = []
            var lengths: [UInt32] = []
            var ordinal: UInt32 = 0
            for _ in 0..<(1 + Int(next(600))) {
                ordinal += 1 + next(3)
                let title = next(3)
                let body = next(12)
                let length = title + body + next(1_500)
                let positions = (0..<(title + body)).map { UInt32($0) }
                positions.withUnsafeBufferPointer { writers.append(term: 0, ordinal: ordinal, titleCount: title, bodyCount: body, positions: $0) }
                entries.append((BM25.weightedFrequency(title: title, body: body), length))
                while lengths.count < ordinal { lengths.append(0) }
                lengths.append(length)
            }
            let list = writers.list(0, lengths: lengths)
            for block in 0..<list.blockCount {
                let members = entries[(block * PostingList.blockSize)..<min(entries.count, (block + 1) * PostingList.blockSize)]
                let best = members.map { BM25.factor(frequency: $0.frequency, length: $0.length, averageLength: Float(average)) }.max()!
                #expect(list.bound(ofBlock: block, averageLength: Float(average)) == best, "seed \(seed) block \(block)")
            }
        }
    }
}
