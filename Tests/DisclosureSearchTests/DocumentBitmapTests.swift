import PropertyBased
import Testing

@testable import DisclosureSearch

/// The bitmaps against plain sets, across the array/bit-set boundary and several containers.
@Suite("Document bitmaps")
struct DocumentBitmapTests {
    static let sets = Gen.int(in: 0...200_000).array(of: 0...6000).map { Set($0.map(UInt32.init)) }

    @Test("membership, count, intersection, union, difference and iteration equal set operations")
    func likeSets() async {
        await propertyCheck(count: 60, input: Self.sets, Self.sets) { a, b in
            let x = DocumentBitmap(sorted: a.sorted())
            let y = DocumentBitmap(sorted: b.sorted())
            #expect(x.count == a.count)
            #expect(x.ordinals == a.sorted())
            #expect(x.intersection(y).ordinals == a.intersection(b).sorted())
            #expect(x.intersectionCount(y) == a.intersection(b).count)
            #expect(x.union(y).ordinals == a.union(b).sorted())
            #expect(x.subtracting(y).ordinals == a.subtracting(b).sorted())
            for probe in b.prefix(50) { #expect(x.contains(probe) == a.contains(probe)) }
        }
    }

    @Test("a dense container becomes a bit set and still counts exactly")
    func dense() {
        let dense = DocumentBitmap(sorted: (0..<UInt32(70_000)).lazy)
        #expect(dense.count == 70_000)
        #expect(dense.containers.first?.isBits == true)
        let odd = DocumentBitmap(sorted: stride(from: UInt32(1), to: 70_000, by: 2))
        #expect(dense.intersectionCount(odd) == 35_000)
        #expect(dense.intersection(odd).ordinals == Array(stride(from: UInt32(1), to: 70_000, by: 2)))
    }
}
