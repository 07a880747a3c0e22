import DisclosureCore
import Foundation
import SQLKit
import ZIPFoundation

/// `disclosure backup`: a consistent copy of a SQLite database and its attachment files in one
/// ZIP archive with a manifest (issue 17).
///
/// A plain `cp` of the live file misses what is still in the WAL and can catch a half-written
/// page. `VACUUM INTO` copies one read transaction's view instead, so the server keeps writing
/// while the snapshot is taken and the copy holds exactly the writes committed before it began.
/// Attachments are content-addressed and written before the rows that name them, so copying them
/// after the snapshot finds every file the snapshot refers to.
public struct Backup: Sendable {
    public let database: Database
    public let files: FolderFileStore

    public init(database: Database, files: FolderFileStore) {
        self.database = database
        self.files = files
    }

    /// Writes the archive to `out` (which must not exist yet) and returns its manifest.
    @discardableResult
    public func write(to out: URL, now: Date) async throws -> BackupManifest {
        guard database.dialect == .sqlite else {
            throw DomainError.invalid("database", "PostgreSQL 数据库请用 pg_dump 备份（见 README“备份与恢复”）；本命令备份 SQLite 数据库")
        }
        guard !FileManager.default.fileExists(atPath: out.path) else {
            throw DomainError(.conflict, field: "out", "备份文件 \(out.path) 已存在，请换一个文件名")
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("disclosure-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let snapshot = work.appendingPathComponent(BackupManifest.databaseName)
        try await Self.snapshot(database, into: snapshot)
        let (schemaVersion, head) = try await Self.describe(snapshot: snapshot)
        let digest = try FileDigest.sha256(of: snapshot)
        let entries = try attachmentEntries()
        let manifest = BackupManifest(
            createdAt: Timestamp.text(now), schemaVersion: schemaVersion, auditHead: head,
            database: .init(path: BackupManifest.databaseName, sha256: digest.hex, bytes: digest.bytes), files: entries)
        do {
            try FileManager.default.createDirectory(at: out.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw DomainError.invalid("out", "无法创建备份目录 \(out.deletingLastPathComponent().path)")
        }
        let partial = out.deletingLastPathComponent().appendingPathComponent(".\(out.lastPathComponent).partial")
        try? FileManager.default.removeItem(at: partial)
        do {
            let archive = try Archive(url: partial, accessMode: .create)
            try archive.addEntry(with: BackupManifest.databaseName, fileURL: snapshot, compressionMethod: .deflate)
            for entry in entries {
                try archive.addEntry(with: entry.path, fileURL: files.root.appendingPathComponent(String(entry.path.dropFirst("files/".count))))
            }
            let data = try manifest.encoded()
            try archive.addEntry(
                with: BackupManifest.fileName, type: .file, uncompressedSize: Int64(data.count),
                provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        } catch {
            try? FileManager.default.removeItem(at: partial)
            throw DomainError.invalid("out", "无法写入备份文件 \(out.path)")
        }
        // Only a complete archive gets the real name, so a crash never leaves a truncated backup.
        try FileManager.default.moveItem(at: partial, to: out)
        return manifest
    }

    /// Copies the database with `VACUUM INTO` on a connection of its own: the copy is one read
    /// transaction (the server's readers are `query_only`, which forbids the statement, and its
    /// writer must not be held for the seconds a large copy takes).
    static func snapshot(_ database: Database, into file: URL) async throws {
        guard case .sqliteFile(let path) = database.url else {
            throw DomainError.invalid("database", "只能备份 SQLite 数据库文件")
        }
        let copier = try await Database.open(.sqliteFile(path: path))
        do {
            try await copier.unaudited.raw("VACUUM INTO \(bind: file.path)").run()
            try await copier.close()
        } catch {
            try? await copier.close()
            throw error
        }
    }

    /// The schema version and audit head inside a snapshot file.
    static func describe(snapshot: URL) async throws -> (Int, AuditHead) {
        let copy = try await Database.open(.sqliteFile(path: snapshot.path))
        do {
            let version = try await Migrator(database: copy).appliedVersions().last ?? 0
            let head = try await AuditLog.head(on: copy.sql)
            try await copy.close()
            return (version, head)
        } catch {
            try? await copy.close()
            throw error
        }
    }

    /// Every attachment file with its checksum (its name is its SHA-256, but the bytes are read
    /// again so the manifest vouches for what was copied).
    func attachmentEntries() throws -> [BackupManifest.Entry] {
        guard let walker = FileManager.default.enumerator(at: files.root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var entries: [BackupManifest.Entry] = []
        for case let url as URL in walker {
            let name = url.lastPathComponent
            guard name.count == 64, name.allSatisfy(\.isHexDigit) else { continue }  // skips half-written temporaries
            let digest = try FileDigest.sha256(of: url)
            let relative = "\(name.prefix(2))/\(name.dropFirst(2).prefix(2))/\(name)"
            entries.append(.init(path: "files/" + relative, sha256: digest.hex, bytes: digest.bytes))
        }
        return entries.sorted { $0.path < $1.path }
    }
}
