import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Hummingbird
import Testing

@Suite("Calendar in the console")
struct StaffCalendarTests {
    @Test("the year view marks holidays and make-up days and the calculator explains a deadline", arguments: TestDatabase.kinds)
    func view(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, _ in
            try await browser.login("editor")
            let page = try await browser.get("/staff/calendar?year=2025&from=2025-09-25&days=7")
            #expect(page.status == .ok)
            #expect(page.body.contains("全年工作日"))
            #expect(page.body.contains(#"class="day makeup" title="2025-10-11"#))
            #expect(page.body.contains("到期日：<strong>2025-10-11</strong>"))
            #expect(page.body.contains("计入调休上班日"))
            let unconfirmed = try await browser.get("/staff/calendar?year=2027")
            #expect(unconfirmed.body.contains("2027年放假安排尚未公布或尚未导入"))
            let bad = try await browser.get("/staff/calendar?from=2025-02-30&days=3")
            #expect(bad.body.contains("起算日期（from）应为 YYYY-MM-DD"))
        }
    }

    @Test("the office overrides a day; editors may not", arguments: TestDatabase.kinds)
    func overrides(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, database in
            try await browser.login("office")
            let weekday = try await browser.post("/staff/calendar/overrides", form: ["date": "2026-11-23", "kind": "workday", "note": ""])
            #expect(weekday.status == .badRequest)
            #expect(weekday.body.contains("只有周六或周日可以设为调休上班日"))
            let done = try await browser.post("/staff/calendar/overrides", form: ["date": "2026-11-23", "kind": "holiday", "note": "临时放假"])
            #expect(done.status == .seeOther)
            let calendar = try await CalendarService(database: database, clock: FixedClock()).calendar()
            #expect(!calendar.isWorkingDay(CivilDate(iso: "2026-11-23")!))
            let editor = Browser(client: browser.client)
            try await editor.login("editor")
            #expect(try await editor.post("/staff/calendar/overrides/remove", form: ["date": "2026-11-23"]).status == .forbidden)
            #expect(try await browser.post("/staff/calendar/overrides/remove", form: ["date": "2026-11-23"]).status == .seeOther)
        }
    }
}
