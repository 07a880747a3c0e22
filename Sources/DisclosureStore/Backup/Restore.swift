import DisclosureCore
import Foundation
import SQLKit
import ZIPFoundation

/// `disclosure restore`: puts a backup archive back into an empty place and proves it whole.
///
/// Refuses a backup made by a newer release (its schema could not be read safely), a target that
/// already holds data, and any file whose checksum differs from the manifest; after restoring it
/// walks the audit chain and compares its end with the head recorded in the manifest.
public struct Restore: Sendable {
    public let archive: URL
    public let target: String
    public let files: FolderFileStore

    /// - Parameters:
    ///   - target: the SQLite file to create; it must not exist (or be empty).
    ///   - files: the attachment folder of the restored database.
    public init(archive: URL, target: String, files: FolderFileStore) {
        self.archive = archive
        self.target = target
        self.files = files
    }

    public struct Outcome: Sendable {
        public let manifest: BackupManifest
        public let auditEntries: Int
        public let filesRestored: Int
    }

    public func run(knownSchemaVersion: Int = AllMigrations.latestVersion) async throws -> Outcome {
        let zip: Archive
        do { zip = try Archive(url: archive, accessMode: .read) } catch {
            throw DomainError.invalid("file", "无法读取备份文件 \(archive.path)：不是有效的 ZIP 文件")
        }
        let manifest = try readManifest(zip)
        guard manifest.format == BackupManifest.currentFormat else {
            throw DomainError.invalid("file", "备份格式 \(manifest.format) 无法识别")
        }
        guard manifest.schemaVersion <= knownSchemaVersion else {
            throw DomainError(
                .conflict, field: "file", "备份的数据库结构版本为 \(manifest.schemaVersion)，比本程序支持的版本 \(knownSchemaVersion) 新，请升级程序后再恢复")
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: target)
        if let size = attributes?[.size] as? Int, size > 0 {
            throw DomainError(.conflict, field: "database", "目标数据库 \(target) 已存在且不为空；恢复只写入新的空数据库")
        }
        let targetURL = URL(fileURLWithPath: target)
        try FileManager.default.createDirectory(at: targetURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        let staging = targetURL.deletingLastPathComponent().appendingPathComponent(".\(targetURL.lastPathComponent).restoring")
        try? FileManager.default.removeItem(at: staging)
        try extract(manifest.database, from: zip, to: staging)
        var restored = 0
        for entry in manifest.files {
            guard entry.path.hasPrefix("files/"), !entry.path.contains("..") else { throw DomainError.invalid("file", "备份中的文件路径 \(entry.path) 无效") }
            let destination = files.root.appendingPathComponent(String(entry.path.dropFirst("files/".count)))
            if let existing = try? FileDigest.sha256(of: destination), existing.hex == entry.sha256 { continue }
            try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try extract(entry, from: zip, to: destination)
            restored += 1
        }
        try FileManager.default.moveItem(at: staging, to: targetURL)
        let database = try await Database.open(.sqliteFile(path: target))
        do {
            let (checked, broken) = try await AuditLog.verify(on: database.sql, expected: manifest.auditHead)
            try await database.close()
            if let broken { throw DomainError.invalid("file", "恢复后审计日志校验未通过：\(broken.reason)") }
            return Outcome(manifest: manifest, auditEntries: checked, filesRestored: restored)
        } catch {
            try? await database.close()
            throw error
        }
    }

    func readManifest(_ zip: Archive) throws -> BackupManifest {
        guard let entry = zip[BackupManifest.fileName] else { throw DomainError.invalid("file", "备份文件缺少 manifest.json") }
        var data = Data()
        _ = try zip.extract(entry) { data.append($0) }
        do {
            return try JSONDecoder().decode(BackupManifest.self, from: data)
        } catch {
            throw DomainError.invalid("file", "备份文件的 manifest.json 无法解析")
        }
    }

    /// Extracts one entry and checks its SHA-256 against the manifest; a mismatch removes it.
    func extract(_ entry: BackupManifest.Entry, from zip: Archive, to destination: URL) throws {
        guard let member = zip[entry.path] else { throw DomainError.invalid("file", "备份文件缺少 \(entry.path)") }
        try? FileManager.default.removeItem(at: destination)
        _ = try zip.extract(member, to: destination)
        let digest = try FileDigest.sha256(of: destination)
        guard digest.hex == entry.sha256, digest.bytes == entry.bytes else {
            try? FileManager.default.removeItem(at: destination)
            throw DomainError.invalid("file", "备份中的 \(entry.path) 校验和不符，文件已损坏")
        }
    }
}
