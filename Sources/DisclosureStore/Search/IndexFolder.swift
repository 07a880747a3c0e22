import DisclosureSearch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What an index folder holds, written last and atomically: the segments in use with their
/// delete sets, and the last change-log sequence they include. A crash before the manifest is
/// renamed into place leaves the previous manifest, whose segments are still there; the log is
/// then applied again from its sequence (applying a row twice is harmless).
struct IndexManifest: Codable, Equatable {
    struct Entry: Codable, Equatable {
        var name: String
        var deleted: [UInt32]
    }

    static let currentFormat = 1

    var format = Self.currentFormat
    var appliedSequence: Int64
    var segments: [Entry]
}

/// Why an index folder could not be used as it is.
public enum IndexFolderError: Error, CustomStringConvertible {
    case locked(String)
    case unreadable(String, String)

    public var description: String {
        switch self {
        case .locked(let path): "检索索引目录 \(path) 正被另一个进程使用：每个实例须有自己的索引目录（DISCLOSURE_SEARCH_DIR）"
        case .unreadable(let path, let reason): "检索索引目录 \(path) 无法读取（\(reason)）"
        }
    }
}

/// One collection's folder of segment files and its manifest. The process that opens it holds an
/// exclusive lock on `.lock` for as long as it runs, so two processes never write one folder.
final class IndexFolder: @unchecked Sendable {
    let url: URL
    private var lockDescriptor: Int32 = -1

    init(url: URL) { self.url = url }

    deinit { if lockDescriptor >= 0 { close(lockDescriptor) } }

    private var manifestURL: URL { url.appendingPathComponent("manifest.json") }

    func segmentURL(_ name: String) -> URL { url.appendingPathComponent(name + ".seg") }

    /// Creates the folder and takes its lock (released when the process ends, even by kill -9).
    func lock() throws {
        guard lockDescriptor < 0 else { return }
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let descriptor = open(url.appendingPathComponent(".lock").path, O_CREAT | O_RDWR, 0o644)
        guard descriptor >= 0 else { throw IndexFolderError.unreadable(url.path, "无法建立锁文件") }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw IndexFolderError.locked(url.path)
        }
        lockDescriptor = descriptor
    }

    /// Releases the lock (for another process, or a test reopening the folder).
    func unlock() {
        guard lockDescriptor >= 0 else { return }
        close(lockDescriptor)
        lockDescriptor = -1
    }

    /// The manifest, or nil when the folder has none yet.
    func readManifest() throws -> IndexManifest? {
        guard FileManager.default.fileExists(atPath: manifestURL.path) else { return nil }
        do {
            let manifest = try JSONDecoder().decode(IndexManifest.self, from: Data(contentsOf: manifestURL))
            guard manifest.format == IndexManifest.currentFormat else { throw IndexFolderError.unreadable(url.path, "清单格式不受支持") }
            return manifest
        } catch let error as IndexFolderError {
            throw error
        } catch {
            throw IndexFolderError.unreadable(url.path, "清单损坏")
        }
    }

    /// The segments the manifest names, with their delete sets.
    func load(_ manifest: IndexManifest) throws -> SegmentSet {
        var set = SegmentSet()
        for entry in manifest.segments {
            do { set.add(try MappedSegment.open(segmentURL(entry.name)), name: entry.name, deleted: entry.deleted) } catch .missing {
                throw IndexFolderError.unreadable(url.path, "缺少段文件 \(entry.name)")
            } catch {
                throw IndexFolderError.unreadable(url.path, "段文件 \(entry.name)：\(error)")
            }
        }
        return set
    }

    /// Writes a segment built in memory and answers it mapped from its file, so the copy in
    /// memory is freed.
    func write(_ segment: SearchSegment, name: String) throws -> SearchSegment {
        try segment.withFileBytes { try writeDurably(UnsafeRawBufferPointer($0), to: segmentURL(name)) }
        // Just written and flushed from the checked bytes: mapping it needs no second checksum.
        do { return try MappedSegment.open(segmentURL(name), verify: false) } catch {
            throw IndexFolderError.unreadable(url.path, "段文件 \(name)：\(error)")
        }
    }

    func write(_ manifest: IndexManifest) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try [UInt8](try encoder.encode(manifest)).withUnsafeBytes { try writeDurably($0, to: manifestURL) }
    }

    /// Deletes segment files and leftovers the manifest does not name (from a merge, or a write a
    /// crash interrupted).
    func removeUnreferenced(by manifest: IndexManifest) {
        let kept = Set(manifest.segments.map { $0.name + ".seg" } + ["manifest.json", ".lock"])
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        for name in names where !kept.contains(name) { try? FileManager.default.removeItem(at: url.appendingPathComponent(name)) }
    }

    /// Writes to a temporary file, flushes it to disk, renames it into place and flushes the
    /// folder, so after a crash the file is either the old one or the complete new one.
    private func writeDurably(_ buffer: UnsafeRawBufferPointer, to target: URL) throws {
        let temporary = url.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        let descriptor = open(temporary.path, O_CREAT | O_WRONLY | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw IndexFolderError.unreadable(url.path, "无法写入") }
        var written = 0
        var ok = true
        while ok && written < buffer.count {
            let result = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            if result <= 0 { ok = false } else { written += result }
        }
        ok = ok && fsync(descriptor) == 0
        close(descriptor)
        guard ok, rename(temporary.path, target.path) == 0 else {
            unlink(temporary.path)
            throw IndexFolderError.unreadable(url.path, "写入失败（磁盘已满？）")
        }
        let folder = open(url.path, O_RDONLY)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }
}
