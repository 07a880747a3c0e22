import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import SQLKit
import Testing

/// Serialized: advisory locks are database-wide, so two of these tests running at once on the
/// shared PostgreSQL would see each other's locks.
@Suite("Background jobs and advisory locks", .serialized)
struct ExclusiveJobTests {
    @Test("a job runs on one instance at a time", arguments: TestDatabase.kinds)
    func exclusive(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let ran = try await database.exclusiveJob(.backupJob) { () async throws in
                if database.dialect == .postgres {
                    // While this session holds the lock, a second attempt (another connection) skips.
                    let second = try await database.exclusiveJob(.backupJob) {}
                    #expect(second == false)
                }
            }
            #expect(ran)
            #expect(try await database.exclusiveJob(.backupJob) {})
        }
    }

    /// Two counties in two schemas of one PostgreSQL database run their jobs independently: the
    /// job lock carries the schema, while a second instance of the same county still skips.
    @Test("a job lock holds within its schema only", .enabled(if: TestDatabase.postgresURL != nil))
    func lockPerSchema() async throws {
        let (first, base, dropFirst) = try await TestDatabase.createSchema()
        let (second, _, dropSecond) = try await TestDatabase.createSchema()
        let county = try await Database.open(.postgres(url: base, searchPath: first))
        let other = try await Database.open(.postgres(url: base, searchPath: second))
        do {
            let ran = try await county.exclusiveJob(.backupJob) { () async throws in
                #expect(try await other.exclusiveJob(.backupJob) {})
                #expect(try await county.exclusiveJob(.backupJob) {} == false)
            }
            #expect(ran)
        } catch {
            Issue.record(error)
        }
        try await county.close()
        try await other.close()
        try await dropFirst()
        try await dropSecond()
    }

    /// Issue 17 item 0: the publication job once held the audit chain's key, and its own audited
    /// writes (on other connections) waited for it forever.
    @Test("a job's own audited writes complete while it holds its lock", arguments: TestDatabase.kinds)
    func auditedWritesInsideJob(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let admin = UnitService(database: database, clock: FixedClock())
            try await admin.create(UnitAdministrationTests.county, by: .commandLine)
            // The backup key: `serve` processes that other tests start take the publication and
            // monitor keys (in schemas of their own, so apart since the job lock carries the schema).
            let started = Date()
            let ran = try await database.exclusiveJob(.backupJob) {
                try await admin.create(OrgUnit(code: "J1", name: "单位J1", kind: .countyDepartment, parentCode: "XZF"), by: .commandLine)
                try await admin.create(OrgUnit(code: "J2", name: "单位J2", kind: .countyDepartment, parentCode: "XZF"), by: .commandLine)
                try await admin.create(OrgUnit(code: "J3", name: "单位J3", kind: .countyDepartment, parentCode: "XZF"), by: .commandLine)
            }
            #expect(ran)
            #expect(Date().timeIntervalSince(started) < 10)
            let verified = try await AuditLog.verify(on: database.sql)
            #expect(verified.firstBreak == nil)
            #expect(verified.checked == 4)
        }
    }
}
