import DisclosureCore
import Testing

@Suite("Publication rules: timeliness (条例 第二十六条), lifecycle, validity, drafts")
struct PublicationRulesTests {
    let calendar = WorkingDayCalendar.china()
    static func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    /// Dated worked examples. 2025-09-25 + 20 wd = 2025-10-29 (国庆/中秋 10-01…10-08 skipped, 调休
    /// 09-28 and 10-11 counted; statutes §1.4). 2026-02-10 + 20 wd = 2026-03-16 across 春节; + 7 wd =
    /// 2026-02-26, and 2026-02-28 is a 调休 Saturday, so on Monday 03-02 it is 3 working days over.
    /// On Monday 2025-10-20 eight working days remain to Wednesday 10-29, today included.
    @Test(
        "due dates and statuses",
        arguments: [
            ("2025-09-25", 20, "2025-10-20", nil as String?, "pending 8"),
            ("2025-09-25", 20, "2025-10-29", nil, "pending 1"),
            ("2025-09-25", 20, "2025-10-30", nil, "overdue 1"),
            ("2025-09-25", 20, "2025-11-05", "2025-10-29", "onTime"),
            ("2025-09-25", 20, "2025-11-05", "2025-11-03", "late 3"),
            ("2026-02-10", 20, "2026-03-20", "2026-03-16", "onTime"),
            ("2026-02-10", 20, "2026-03-20", "2026-03-17", "late 1"),
            ("2026-02-10", 7, "2026-03-20", "2026-02-26", "onTime"),
            ("2026-02-10", 7, "2026-03-02", nil, "overdue 3"),
        ])
    func timeliness(generated: String, days: Int, today: String, published: String?, expected: String) throws {
        let rule = try PublicationRule(anchor: .formedOrChanged, workingDays: days)
        let result = PublicationTimeliness.evaluate(
            anchor: Self.day(generated), rule: rule, publishedOn: published.map(Self.day), today: Self.day(today), calendar: calendar)
        let text: String
        switch result.status {
        case .onTime: text = "onTime"
        case .late(let n): text = "late \(n)"
        case .pending(let n): text = "pending \(n)"
        case .overdue(let n): text = "overdue \(n)"
        }
        #expect(text == expected)
        #expect(result.due.explanation.contains("个工作日"))
    }

    @Test("the 20-day default and its catalog wording")
    func defaultRule() {
        #expect(PublicationRule.statutoryDefault.workingDays == 20)
        #expect(PublicationRule.statutoryDefault.text == "信息形成（变更）之日起20个工作日内")
        #expect(throws: DomainError.self) { try PublicationRule(anchor: .decision, workingDays: 0) }
    }

    @Test(
        "lifecycle: which action fits which state and role",
        arguments: [
            (DocumentAction.submit, DocumentState.draft, Role.editor, true), (.submit, .published, .editor, false),
            (.approve, .pendingReview, .reviewer, true), (.approve, .pendingReview, .editor, false), (.approve, .draft, .reviewer, false),
            (.publish, .approved, .reviewer, true), (.publish, .draft, .reviewer, false), (.withdraw, .published, .reviewer, true),
            (.withdraw, .draft, .reviewer, false), (.correct, .published, .reviewer, true), (.edit, .published, .editor, false),
            (.publish, .approved, .office, false),
        ])
    func lifecycle(action: DocumentAction, state: DocumentState, role: Role, allowed: Bool) {
        let ok = (try? action.check(from: state, role: role)) != nil
        #expect(ok == allowed)
    }

    @Test("review checklist blocks secrets and privacy for 主动公开 only")
    func checklist() throws {
        let secret = ReviewChecklist(containsStateSecrets: true, containsPrivateOrCommercialData: false, wordingAccurate: true, note: "")
        #expect(throws: DomainError.self) { try secret.check(for: .proactive) }
        try secret.check(for: .withheld)
        let clean = ReviewChecklist(containsStateSecrets: false, containsPrivateOrCommercialData: false, wordingAccurate: true, note: "无问题")
        try clean.check(for: .proactive)
    }

