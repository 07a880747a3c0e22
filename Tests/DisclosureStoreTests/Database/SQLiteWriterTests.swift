import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import SQLKit
import Testing

@Suite("One SQLite writer")
struct SQLiteWriterTests {
    /// A migrated SQLite file with the given write budget, closed and removed even when `body` throws.
    static func withFile(budget: Duration = .seconds(60), _ body: (Database) async throws -> Void) async throws {
        let file = TestDatabase.temporarySQLiteFile()
        defer { file.cleanup() }
        let nanos = budget.components.seconds * 1_000_000_000 + budget.components.attoseconds / 1_000_000_000
        let database = try await Database.open(.sqliteFile(path: file.path), writeBudget: .nanoseconds(nanos))
        do {
            try await Migrator(database: database).migrate()
            try await body(database)
            try await database.close()
        } catch {
            try? await database.close()
            throw error
        }
    }

    @Test("64 concurrent audited writers all commit, in one unbroken chain")
    func manyWriters() async throws {
        try await Self.withFile { database in try await Self.write(database) }
    }

    static func write(_ database: Database) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<64 {
                group.addTask {
                    for round in 0..<2 {
                        try await database.change(by: .system, at: FixedClock.t0) { _ in ((), AuditEvent("test.write", target: "t:\(index):\(round)"))
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let verified = try await AuditLog.verify(on: database.sql)
        #expect(verified.checked == 128)
        #expect(verified.firstBreak == nil)
    }

    @Test("a write that cannot start within its budget is refused as busy and changes nothing")
    func busy() async throws {
        try await Self.withFile(budget: .milliseconds(200)) { database in try await Self.refuseWhileHeld(database) }
    }

    static func refuseWhileHeld(_ database: Database) async throws {
        let holder = Task {
            try await database.change(by: .system, at: FixedClock.t0) { _ in
                try await Task.sleep(for: .seconds(1))
                return ((), AuditEvent("test.hold", target: "t:hold"))
            }
        }
        try await Task.sleep(for: .milliseconds(100))
        await #expect(throws: DatabaseBusy.self) {
            try await database.change(by: .system, at: FixedClock.t0) { _ in ((), AuditEvent("test.late", target: "t:late")) }
        }
        // Reads go on while the writer is busy.
        #expect(try await AuditLog.recent(on: database.sql, limit: 5).isEmpty)
        try await holder.value
        #expect(try await AuditLog.recent(on: database.sql, limit: 5).map(\.action) == ["test.hold"])
    }

    @Test("reader connections refuse writes, so nothing can bypass the writer")
    func readersAreReadOnly() async throws {
        try await Self.withFile { (database: Database) async throws in
            await #expect(throws: (any Error).self) {
                try await database.sql.update("audit_head").set("entries", to: 99).run()
            }
            #expect(try await AuditLog.head(on: database.sql).entries == 0)
        }
    }
}
