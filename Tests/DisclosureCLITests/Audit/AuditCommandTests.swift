import DisclosureStore
import DisclosureTestSupport
import Foundation
import SQLKit
import Testing

@Suite("disclosure audit verify")
struct AuditCommandTests {
    @Test("verify passes on an intact log and names the first altered row")
    func verify() async throws {
        let db = TestDatabase.temporarySQLiteFile()
        defer { db.cleanup() }
        #expect(try CLIRunner.run(["demo", "--database", db.url], environment: ["DISCLOSURE_DEMO_PASSWORD": "Demo2026county"]).status == 0)
        let intact = try CLIRunner.run(["audit", "verify", "--database", db.url])
        #expect(intact.status == 0)
        #expect(intact.stdout.contains("校验通过"))

        // Alter one row behind the program's back, as an intruder with database access would.
        let database = try await Database.open(.sqliteFile(path: db.path))
        try await database.unaudited.update("audit_log").set("actor", to: "intruder").where("id", .equal, 7).run()
        try await database.close()

        let broken = try CLIRunner.run(["audit", "verify", "--database", db.url])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("记录 7"))
    }
}
