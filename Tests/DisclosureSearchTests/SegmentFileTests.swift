import DisclosureCore
import PropertyBased
import Testing

@testable import DisclosureSearch

/// A segment written and read back answers every query as before; a torn or corrupt file is an
/// error the caller can act on (rebuild), never a crash.
@Suite("Segment files")
struct SegmentFileTests {
    @Test("a segment read back from its bytes answers like the original")
    func roundTrip() async {
        await propertyCheck(count: 15, input: Gen.uint64(in: 1...UInt64.max / 2), Gen.int(in: 1...300)) { seed, size in
            let sample = EnginePropertyTests.Case(seed: seed, size: size)
            let segment = SearchSegment.build(sample.documents)
            let bytes = SegmentFile.encode(segment)
            do {
                let read = try SegmentFile.decode(bytes)
                #expect(read.terms == segment.terms)
                for (written, back) in zip(segment.postings, read.postings) {
                    #expect(back.blockOffsets == written.blockOffsets)
                    #expect(back.blockCounts == written.blockCounts)
                    #expect(back.blockLast == written.blockLast)
                    #expect(back.blockMaxFrequency == written.blockMaxFrequency)
                    #expect(back.blockMinLength == written.blockMinLength)
                    #expect(back.bytes == written.bytes)
                }
                #expect(read.lengths == segment.lengths)
                #expect(read.lengthSum == segment.lengthSum)
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
