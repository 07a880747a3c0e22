import DisclosureCore
import Testing

@Suite("Website inspection rules (statutes §5.2): thresholds on dated examples")
struct WebsiteInspectionTests {
    static func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    func run(_ columns: [ColumnActivity], home: String? = "2026-11-20", messages: [PublicMessage] = [], overdue: [OverdueItem] = [], today: String)
        -> [InspectionFinding]
    {
        WebsiteInspection.findings(
            columns: columns, homeUnit: "XZF", homeLastPublished: home.map(Self.day), homeSince: Self.day("2026-01-01"), messages: messages,
            overdue: overdue, today: Self.day(today))
    }

    func column(_ name: String, _ kind: ColumnKind, last: String?, unit: String = "ZFB") -> ColumnActivity {
        ColumnActivity(
            unitCode: unit, column: name, kind: kind, createdOn: Self.day("2026-01-05"), lastPublishedOn: last.map(Self.day),
            publishedCount: last == nil ? 0 : 3)
    }

    @Test(
        "动态 stale after 2 weeks, 通知公告/政策文件 after 6 months, 其他 never by age",
        arguments: [
            (ColumnKind.news, "2026-11-07", "2026-11-21", nil), (ColumnKind.news, "2026-11-07", "2026-11-22", "2026-11-22"),
            (ColumnKind.notices, "2026-05-21", "2026-11-21", nil), (ColumnKind.notices, "2026-05-21", "2026-11-22", "2026-11-22"),
            (ColumnKind.policies, "2025-01-01", "2026-11-22", "2025-07-02"), (ColumnKind.other, "2020-01-01", "2026-11-22", nil),
        ])
    func staleness(kind: ColumnKind, last: String, today: String, since: String?) {
        let found = run([column("栏目", kind, last: last)], today: today).filter { $0.rule != .staleHomePage }
        #expect(found.first?.since == since.map(Self.day))
        #expect(found.count == (since == nil ? 0 : 1))
        if kind == .news, since != nil { #expect(found.first?.rule == .staleDynamicColumn) }
    }

    @Test("blank columns are findings since they were set up; five in one unit is a veto")
    func blank() {
        let four = (1...4).map { column("空栏目\($0)", .other, last: nil) }
        let found = run(four, today: "2026-11-21")
        #expect(found.filter { $0.rule == .blankColumn }.count == 4)
        #expect(found.first?.since == Self.day("2026-01-05"))
        #expect(!found.contains { $0.rule == .blankColumnsVeto })
        let five = run(four + [column("空栏目5", .other, last: nil)], today: "2026-11-21")
        #expect(five.contains { $0.rule == .blankColumnsVeto && $0.unitCode == "ZFB" && $0.rule.isVeto })
        let otherUnit = run(four + [column("空栏目5", .other, last: nil, unit: "CZJ")], today: "2026-11-21")
        #expect(!otherUnit.contains { $0.rule == .blankColumnsVeto })
    }

    @Test("five stale columns in a unit is the 栏目不更新 veto")
    func staleVeto() {
        let columns = (1...5).map { column("动态\($0)", .news, last: "2026-10-01") }
        let found = run(columns, today: "2026-11-21")
        #expect(found.filter { $0.rule == .staleDynamicColumn }.count == 5)
        #expect(found.contains { $0.rule == .staleColumnsVeto })
    }

    @Test("home page: nothing new in 2 weeks")
    func home() {
        #expect(run([], home: "2026-11-07", today: "2026-11-21").isEmpty)
        let stale = run([], home: "2026-11-01", today: "2026-11-21")
        #expect(stale.map(\.rule) == [.staleHomePage])
        #expect(stale.first?.since == Self.day("2026-11-16"))
        #expect(run([], home: nil, today: "2026-11-21").first?.since == Self.day("2026-01-01"))
    }

    @Test("messages unanswered over 3 months and overdue cases, each with since and key")
    func messagesAndCases() {
        let message = PublicMessage(
            id: 7, submission: MessageSubmission(unitCode: "CZJ", title: "低保标准", content: "c", phone: "13900000000"),
            submittedOn: Self.day("2026-08-01"), state: .accepted, acceptedOn: Self.day("2026-08-02"))
        let overdue = [
            OverdueItem(kind: .request, id: 3, unitCode: "CZJ", title: "YSQ2026000003", due: Self.day("2026-11-20")),
            OverdueItem(kind: .complaint, id: 4, unitCode: "CZJ", title: "TS2026000004", due: Self.day("2026-11-21")),
        ]
        let found = run([], messages: [message], overdue: overdue, today: "2026-11-21")
        #expect(found.map(\.key).sorted() == ["overdueRequest:3", "unansweredMessage:message:7"])
        #expect(found.first { $0.rule == .unansweredMessage }?.since == Self.day("2026-11-02"))
        #expect(found.first { $0.rule == .overdueRequest }?.since == Self.day("2026-11-21"))
    }
}
