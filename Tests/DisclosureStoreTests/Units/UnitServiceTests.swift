import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Testing

@Suite("Unit administration")
struct UnitAdministrationTests {
    static let county = OrgUnit(code: "XZF", name: "示范县人民政府", kind: .countyGovernment, parentCode: nil)
    static let finance = OrgUnit(code: "CZJ", name: "示范县财政局", kind: .countyDepartment, parentCode: "XZF")
    static let treasury = OrgUnit(code: "GKK", name: "国库科", kind: .other, parentCode: "CZJ")

    @Test("units are created with an audit entry each", arguments: TestDatabase.kinds)
    func create(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let admin = UnitService(database: database, clock: FixedClock())
            for unit in [Self.county, Self.finance, Self.treasury] { try await admin.create(unit, by: .commandLine) }
            let units = UnitRepository(database.sql)
            #expect(try await units.all().map(\.code) == ["CZJ", "GKK", "XZF"])
            #expect(try await units.find("GKK") == Self.treasury)
            let audit = try await AuditLog.recent(on: database.sql, limit: 10)
            #expect(audit.map(\.action) == ["unit.create", "unit.create", "unit.create"])
            #expect(audit.first?.target == "unit:GKK")
        }
    }

    @Test("duplicates, missing parents and cycles are refused and change nothing", arguments: TestDatabase.kinds)
    func refusals(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let admin = UnitService(database: database, clock: FixedClock())
            for unit in [Self.county, Self.finance, Self.treasury] { try await admin.create(unit, by: .commandLine) }
            let before = try await AuditLog.recent(on: database.sql, limit: 100).count
            await #expect(throws: DomainError.self) { try await admin.create(Self.finance, by: .commandLine) }
            await #expect(throws: DomainError.self) {
                try await admin.create(OrgUnit(code: "JYJ", name: "教育局", kind: .countyDepartment, parentCode: "NOPE"), by: .commandLine)
            }
            var looped = Self.finance
            looped.parentCode = "GKK"
            await #expect(throws: DomainError.self) { try await admin.update(looped, by: .commandLine) }
            #expect(try await UnitRepository(database.sql).find("CZJ")?.parentCode == "XZF")
            #expect(try await AuditLog.recent(on: database.sql, limit: 100).count == before)
        }
    }

    @Test("an update is stored and audited with the previous values", arguments: TestDatabase.kinds)
    func update(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let admin = UnitService(database: database, clock: FixedClock())
            for unit in [Self.county, Self.finance] { try await admin.create(unit, by: .commandLine) }
            var renamed = Self.finance
            renamed.name = "示范县财政局（国资局）"
            renamed.active = false
            try await admin.update(renamed, by: .commandLine)
            #expect(try await UnitRepository(database.sql).find("CZJ") == renamed)
            let entry = try await AuditLog.recent(on: database.sql, limit: 1).first
            #expect(entry?.action == "unit.update")
            #expect(entry?.summary.contains("示范县财政局/county_department/XZF/true") == true)
        }
    }
}
