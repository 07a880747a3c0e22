import DisclosureCore
import PropertyBased
import Testing

@testable import DisclosureSearch

/// A segment written and read back answers every query as before; a torn or corrupt file is an
/// error the caller can act on (rebuild), never a crash.
@Suite("Segment files")
struct SegmentFileTests {
    @Test("a segment's terms are its documents' tokens in byte order, and each term's postings list exactly the documents, counts and positions")
    func layout() async {
        await propertyCheck(count: 15, input: Gen.uint64(in: 1...UInt64.max / 2), Gen.int(in: 1...300)) { seed, size in
            let sample = EnginePropertyTests.Case(seed: seed, size: size)
            let segment = SearchSegment.build(sample.documents)
            let byID = Dictionary(uniqueKeysWithValues: sample.documents.map { ($0.id, $0) })
            // Positions as the builder numbers them: the title's tokens, a gap, the body's.
            let tokens = segment.ids.map { id -> [String] in
                let document = byID[id]!
                return SearchTokenizer.tokens(document.title) + [""] + SearchTokenizer.tokens(document.body)
            }
            let expectedTerms = Set(tokens.flatMap { $0 }).subtracting([""]).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            #expect(segment.terms == expectedTerms, "\(sample)")
            let titles = segment.ids.map { SearchTokenizer.tokens(byID[$0]!.title).count }
            for (id, term) in segment.terms.enumerated() {
                var cursor = PostingCursor(segment.postings(id))
                var buffer: [UInt32] = []
                for (ordinal, words) in tokens.enumerated() {
                    let positions = words.indices.filter { words[$0] == term }.map(UInt32.init)
                    guard !positions.isEmpty else { continue }
                    #expect(!cursor.exhausted && cursor.ordinal == UInt32(ordinal), "\(sample) \(term)")
                    #expect(cursor.titleCount == UInt32(positions.filter { $0 < titles[ordinal] }.count), "\(sample) \(term)")
                    #expect(cursor.titleCount + cursor.bodyCount == UInt32(positions.count), "\(sample) \(term)")
                    buffer.removeAll()
                    cursor.positions(into: &buffer)
                    #expect(buffer == positions, "\(sample) \(term)")
                    cursor.next()
                }
                #expect(cursor.exhausted, "\(sample) \(term)")
            }
        }
    }

    @Test("a segment read back from its bytes answers like the original")
    func roundTrip() async {
        await propertyCheck(count: 15, input: Gen.uint64(in: 1...UInt64.max / 2), Gen.int(in: 1...300)) { seed, size in
            let sample = EnginePropertyTests.Case(seed: seed, size: size)
            let segment = SearchSegment.build(sample.documents)
            let bytes = SegmentFile.encode(segment)
            do {
                let read = try SegmentFile.decode(bytes)
                #expect(SegmentFile.encode(read) == bytes)
                #expect(read.terms == segment.terms)
                for id in segment.terms.indices {
                    let (written, back) = (segment.postings(id), read.postings(id))
                    #expect(back.count == written.count)
                    #expect(back.blockOffsets == written.blockOffsets)
                    #expect(back.blockCounts == written.blockCounts)
                    #expect(back.blockLast == written.blockLast)
                    #expect(back.frontiers == written.frontiers)
                    #expect(back.blockPositionOffsets == written.blockPositionOffsets)
                    #expect(Array(back.bytes) == Array(written.bytes))
                    #expect(Array(back.positions) == Array(written.positions))
                }
                #expect(read.ids == segment.ids)
                #expect(read.dateKeys == segment.dateKeys)
                #expect(read.lengths == segment.lengths)
                #expect(read.titleLengths == segment.titleLengths)
                #expect(read.facets == segment.facets)
                for query in sample.queries { #expect(read.search(query) == segment.search(query), "\(sample) \(query.query.terms)") }
            } catch {
                Issue.record("\(sample): \(error)")
            }
        }
    }

    @Test("every truncation and any flipped byte is refused with a reason")
    func corruption() async throws {
        let sample = EnginePropertyTests.Case(seed: 7, size: 150)
        let bytes = SegmentFile.encode(SearchSegment.build(sample.documents))
        for cut in stride(from: 4, to: bytes.count, by: max(1, bytes.count / 200)) {
            #expect(throws: SegmentFileError.self) { _ = try SegmentFile.decode(Array(bytes.prefix(cut))) }
        }
        await propertyCheck(count: 200, input: Gen.int(in: 0...(bytes.count - 1)), Gen.int(in: 1...255)) { index, flip in
            var damaged = bytes
            damaged[index] ^= UInt8(flip)
            #expect(throws: SegmentFileError.self) { _ = try SegmentFile.decode(damaged) }
        }
        #expect(throws: SegmentFileError.notASegment) { _ = try SegmentFile.decode(Array("not a segment, just text".utf8)) }
    }
}
