import DisclosureSearch
import NIOCore
import NIOPosix

/// The threads every search of this process runs on, one per core, taking searches strictly in
/// the order they arrive.
///
/// A search is synchronous CPU work: a common phrase searched for the first time at a million
/// documents verifies hundreds of thousands of candidates (200–400 ms). Run inline on Swift's
/// cooperative threads, such searches were not served in arrival order: under the portal's query
/// log (wrk, 64 connections) some requests waited behind several of them and the slowest took
/// 2.59 s, against 1.08 s with this queue (same machine, same index, same run of the log; the
/// throughput was the same). More threads than cores let the kernel slice searches against each
/// other and every one of them took longer (3 threads: 212 req/s; 2: 235; 1: 145).
enum SearchThreads {
    static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: System.coreCount)
        pool.start()
        return pool
    }()

    /// Runs `request` on the queue and returns what the segments answer.
    static func search(_ set: SegmentSet, _ request: EngineQuery) async throws -> EngineResult {
        try await pool.runIfActive { set.search(request) }
    }
}
