import Crypto
import Foundation

/// SHA-256 of a file read in 1 MiB chunks, so a large database snapshot is never held in memory.
enum FileDigest {
    static func sha256(of url: URL) throws -> (hex: String, bytes: Int) {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { throw CocoaError(.fileReadNoSuchFile) }
        defer { try? handle.close() }
        var hasher = SHA256()
        var total = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
            total += chunk.count
        }
        return (AuditLog.hex(hasher.finalize()), total)
    }
}
