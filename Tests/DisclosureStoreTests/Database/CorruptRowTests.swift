import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import SQLKit
import Testing

/// Issue 19: a stored value that does not read as its type fails loudly, naming the table, the
/// column and the row, instead of turning into a plausible default (an unknown channel used to
/// read as 网上申请, an unreadable holiday simply vanished from the calendar).
@Suite("Corrupt rows are named, never defaulted (SQLite and PostgreSQL)")
struct CorruptRowTests {
    @Test("an unknown unit kind, request channel or calendar day is a CorruptRow naming table, column and row", arguments: TestDatabase.kinds)
    func named(kind: TestDatabase) async throws {
        try await kind.with { database in
            let fixture = try await PublishingFixture(database)
            let requests = RequestService(database: database, clock: fixture.clock)
            let request = try await requests.intake(RequestServiceTests.application(), receivedOn: PublishingFixture.today, by: fixture.editor)
            let raw = database.unaudited

            try await raw.update("units").set("kind", to: "planet").where("code", .equal, "JYJ").run()
            await #expect(throws: CorruptRow(table: "units", column: "kind", id: "JYJ", reason: "存有无法识别的值「planet」")) {
                _ = try await UnitQueries(database: database).units()
            }
            try await raw.update("units").set("kind", to: UnitKind.countyDepartment.rawValue).where("code", .equal, "JYJ").run()

            try await raw.update("requests").set("channel", to: "pigeon").where("id", .equal, request.id).run()
            do {
                _ = try await requests.request(request.id, visibleTo: fixture.editor)
                Issue.record("a corrupt channel was read")
            } catch let corrupt as CorruptRow {
                #expect(corrupt.table == "requests")
                #expect(corrupt.column == "channel")
                #expect(corrupt.id == "\(request.id)")
                #expect(corrupt.description == "数据表 requests 中编号 \(request.id) 的 channel 列无法读取（存有无法识别的值「pigeon」），请联系管理员修复该行")
            }

            try await raw.insert(into: "calendar_overrides").columns("day", "kind", "note", "updated_by", "updated_at")
                .values(SQLBind("2026-13-01"), SQLBind("holiday"), SQLBind(""), SQLBind("office"), SQLBind("2026-11-20T02:00:00.000Z")).run()
            do {
                _ = try await CalendarQueries(database: database).overrides()
                Issue.record("a corrupt calendar day was read")
            } catch let corrupt as CorruptRow {
                #expect(corrupt.table == "calendar_overrides")
                #expect(corrupt.column == "day")
            }
        }
    }
}
