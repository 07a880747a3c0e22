import DisclosureTestSupport
import Foundation
import Testing

@Suite("disclosure demo, user and token")
struct UserCommandTests {
    @Test("demo loads the county once; user add reads the password from stdin; unknown units are refused")
    func users() throws {
        let db = TestDatabase.temporarySQLiteFile()
        defer { db.cleanup() }
        let demo = try CLIRunner.run(["demo", "--database", db.url], environment: ["DISCLOSURE_DEMO_PASSWORD": "Demo2026county"])
        #expect(demo.status == 0)
        for role in ["office", "editor", "reviewer", "assessor", "auditor"] { #expect(demo.stdout.contains("用户名 \(role)")) }
        let again = try CLIRunner.run(["demo", "--database", db.url])
        #expect(again.status == 1)
        #expect(again.stderr.contains("只能载入空数据库"))

        let added = try CLIRunner.run(
            ["user", "add", "--username", "lisi", "--role", "editor", "--unit", "JYJ", "--database", db.url], stdin: "Jiaoyu2026county\n")
        #expect(added.status == 0)
        #expect(added.stdout.contains("已创建账号 lisi"))
        let nowhere = try CLIRunner.run(
            ["user", "add", "--username", "zhou", "--role", "editor", "--unit", "NOPE", "--database", db.url], stdin: "Gongzuo2026county\n")
        #expect(nowhere.status == 1)
        #expect(nowhere.stderr == "错误：单位 NOPE 不存在\n")
        let badRole = try CLIRunner.run(["user", "add", "--username", "zhou", "--role", "boss", "--database", db.url], stdin: "Gongzuo2026county\n")
        #expect(badRole.status == 1)
        #expect(badRole.stderr.contains("角色无效"))
        let weak = try CLIRunner.run(
            ["user", "add", "--username", "zhou", "--role", "editor", "--unit", "JYJ", "--database", db.url], stdin: "short\n")
        #expect(weak.status == 1)
        #expect(weak.stderr.contains("密码至少需要"))

        let disabled = try CLIRunner.run(["user", "disable", "--username", "lisi", "--database", db.url])
        #expect(disabled.status == 0)
        let token = try CLIRunner.run(["token", "create", "--user", "office", "--database", db.url])
        #expect(token.status == 0)
        #expect(token.stdout.hasPrefix("dsc_"))
        let list = try CLIRunner.run(["token", "list", "--database", db.url])
        #expect(list.stdout.contains("office"))
        #expect(!list.stdout.contains(token.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    @Test("an unreachable PostgreSQL is one line and exit 1, not a crash")
    func unreachableDatabase() throws {
        let result = try CLIRunner.run(["migrate", "--database", "postgres://disclosure:secret@127.0.0.1:1/x?tlsmode=disable"], timeout: 60)
        #expect(result.status == 1)
        #expect(result.stderr.contains("错误：无法连接数据库 postgres://disclosure:***@127.0.0.1:1/x"))
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test("a bad database URL is one line and exit 1")
    func badDatabase() throws {
        let result = try CLIRunner.run(["migrate", "--database", "oracle://db"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("错误：数据库地址"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test("--help lists every command")
    func help() throws {
        let result = try CLIRunner.run(["--help"])
        for command in ["serve", "migrate", "demo", "user", "token", "workdays", "calendar", "audit"] {
            #expect(result.stdout.contains(command))
        }
    }
}
