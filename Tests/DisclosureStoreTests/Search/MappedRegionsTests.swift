import Foundation
import Testing

@testable import DisclosureStore

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 20 (server RSS ≤ 2 GiB at 1M): the pages of a mapped segment file a query touched can be
/// let go from the process's resident set and read again afterwards, unchanged.
@Suite("Mapped index pages: let go from the resident set, read again unchanged")
struct MappedRegionsTests {
    /// The resident kilobytes of the one mapping that starts at `base`, from /proc/self/smaps.
    static func residentKilobytes(of base: UnsafeRawPointer) throws -> Int {
        let smaps = try #require(ResidentMemory.procFile("/proc/self/smaps"))
        let start = String(UInt(bitPattern: base), radix: 16)
        var inside = false
        for line in smaps.split(separator: "\n") {
            if let dash = line.firstIndex(of: "-"), line[..<dash].allSatisfy(\.isHexDigit) {
                inside = line[..<dash].drop { $0 == "0" } == start.drop { $0 == "0" }
            } else if inside, line.hasPrefix("Rss:") {
                return Int(line.split(separator: " ")[1]) ?? -1
            }
        }
        return -1
    }

    @Test("a 16 MiB file read through its mapping is resident; released, it is not; read again, the bytes are the same")
    func release() throws {
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("mapped-\(UUID().uuidString)")
        let size = 16 << 20
        let pattern = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 12) }
        try Data(pattern).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let descriptor = open(url.path, O_RDONLY)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        let address = try #require(mmap(nil, size, PROT_READ, MAP_SHARED, descriptor, 0))
        #expect(address != MAP_FAILED)
        let buffer = UnsafeRawBufferPointer(start: address, count: size)
        let regions = MappedRegions()
        regions.add(buffer)
        #expect(regions.mappedBytes == size)

        func sum() -> Int { stride(from: 0, to: size, by: 4096).reduce(0) { $0 + Int(buffer[$1]) } }
        let expected = stride(from: 0, to: size, by: 4096).reduce(0) { $0 + Int(pattern[$1]) }
        #expect(sum() == expected)
        let touched = try Self.residentKilobytes(of: address)
        #expect(touched >= 16 * 1024 - 64, "\(touched) \(address)")

        #expect(regions.release() == size)
        #expect(try Self.residentKilobytes(of: address) == 0)
        #expect(sum() == expected)
        #expect(try Self.residentKilobytes(of: address) >= 16 * 1024 - 64)

        regions.unmap(buffer)
        #expect(regions.mappedBytes == 0)
        #expect(regions.release() == 0)
    }

    @Test("the budget trims only above it, and 0 never trims")
    func budget() {
        let regions = MappedRegions()
        #expect(ResidentIndexBudget(megabytes: 0).trimIfOver(regions) == 0)
        // No process has a million gigabytes of file pages resident.
        #expect(ResidentIndexBudget(megabytes: 1 << 30).trimIfOver(regions) == 0)
        let memory = ResidentMemory.current()
        #expect(memory != nil && memory!.resident > 0 && memory!.fileBacked > 0 && memory!.fileBacked <= memory!.resident)
    }
}
