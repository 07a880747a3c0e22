import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Testing

@Suite("Backup and restore")
struct BackupTests {
    static func folder() -> URL {
        URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("disclosure-backup-test-\(UUID().uuidString)")
    }

    @Test("a backup taken while writers run restores every write acknowledged before it, with files and an intact chain")
    func roundTripUnderLoad() async throws {
        let root = Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let source = try await Database.open(.sqliteFile(path: root.appendingPathComponent("live/disclosure.sqlite").path))
        try await Migrator(database: source).migrate()
        let files = FolderFileStore(root: root.appendingPathComponent("live/files"))
        let attachment = try files.put(Array("附件内容：示范县财政预算".utf8))
        let acknowledged = NIOLockedValueBox<[String]>([])
        let stop = NIOLockedValueBox(false)
        let writers = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<4 {
                    group.addTask {
                        var round = 0
                        while !stop.withLockedValue({ $0 }) {
                            let target = "t:\(writer):\(round)"
                            try await source.change(by: .system, at: FixedClock.t0) { _ in ((), AuditEvent("test.write", target: target)) }
                            acknowledged.withLockedValue { $0.append(target) }
                            round += 1
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        while acknowledged.withLockedValue({ $0.count }) < 200 { try await Task.sleep(for: .milliseconds(5)) }
        let before = Set(acknowledged.withLockedValue { $0 })
        let archive = root.appendingPathComponent("backup.zip")
        let manifest = try await Backup(database: source, files: files).write(to: archive, now: FixedClock.t0)
        stop.withLockedValue { $0 = true }
        try await writers.value
        try await source.close()
        #expect(manifest.auditHead.entries >= before.count)
        #expect(manifest.files.map(\.sha256) == [attachment])

        let target = root.appendingPathComponent("restored/disclosure.sqlite").path
        let restoredFiles = FolderFileStore(root: root.appendingPathComponent("restored/files"))
        let outcome = try await Restore(archive: archive, target: target, files: restoredFiles).run()
        #expect(outcome.auditEntries == manifest.auditHead.entries)
        #expect(try restoredFiles.get(attachment) == Array("附件内容：示范县财政预算".utf8))
        let restored = try await Database.open(.sqliteFile(path: target))
        let targets = Set(try await AuditLog.recent(on: restored.sql, limit: 1_000_000).map(\.target))
        #expect(before.isSubset(of: targets))
        try await restored.close()

        // A second restore into the now non-empty database is refused.
        await #expect(throws: DomainError.self) { try await Restore(archive: archive, target: target, files: restoredFiles).run() }
    }

    @Test("restore refuses a newer schema and a corrupted file")
    func refusals() async throws {
        let root = Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let source = try await Database.open(.sqliteFile(path: root.appendingPathComponent("live/disclosure.sqlite").path))
        try await Migrator(database: source).migrate()
        let files = FolderFileStore(root: root.appendingPathComponent("live/files"))
        let archive = root.appendingPathComponent("backup.zip")
        try await Backup(database: source, files: files).write(to: archive, now: FixedClock.t0)
        try await source.close()
        let restoredFiles = FolderFileStore(root: root.appendingPathComponent("restored/files"))
        let newer = Restore(archive: archive, target: root.appendingPathComponent("a.sqlite").path, files: restoredFiles)
        let latest = AllMigrations.latestVersion
        await #expect(throws: DomainError(.conflict, field: "file", "备份的数据库结构版本为 \(latest)，比本程序支持的版本 \(latest - 1) 新，请升级程序后再恢复")) {
            try await newer.run(knownSchemaVersion: latest - 1)
        }
        // Flip one byte in the middle of the archive: the stored database no longer matches.
        var bytes = try Data(contentsOf: archive)
        bytes[bytes.count / 3] ^= 0xFF
        try bytes.write(to: archive)
        await #expect(throws: (any Error).self) {
            try await Restore(archive: archive, target: root.appendingPathComponent("b.sqlite").path, files: restoredFiles).run()
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("b.sqlite").path))
    }
}