    @Test(
        "validity is derived from dates and today",
        arguments: [
            ("2026-01-01", "2026-06-01" as String?, nil as String?, "2026-05-31", ValidityStatus.effective),
            ("2026-01-01", "2026-06-01", nil, "2026-06-01", .expired),
            ("2026-01-01", nil, "2026-03-01", "2026-03-01", .repealed),
            ("2026-12-01", nil, nil, "2026-11-21", .notYetEffective),
        ])
    func validity(from: String, expires: String?, repealed: String?, today: String, expected: ValidityStatus) {
        let validity = DocumentValidity(effectiveFrom: Self.day(from), expiresOn: expires.map(Self.day), repealedOn: repealed.map(Self.day))
        #expect(validity.status(on: Self.day(today)) == expected)
    }

    @Test("draft validation names the field")
    func draftValidation() throws {
        let today = Self.day("2026-11-21")
        let good = DocumentDraft(unitCode: "CZJ", title: " 关于<b>预算</b>的通知 ", generatedOn: today, body: "<p>第一段</p><script>x()</script><p>第二段</p>")
        let clean = try good.validated(today: today)
        #expect(clean.title == "关于<b>预算</b>的通知")
        #expect(clean.body == "第一段\n第二段")
        var bad = good
        bad.title = ""
        #expect(throws: DomainError.invalid("title", "标题不能为空")) { try bad.validated(today: today) }
        bad = good
        bad.generatedOn = Self.day("2026-11-22")
        #expect(throws: DomainError.self) { try bad.validated(today: today) }
        bad = good
        bad.attribute = .withheld
        #expect(throws: DomainError.self) { try bad.validated(today: today) }
        bad.withholdingReason = .processInformation
        _ = try bad.validated(today: today)
        bad = good
        bad.title = String(repeating: "长", count: 201)
        #expect(throws: DomainError.self) { try bad.validated(today: today) }
    }

    @Test(
        "索引号 formats",
        arguments: [
            ("{unit}/{year}-{seq:5}", "CZJ/2025-00012"), ("{unit}-{year}-{seq}", "CZJ-2025-12"), ("XZ{year}{unit}{seq:3}", "XZ2025CZJ012"),
        ])
    func indexNumber(pattern: String, expected: String) throws {
        #expect(try IndexNumberFormat(pattern).format(unit: "CZJ", year: 2025, sequence: 12) == expected)
    }

    @Test("catalog CSV round-trips and reports the bad row")
    func catalogCSV() throws {
        let entry = try CatalogEntry(
            unitCode: "CZJ", domain: "财政预决算", primaryItem: "财政预决算", secondaryItem: "部门预算", content: "部门预算报表及说明",
            basis: "《预算法》", channels: [ChannelChoice(.website, mandatory: true), ChannelChoice(.gazette, mandatory: false)],
            columnKind: .policies, statutoryItem: .budgets
        ).validated()
        let csv = CatalogCSV.export([entry])
        let parsed = try CatalogCSV.parse(csv)
        #expect(parsed == [entry])
        let broken = csv.replacingOccurrences(of: "全社会", with: "全体")
        #expect(throws: DomainError.invalid("file", "第 2 行「公开对象」：应为 全社会 或 特定群体")) { try CatalogCSV.parse(broken) }
        #expect(throws: DomainError.self) { try ChannelChoice.parseList("■微博") }
    }

    @Test("portal columns are derived from the catalog in order")
    func columns() {
        let entries = [("工作动态", ColumnKind.news, "A"), ("通知公告", .notices, "B"), ("工作动态", .news, "C")].map {
            CatalogEntry(
                unitCode: "CZJ", domain: $0.2, primaryItem: $0.0, secondaryItem: "x", content: "x", basis: "x",
                channels: [ChannelChoice(.website, mandatory: true)], columnKind: $0.1)
        }
        let columns = PortalColumn.derive(from: entries)
        #expect(columns.map(\.name) == ["工作动态", "通知公告"])
        #expect(columns[0].domains == ["A", "C"])
    }
}
