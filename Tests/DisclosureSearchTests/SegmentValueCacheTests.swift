import Testing

@testable import DisclosureSearch

@Suite("Segment value cache")
struct SegmentValueCacheTests {
    @Test("full, it forgets the values used longest ago, not everything")
    func forgetsOldestFirst() {
        let cache = SegmentValueCache<Int, String>(budget: 800)
        for key in 0..<8 { cache.keep("v\(key)", size: 100, for: key) }
        #expect(cache.count == 8)
        // Every value used since it was kept (as under real traffic), the oldest uses first.
        for key in [3, 0, 1, 2, 4, 5, 6, 7] { #expect(cache.cached(key) == "v\(key)") }
        cache.keep("v8", size: 100, for: 8)
        // Room for the new value with an eighth of the budget (100) to spare: the two used longest
        // ago (3, then 0) go, and the rest stay.
        #expect(cache.cached(3) == nil)
        #expect(cache.cached(0) == nil)
        for key in [1, 2, 4, 5, 6, 7, 8] { #expect(cache.cached(key) == "v\(key)") }
        #expect(cache.keptSize == 700)
        // Within the budget again: no value goes.
        cache.keep("v9", size: 100, for: 9)
        #expect(cache.count == 8)
        #expect(cache.keptSize == 800)
    }

    @Test("a value larger than the budget is made but not kept; making one keeps it")
    func oversizedAndMade() {
        let cache = SegmentValueCache<Int, String>(budget: 100)
        cache.keep("big", size: 101, for: 1)
        #expect(cache.cached(1) == nil)
        var made = 0
        for _ in 0..<3 {
            #expect(
                cache.value(
                    2, size: { _ in 10 },
                    make: {
                        made += 1; return "two"
                    }) == "two")
        }
        #expect(made == 1)
    }
}
