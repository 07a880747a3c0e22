/// The bytes of one segment file, alive as long as a segment, posting list or cursor reads them:
/// a memory-mapped file (Store maps it, so a page is read when a query first touches it and the
/// kernel may drop it again: an index larger than memory stays searchable) or a copy in memory (a
/// segment just built, or one read in tests). Nothing writes to them once they are here.
public final class SegmentBytes: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<UInt8>
    private let release: @Sendable (UnsafeRawBufferPointer) -> Void

    /// Bytes someone else owns (a mapping); `release` runs once nothing reads them any more.
    public init(mapped buffer: UnsafeRawBufferPointer, release: @escaping @Sendable (UnsafeRawBufferPointer) -> Void) {
        self.buffer = UnsafeBufferPointer(start: buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), count: buffer.count)
        self.release = release
    }

    /// A copy of `bytes` in memory.
    public init(copying bytes: [UInt8]) {
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = copy.initialize(from: bytes)
        buffer = UnsafeBufferPointer(rebasing: copy[0..<bytes.count])
        release = { $0.deallocate() }
    }

    deinit { release(UnsafeRawBufferPointer(buffer)) }

    public var count: Int { buffer.count }

    /// The bytes, copied out (to write them to a file or compare them in tests).
    public var array: [UInt8] { Array(buffer) }

    func u32(at offset: Int) -> UInt32 {
        UInt32(littleEndian: UnsafeRawBufferPointer(buffer).loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    func u64(at offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawBufferPointer(buffer).loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
}
