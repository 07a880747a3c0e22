import DisclosureCore
import Foundation

/// Where attachment bytes live (DESIGN §4, §8): content-addressed by SHA-256, so the same file
/// uploaded twice is stored once and a stored file can never change under its name. A local
/// folder now; an object store can implement the same protocol later.
public protocol FileStore: Sendable {
    func put(_ bytes: [UInt8]) throws -> String
    func get(_ sha256: String) throws -> [UInt8]?
}

/// `data/files/ab/cd/abcdef…` under a root folder.
public struct FolderFileStore: FileStore {
    public let root: URL

    public init(root: URL) { self.root = root }

    /// The folder beside an SQLite file (`data/files` for `data/disclosure.sqlite`), else `data/files`.
    public static func beside(_ url: DatabaseURL) -> FolderFileStore {
        if case .sqliteFile(let path) = url {
            return FolderFileStore(root: URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("files"))
        }
        return FolderFileStore(root: URL(fileURLWithPath: "data/files"))
    }

    public func put(_ bytes: [UInt8]) throws -> String {
        let hash = AuditLog.sha256Hex(bytes)
        let file = path(hash)
        if FileManager.default.fileExists(atPath: file.path) { return hash }
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            let temporary = file.deletingLastPathComponent().appendingPathComponent(".\(hash).\(UUID().uuidString)")
            try Data(bytes).write(to: temporary)
            // Rename is atomic: readers see the whole file or none.
            if rename(temporary.path, file.path) != 0 { throw DomainError.invalid("file", "无法保存附件") }
        } catch let error as DomainError {
            throw error
        } catch {
            throw DomainError.invalid("file", "无法保存附件")
        }
        return hash
    }

    public func get(_ sha256: String) throws -> [UInt8]? {
        guard sha256.count == 64, sha256.allSatisfy({ $0.isHexDigit }) else { return nil }
        return FileManager.default.contents(atPath: path(sha256).path).map { [UInt8]($0) }
    }

    func path(_ hash: String) -> URL {
        root.appendingPathComponent(String(hash.prefix(2))).appendingPathComponent(String(hash.dropFirst(2).prefix(2))).appendingPathComponent(hash)
    }
}

extension FileStore {
    /// Checks an uploaded file's type and keeps its bytes; the record that owns it stores the
    /// returned description. An empty upload (no file chosen) keeps nothing.
    public func keep(name: String, bytes: [UInt8]) throws -> StoredFile? {
        guard !bytes.isEmpty else { return nil }
        let kind = try AttachmentKind.detect(fileName: name, bytes: bytes)
        return StoredFile(name: AttachmentKind.safeName(name), mediaType: kind.mediaType, sha256: try put(bytes), size: bytes.count)
    }
}
