import DisclosureSearch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Opens a segment file by mapping it into memory read-only: a query's first touch of a page reads
/// it from disk, and the page cache, not the server, holds the index. Each mapping is registered
/// with `MappedRegions`, so `serve` can keep the pages it has touched under a budget (issue 20:
/// 2 GiB at a million documents). The checksum is computed with `read` in
/// pieces before mapping, because computing it through the mapping would keep every page resident.
enum MappedSegment {
    enum Failure: Error, CustomStringConvertible {
        case missing
        case system(String)
        case segment(SegmentFileError)

        var description: String {
            switch self {
            case .missing: "文件不存在"
            case .system(let call): "\(call) 失败（errno \(errno)）"
            case .segment(let error): error.description
            }
        }
    }

    /// `verify: false` skips the checksum for a file this process has just written and flushed.
    static func open(_ url: URL, verify: Bool = true) throws(Failure) -> SearchSegment {
        let descriptor = Glibc.open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw errno == ENOENT ? .missing : .system("open") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .system("fstat") }
        let size = Int(status.st_size)
        guard size >= 16 else { throw .segment(.truncated) }
        if verify {
            let stored = try checksum(of: descriptor, payload: size - 8)
            guard stored.computed == stored.trailer else { throw .segment(.checksumMismatch) }
        }
        guard let address = mmap(nil, size, PROT_READ, MAP_SHARED, descriptor, 0), address != MAP_FAILED else { throw .system("mmap") }
        let mapped = UnsafeRawBufferPointer(start: address, count: size)
        MappedRegions.shared.add(mapped)
        let bytes = SegmentBytes(mapped: mapped) { buffer in MappedRegions.shared.unmap(buffer) }
        do { return try SegmentFile.open(bytes, checksumVerified: true) } catch { throw .segment(error) }
    }

    /// The checksum of the first `payload` bytes and the one stored after them.
    private static func checksum(of descriptor: Int32, payload: Int) throws(Failure) -> (computed: UInt64, trailer: UInt64?) {
        var sum = SegmentFile.Checksum()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var done = 0
        while done < payload {
            let wanted = min(buffer.count, payload - done)
            let got = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, wanted, off_t(done)) }
            guard got > 0 else { throw got == 0 ? .segment(.truncated) : .system("pread") }
            buffer.withUnsafeBufferPointer { sum.add(UnsafeBufferPointer(rebasing: $0[0..<got])) }
            done += got
        }
        var trailer = [UInt8](repeating: 0, count: 8)
        let got = trailer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, 8, off_t(payload)) }
        guard got == 8 else { throw .segment(.truncated) }
        return (sum.value, SegmentFile.storedChecksum(trailer))
    }
}
