import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Every segment file this process has mapped, so the pages of them it holds can be let go
/// (issue 20: server RSS ≤ 2 GiB at a million documents). A mapped page a query touched stays in
/// the process's resident set until the mapping goes, although it is a clean copy of the file that
/// the kernel's page cache holds anyway: after a few minutes of traffic at a million documents the
/// server "holds" 3 GiB of index that it does not own. `release()` drops the process's mapping of
/// those pages (`MADV_DONTNEED` on a read-only shared file mapping); the page cache keeps them, so
/// the next touch maps the page again from memory, without reading the disk.
///
/// A region is unmapped only under the same lock that `release()` holds, so an address range is
/// never advised after it was unmapped and perhaps reused for other memory.
public final class MappedRegions: @unchecked Sendable {
    public static let shared = MappedRegions()

    private let lock = NSLock()
    private var regions: [UInt: Int] = [:]

    func add(_ buffer: UnsafeRawBufferPointer) {
        guard let base = buffer.baseAddress else { return }
        lock.withLock { regions[UInt(bitPattern: base)] = buffer.count }
    }

    /// Forgets the region and unmaps it, under the lock.
    func unmap(_ buffer: UnsafeRawBufferPointer) {
        guard let base = buffer.baseAddress else { return }
        lock.withLock {
            regions[UInt(bitPattern: base)] = nil
            _ = munmap(UnsafeMutableRawPointer(mutating: base), buffer.count)
        }
    }

    /// Bytes currently mapped.
    public var mappedBytes: Int { lock.withLock { regions.values.reduce(0, +) } }

    /// Lets the process's resident copy of every mapped page go; returns the bytes advised.
    @discardableResult
    public func release() -> Int {
        lock.withLock {
            var advised = 0
            for (address, length) in regions {
                guard let base = UnsafeMutableRawPointer(bitPattern: address) else { continue }
                if madvise(base, length, MADV_DONTNEED) == 0 { advised += length }
            }
            return advised
        }
    }
}
