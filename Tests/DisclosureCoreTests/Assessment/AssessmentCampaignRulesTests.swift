import DisclosureCore
import Foundation
import Testing

@Suite("Assessment ranking, the spot-check draw and methods, the circular")
struct AssessmentCampaignRulesTests {
    static func score(_ scheme: AssessmentScheme, _ facts: [String: IndicatorFact]) throws -> AssessmentScore {
        try AssessmentScoring.score(scheme, facts: AssessmentFacts(facts))
    }

    static func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    @Test("phases by date, the 自评 window with and without an exception, dates in order, 整改 1 month after the 通报")
    func campaignDates() throws {
        let dates = AssessmentCampaign.defaultDates(year: 2026)
        var campaign = AssessmentCampaign(
            id: 1, year: 2026, title: "2026年度考核", schemeID: 1, unitKinds: [.township], selfDue: dates.selfDue, spotFrom: dates.spotFrom,
            spotTo: dates.spotTo, resultsDue: dates.resultsDue)
        #expect(dates.selfDue == Self.day("2026-12-10"))
        #expect(campaign.phase(today: Self.day("2026-12-10")) == .selfAssessment)
        #expect(campaign.phase(today: Self.day("2026-12-11")) == .spotCheck)
        #expect(campaign.phase(today: Self.day("2026-12-26")) == .results)
        try campaign.checkSelfWindow(today: Self.day("2026-12-10"), exceptionUntil: nil)
        try campaign.checkSelfWindow(today: Self.day("2026-12-12"), exceptionUntil: Self.day("2026-12-12"))
        #expect(throws: DomainError.self) { try campaign.checkSelfWindow(today: Self.day("2026-12-11"), exceptionUntil: nil) }
        #expect {
            try campaign.checkSelfWindow(today: Self.day("2026-12-13"), exceptionUntil: Self.day("2026-12-12"))
        } throws: { ($0 as? DomainError)?.message.contains("登记的例外已于 2026年12月12日 到期") == true }
        campaign.approvedOn = Self.day("2027-01-31")
        #expect(campaign.rectificationDue == Self.day("2027-02-28"))
        #expect(campaign.phase(today: Self.day("2027-02-01")) == .approved)
        var bad = campaign
        bad.spotFrom = Self.day("2026-12-05")
        #expect(throws: DomainError.invalid("spotFrom", "抽评应在自评截止之后开始")) { try bad.validated() }
        bad = campaign
        bad.unitKinds = []
        #expect(throws: DomainError.invalid("unitKinds", "请至少选择一类被考核单位")) { try bad.validated() }
    }

    @Test("a unit with neither 自评 nor 抽评: metrics as measured, everything it had to report as not shown")
    func unsubmitted() throws {
        let scheme = AssessmentScoringTests.seedStyle
        let facts = CampaignEntry.unsubmittedFacts(scheme: scheme, metricFacts: AssessmentFacts(["1.1": .count(6), "1.2": .met(true)]))
        #expect(facts["1.1"] == .count(6))
        #expect(facts["1.5"] == .met(false))
        #expect(facts["1.6"] == .score(0))
        #expect(facts["3.2"] == .met(false))
        #expect(facts["4.1"] == nil)
        #expect(facts["4.3"] == nil)
        let score = try AssessmentScoring.score(scheme, facts: facts)
        // Manual 1.6 8 + 1.8 4 + 2.2 10 + 2.7 6 + 3.7 2, and 1.5 1 + 3.2 3 + 3.3 2 not met.
        #expect(score.total == 64)
        #expect(score.lines.filter(\.unscored).map(\.id) == ["2.1"])
    }

    /// −42: two late answers, two corrected appeals, three manual items at 0, three requirements not met.
    static let failing: [String: IndicatorFact] = [
        "2.3": .incidents(2), "2.4": .incidents(2), "2.2": .score(0), "1.6": .score(0), "2.7": .score(0), "3.2": .met(false), "3.3": .met(false),
        "1.5": .met(false),
    ]

    @Test("ranks share ties, the top-grade share caps 优秀, a second lowest grade in a row is flagged")
    func ranking() throws {
        var scheme = AssessmentScoringTests.seedStyle
        scheme.topGradeShare = Decimal(string: "0.5")!
        let results = [
            ("A", try Self.score(scheme, [:])),  // 100
            ("B", try Self.score(scheme, ["1.1": .count(4)])),  // 98
            ("C", try Self.score(scheme, ["1.1": .count(4)])),  // 98
            ("D", try Self.score(scheme, Self.failing)),
        ]
        let ranked = AssessmentRanking.rank(results.map { (unit: $0.0, score: $0.1) }, scheme: scheme, failedLastYear: ["D", "B"])
        #expect(ranked.map(\.unitCode) == ["A", "B", "C", "D"])
        #expect(ranked.map(\.rank) == [1, 2, 2, 4])
        // 4 units × 50 % = 2 优秀; B and C tie at 98 so neither fits beside A.
        #expect(ranked.map(\.grade) == ["优秀", "良好", "良好", "不合格"])
        #expect(ranked[1].cappedFromTopGrade)
        #expect(!ranked[0].cappedFromTopGrade)
        #expect(ranked.map(\.failedTwoYearsRunning) == [false, false, false, true])
        #expect(results[3].1.total == 58)
    }

    @Test("the draw is reproducible from its seed and picks the count asked")
    func draw() {
        let units = ["NZ", "CZJ", "JYJ", "FGJ", "GAJ", "MZJ", "XXZ", "DXZ"]
        let first = SpotCheckDraw.draw(from: units, count: 3, seed: 20_261_201)
        #expect(first.count == 3)
        #expect(Set(first).isSubset(of: Set(units)))
        #expect(SpotCheckDraw.draw(from: units.reversed(), count: 3, seed: 20_261_201) == first)
        let others = (1...20).map { SpotCheckDraw.draw(from: units, count: 3, seed: UInt64($0)) }
        #expect(Set(others).count > 5)
        #expect(SpotCheckDraw.draw(from: units, count: 20, seed: 1).count == units.count)
    }

    @Test("a 座谈会 has 10–15 people in a township and 6–8 in a county unit")
    func forum() throws {
        let day = CivilDate(iso: "2026-12-15")!
        let forum = SpotCheckRecord(method: .forum, heldOn: day, participants: 9, composition: "镇村干部 4 人、群众代表 5 人", notes: "座谈记录")
        #expect(throws: DomainError.invalid("participants", "乡镇座谈会参加人数应为 10 至 15 人，现为 9 人")) {
            try forum.validated(unitKind: .township, today: day)
        }
        #expect(throws: DomainError.invalid("participants", "县直单位座谈会参加人数应为 6 至 8 人，现为 9 人")) {
            try forum.validated(unitKind: .countyDepartment, today: day)
        }
        var fine = forum
        fine.participants = 12
        #expect(try fine.validated(unitKind: .township, today: day).participants == 12)
        let visit = SpotCheckRecord(method: .siteVisit, heldOn: day, participants: 3, notes: "查看公开栏")
        #expect(try visit.validated(unitKind: .township, today: day).participants == nil)
        #expect(throws: DomainError.self) {
            try SpotCheckRecord(method: .forum, heldOn: day, participants: 7, notes: "x").validated(unitKind: .countyDepartment, today: day)
        }
    }

    @Test("the circular lists grades, typical problems, the 整改 date and a unit failing twice")
    func circular() throws {
        let scheme = AssessmentScoringTests.seedStyle
        let results = [
            ("CZJ", try Self.score(scheme, ["1.1": .count(2), "1.2": .met(false)])),
            ("JYJ", try Self.score(scheme, ["1.1": .count(3)])),
            ("FGJ", try Self.score(scheme, Self.failing)),
        ]
        let ranked = AssessmentRanking.rank(results.map { (unit: $0.0, score: $0.1) }, scheme: scheme, failedLastYear: ["FGJ"])
        let circular = AssessmentCircular.make(
            year: 2026, issuer: "示范县政务公开办", entries: ranked, scheme: scheme, names: ["CZJ": "县财政局", "JYJ": "县教育局", "FGJ": "县发改局"],
            noticeOn: CivilDate(iso: "2026-12-28")!, rectificationDue: CivilDate(iso: "2027-01-28")!, spotChecked: 2)
        #expect(circular.title == "关于2026年度政务公开工作考核结果的通报")
        let text = circular.paragraphs.joined(separator: "\n")
        #expect(text.contains("一、优秀等次（2 个）：县教育局（97 分）、县财政局（94 分）。"))
        #expect(text.contains("二、不合格等次（1 个）：县发改局（58 分）。"))
        #expect(text.contains("领导小组及其办公室会议（2 个单位：县教育局、县财政局）"))
        #expect(text.contains("1 个月内（2027年1月28日前）完成整改"))
        #expect(text.contains("县发改局连续两年考核为“不合格”等次"))
    }
}
