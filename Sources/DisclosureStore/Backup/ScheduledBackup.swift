import DisclosureCore
import Foundation

/// `serve`'s daily backup (`DISCLOSURE_BACKUP_DIR`, keep `DISCLOSURE_BACKUP_KEEP`, default 7).
public struct ScheduledBackup: Sendable {
    public let files: FolderFileStore
    public let folder: URL
    public let keep: Int

    public init(files: FolderFileStore, folder: URL, keep: Int) {
        self.files = files
        self.folder = folder
        self.keep = max(1, keep)
    }

    static let prefix = "disclosure-"

    /// Writes `disclosure-YYYYMMDDTHHMMSSZ.zip` and removes the oldest beyond `keep`. Returns the new file.
    @discardableResult
    public func run(_ database: Database, now: Date) async throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let stamp = Timestamp.text(now).prefix(19).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
        let out = folder.appendingPathComponent("\(Self.prefix)\(stamp)Z.zip")
        try await Backup(database: database, files: files).write(to: out, now: now)
        // The stamps sort as text, so the oldest come first.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix(Self.prefix) && $0.hasSuffix(".zip") }.sorted()
        for name in names.dropLast(keep) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
        return out
    }
}
