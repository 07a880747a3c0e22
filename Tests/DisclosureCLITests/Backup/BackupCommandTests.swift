import DisclosureTestSupport
import Foundation
import Testing

@Suite("disclosure backup and restore")
struct BackupCommandTests {
    @Test("backup then restore into a new file gives the same county with an intact audit chain; refusals are one line")
    func roundTrip() throws {
        let db = TestDatabase.temporarySQLiteFile()
        defer { db.cleanup() }
        let folder = NSTemporaryDirectory() + "disclosure-backup-cli-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let files = ["DISCLOSURE_FILES": folder + "/files"]
        #expect(try CLIRunner.run(["demo", "--database", db.url], environment: ["DISCLOSURE_DEMO_PASSWORD": "Demo2026county"]).status == 0)
        let archive = folder + "/backup.zip"
        let backup = try CLIRunner.run(["backup", "--out", archive, "--database", db.url], environment: files)
        #expect(backup.status == 0)
        #expect(backup.stdout.contains("备份完成"))
        let again = try CLIRunner.run(["backup", "--out", archive, "--database", db.url], environment: files)
        #expect(again.status == 1)
        #expect(again.stderr.contains("已存在"))
        #expect(again.stderr.split(separator: "\n").count == 1)

        let restoredPath = folder + "/restored.sqlite"
        let restored = try CLIRunner.run(
            ["restore", archive, "--database", "sqlite:" + restoredPath], environment: ["DISCLOSURE_FILES": folder + "/restored-files"])
        #expect(restored.status == 0)
        #expect(restored.stdout.contains("恢复完成"))
        #expect(restored.stdout.contains("哈希链与备份记录头一致"))
        let verify = try CLIRunner.run(["audit", "verify", "--database", "sqlite:" + restoredPath])
        #expect(verify.status == 0)
        let tokens = try CLIRunner.run(["token", "create", "--user", "office", "--database", "sqlite:" + restoredPath])
        #expect(tokens.status == 0)

        let onto = try CLIRunner.run(["restore", archive, "--database", "sqlite:" + restoredPath])
        #expect(onto.status == 1)
        #expect(onto.stderr.contains("已存在且不为空"))
        #expect(onto.stderr.split(separator: "\n").count == 1)
        let missing = try CLIRunner.run(["restore", folder + "/nothing.zip", "--database", "sqlite:" + folder + "/x.sqlite"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "错误：备份文件 \(folder)/nothing.zip 不存在\n")
    }
}
