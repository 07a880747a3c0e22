import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import SQLKit
import Testing

@Suite("Audit log")
struct AuditLogTests {
    /// Writes `count` audited unit creations.
    static func fill(_ database: Database, count: Int) async throws {
        let admin = UnitService(database: database, clock: FixedClock())
        try await admin.create(UnitAdministrationTests.county, by: .commandLine)
        for index in 1..<count {
            try await admin.create(OrgUnit(code: "U\(index)", name: "单位\(index)", kind: .countyDepartment, parentCode: "XZF"), by: .commandLine)
        }
    }

    @Test("entries chain from the genesis hash and verify", arguments: TestDatabase.kinds)
    func chain(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            try await Self.fill(database, count: 5)
            let records = try await AuditLog.recent(on: database.sql, limit: 10).reversed()
            #expect(records.map(\.id) == [1, 2, 3, 4, 5])
            #expect(records.first?.previousHash == AuditRecord.genesisHash)
            #expect(records.first?.hash == AuditLog.sha256Hex(records.first!.canonicalText))
            let result = try await AuditLog.verify(on: database.sql)
            #expect(result.checked == 5)
            #expect(result.firstBreak == nil)
        }
    }

    @Test("altering a row is detected and the row is named", arguments: TestDatabase.kinds)
    func altered(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            try await Self.fill(database, count: 5)
            try await database.unaudited.update("audit_log").set("actor", to: "someone-else").where("id", .equal, 3).run()
            #expect(try await AuditLog.verify(on: database.sql).firstBreak?.recordID == 3)
        }
    }

    @Test("deleting a row is detected", arguments: TestDatabase.kinds)
    func deleted(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            try await Self.fill(database, count: 5)
            try await database.unaudited.delete(from: "audit_log").where("id", .equal, 2).run()
            let broken = try await AuditLog.verify(on: database.sql).firstBreak
            #expect(broken?.recordID == 3)
        }
    }

    @Test("deleting the newest entries is detected by the head kept outside the chain", arguments: TestDatabase.kinds)
    func truncatedTail(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            try await Self.fill(database, count: 5)
            #expect(
                try await AuditLog.head(on: database.sql)
                    == AuditHead(entries: 5, hash: try await AuditLog.recent(on: database.sql, limit: 1)[0].hash))
            try await database.unaudited.delete(from: "audit_log").where("id", .greaterThan, 3).run()
            let broken = try await AuditLog.verify(on: database.sql).firstBreak
            #expect(broken?.recordID == 4)
            #expect(broken?.reason.contains("最新的 2 条记录缺失") == true)
        }
    }

    @Test("the chain verifies across pages", arguments: TestDatabase.kinds)
    func paging(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            // 1,005 entries cross the 1,000-row page boundary of `verify`.
            for index in 0..<1005 {
                try await AuditLog.append(
                    AuditEvent("test.event", target: "t:\(index)"), by: .system, at: FixedClock.t0, on: database.unaudited, dialect: database.dialect)
            }
            let result = try await AuditLog.verify(on: database.sql)
            #expect(result.checked == 1005)
            #expect(result.firstBreak == nil)
            try await database.unaudited.update("audit_log").set("summary", to: "{\"x\":\"1\"}").where("id", .equal, 1003).run()
            #expect(try await AuditLog.verify(on: database.sql).firstBreak?.recordID == 1003)
        }
    }

    @Test("concurrent changes still form one unbroken chain", arguments: TestDatabase.kinds)
    func concurrent(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<20 {
                    group.addTask {
                        try await database.change(by: .system, at: FixedClock.t0) { _ in ((), AuditEvent("test.parallel", target: "t:\(index)")) }
                    }
                }
                try await group.waitForAll()
            }
            let result = try await AuditLog.verify(on: database.sql)
            #expect(result.checked == 20)
            #expect(result.firstBreak == nil)
        }
    }
}
