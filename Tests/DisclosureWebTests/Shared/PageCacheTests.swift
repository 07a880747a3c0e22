import DisclosureStore
import DisclosureTestSupport
import Hummingbird
import NIOConcurrencyHelpers
import Testing

@testable import DisclosureWeb

/// The page cache is bounded by pages and by bytes: thousands of distinct search pages cannot grow
/// the server's memory without limit (issue 20: RSS under a query log).
@Suite("Page cache")
struct PageCacheTests {
    @Test("a page that would pass the byte budget starts the cache over; a cached page is not rendered again")
    func byteBudget() async throws {
        try await TestDatabase.sqlite.with { (database: Database) async throws in
            let cache = PageCache(portal: PortalQueries(database: database), capacity: 100, byteBudget: 100)
            let renders = NIOLockedValueBox(0)
            func page(_ key: String, size: Int) async throws -> ByteBuffer? {
                try await cache.page(key) {
                    renders.withLockedValue { $0 += 1 }
                    return ByteBuffer(repeating: 0x61, count: size)
                }
            }
            _ = try await page("a", size: 60)
            _ = try await page("a", size: 60)
            #expect(renders.withLockedValue { $0 } == 1)
            _ = try await page("b", size: 60)  // 120 bytes would pass the budget: the cache starts over
            #expect(renders.withLockedValue { $0 } == 2)
            #expect(cache.freshPage("b")?.readableBytes == 60)
            #expect(cache.freshPage("a") == nil)
            _ = try await page("a", size: 30)
            #expect(cache.freshPage("b") != nil)
            #expect(cache.freshPage("a") != nil)
        }
    }
}
