import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Testing

@Suite("Calendar administration")
struct CalendarAdministrationTests {
    static let year2027 = #"{"2027": {"holidays": ["2027-01-01", "2027-01-02", "2027-01-03"], "workdays": ["2027-01-09"]}}"#

    @Test("an imported year is stored, confirmed and used", arguments: TestDatabase.kinds)
    func importYear(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let admin = CalendarService(database: database, clock: FixedClock())
            #expect(try await !admin.calendar().isConfirmed(2027))
            #expect(try await admin.importFile(Data(Self.year2027.utf8), by: .commandLine) == [2027])
            let calendar = try await admin.calendar()
            #expect(calendar.isConfirmed(2027))
            #expect(!calendar.isWorkingDay(CivilDate(iso: "2027-01-01")!))
            #expect(calendar.isWorkingDay(CivilDate(iso: "2027-01-09")!))
            // Importing again replaces, not adds.
            _ = try await admin.importFile(Data(#"{"2027": {"holidays": [], "workdays": []}}"#.utf8), by: .commandLine)
            #expect(try await admin.calendar().isWorkingDay(CivilDate(iso: "2027-01-01")!))
            #expect(try await AuditLog.recent(on: database.sql, limit: 5).map(\.action) == ["calendar.import", "calendar.import"])
        }
    }

    @Test("a bad file changes nothing", arguments: TestDatabase.kinds)
    func badImport(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let admin = CalendarService(database: database, clock: FixedClock())
            await #expect(throws: DomainError.self) {
                try await admin.importFile(Data(#"{"2027": {"holidays": [], "workdays": ["2027-01-04"]}}"#.utf8), by: .commandLine)
            }
            let years = try await CalendarRepository(database.sql).importedYears()
            let audit = try await AuditLog.recent(on: database.sql, limit: 5)
            #expect(years.isEmpty)
            #expect(audit.isEmpty)
        }
    }

    @Test("an override re-times deadlines and can be removed", arguments: TestDatabase.kinds)
    func override(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let admin = CalendarService(database: database, clock: FixedClock())
            let friday = CivilDate(iso: "2026-11-20")!
            #expect(try await admin.calendar().adding(workingDays: 1, to: friday).date == CivilDate(iso: "2026-11-23"))
            try await admin.setOverride(try CalendarOverride(date: CivilDate(iso: "2026-11-23")!, kind: .holiday, note: "防汛临时放假"), by: .commandLine)
            #expect(try await admin.calendar().adding(workingDays: 1, to: friday).date == CivilDate(iso: "2026-11-24"))
            try await admin.removeOverride(CivilDate(iso: "2026-11-23")!, by: .commandLine)
            #expect(try await admin.calendar().adding(workingDays: 1, to: friday).date == CivilDate(iso: "2026-11-23"))
            await #expect(throws: DomainError.self) { try await admin.removeOverride(CivilDate(iso: "2026-11-23")!, by: .commandLine) }
        }
    }

    @Test("the demo county loads once, deterministically", arguments: TestDatabase.kinds)
    func demo(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let credentials = try await DemoCounty.load(
                into: database, clock: FixedClock(), hasher: PasswordHasher(cost: 4), fixedPassword: "Demo2026password")
            #expect(credentials.map(\.role) == [.office, .editor, .reviewer, .assessor, .auditor])
            let credentialsOffice = StaffIdentity(userID: 0, username: "office", role: .office, unitCode: "ZFB")
            let units = try await UnitRepository(database.sql).all()
            #expect(units.filter { $0.kind == .countyDepartment }.count >= 15)
            #expect(units.filter { $0.kind == .township }.count == 10)
            // The demo's supervision data: a stale 财政动态 column, an escalated complaint, a message over 3 months.
            let findings = try await FindingRepository(database.sql).open(units: ["CZJ"])
            #expect(findings.contains { $0.rule == .staleDynamicColumn && $0.subject == "栏目「财政动态」" })
            #expect(findings.contains { $0.rule == .overdueComplaint })
            #expect(findings.contains { $0.rule == .unansweredMessage })
            let tally = try await WorkRecordService(database: database, clock: FixedClock()).tally(
                unit: "CZJ", year: 2026, visibleTo: credentialsOffice)
            #expect(tally.count(of: .leadershipMeeting) == 2)
            await #expect(throws: DomainError.self) {
                try await DemoCounty.load(into: database, clock: FixedClock(), hasher: PasswordHasher(cost: 4))
            }
        }
    }
}
