import DisclosureCore
import Foundation
import Testing

@Suite("Assessment schemes and the scoring engine")
struct AssessmentScoringTests {
    static let seedStyle = ShippedSchemes.scheme("seed-style")!

    static func facts(_ json: String) throws -> AssessmentFacts { try AssessmentFacts.parse(Data(json.utf8)) }

    @Test("done-when: 2 of 6 meetings and a late half-year summary score 94 with both deductions explained")
    func doneWhen() throws {
        let score = try AssessmentScoring.score(Self.seedStyle, facts: try Self.facts(#"{"1.1": {"count": 2}, "1.2": {"met": false}}"#))
        #expect(score.total == 94)
        #expect(score.grade == "优秀")
        #expect(score.line("1.1")?.deductions == [.init(points: 4, reason: "规定不少于 6 次，实际 2 次，少 4 次，每次扣 1 分，扣 4 分")])
        #expect(score.line("1.2")?.deductions == [.init(points: 2, reason: "未达到要求，扣 2 分")])
        #expect(score.line("1")?.score == 24)
        #expect(score.line("2")?.score == 50)
        #expect(score.line("3")?.score == 20)
        #expect(score.line("1.6")?.unscored == true)
        #expect(score.line("1.1")?.unscored == false)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(score), as: UTF8.self)
        #expect(json.contains(#""grade":"优秀""#))
        #expect(json.contains(#""total":94,"#))
        #expect(
            json.contains(
                #"{"deductions":[{"points":4,"reason":"规定不少于 6 次，实际 2 次，少 4 次，每次扣 1 分，扣 4 分"}],"fact":{"count":2},"id":"1.1","level":2,"name":"领导小组及其办公室会议","points":6,"score":2,"unscored":false}"#
            ))
        #expect(try JSONDecoder().decode(AssessmentScore.self, from: Data(json.utf8)) == score)
    }

    @Test(
        "each rule type, worked examples",
        arguments: [
            // (facts, leaf, score, total)
            (#"{"3.1": {"count": 2}}"#, "3.1", Decimal(0), Decimal(98)),  // seeds/000: 纪委检查 4 次只检查 2 次扣 2 分
            (#"{"3.1": {"count": 0}}"#, "3.1", Decimal(0), Decimal(98)),  // 4 missing but the leaf has only 2 points
            (#"{"2.3": {"incidents": 1}}"#, "2.3", Decimal(2), Decimal(94)),  // 超期答复每件扣 6 分
            (#"{"2.3": {"incidents": 3}}"#, "2.3", Decimal(0), Decimal(92)),  // never below 0
            (#"{"2.1": {"rate": 0.96}}"#, "2.1", Decimal(12), Decimal(100)),
            (#"{"2.1": {"rate": 0.93}}"#, "2.1", Decimal(string: "9.6")!, Decimal(string: "97.6")!),  // ≥90% 档 × 0.8
            (#"{"2.1": {"rate": 0.5}}"#, "2.1", Decimal(0), Decimal(88)),  // below the lowest step
            (#"{"1.6": {"score": 6.5}}"#, "1.6", Decimal(string: "6.5")!, Decimal(string: "98.5")!),
            (#"{"4.1": {"bonus": 3}, "4.2": {"bonus": 2}}"#, "4.1", Decimal(3), Decimal(105)),
        ])
    func rules(facts: String, leaf: String, score: Decimal, total: Decimal) throws {
        let result = try AssessmentScoring.score(Self.seedStyle, facts: try Self.facts(facts))
        #expect(result.line(leaf)?.score == score)
        #expect(result.total == total)
    }

    @Test("proportional rate, the bonus cap, a veto and a level-1 floor")
    func capsAndVeto() throws {
        let scheme = try AssessmentScheme(
            name: "测试", bonusCap: 2,
            indicators: [
                Indicator(
                    id: "A", name: "甲", points: 60,
                    children: [
                        Indicator(id: "A.1", name: "及时率", points: 50, rule: ScoringRule(.rate(steps: []))),
                        Indicator(id: "A.2", name: "差错", points: 10, rule: ScoringRule(.incident(deduct: 4))),
                    ]),
                Indicator(id: "B", name: "乙", points: 40, rule: ScoringRule(.boolean(deduct: 50))),
                Indicator(id: "C", name: "亮点", points: 0, rule: ScoringRule(.bonus(cap: 3))),
                Indicator(id: "D", name: "否决", points: 0, rule: ScoringRule(.veto)),
            ]
        ).validated()
        let result = try AssessmentScoring.score(
            scheme, facts: AssessmentFacts(["A.1": .rate(Decimal(string: "0.333")!), "A.2": .incidents(5), "B": .met(false), "C": .bonus(3)]))
        #expect(result.line("A.1")?.score == Decimal(string: "16.65")!)
        #expect(result.line("A.2")?.score == 0)
        #expect(result.line("A.2")?.deductions.first?.reason == "发生 5 起，每起扣 4 分，扣 10 分（本项 10 分扣完为止）")
        #expect(result.line("B")?.score == 0)
        #expect(result.line("B")?.lost == 40)
        #expect(result.bonus == 2)
        #expect(result.total == Decimal(string: "18.65"))
        let vetoed = try AssessmentScoring.score(scheme, facts: AssessmentFacts(["D": .veto(true)]))
        #expect(vetoed.total == 100)
        #expect(vetoed.grade == "不合格")
        #expect(vetoed.vetoes == ["否决：触发一票否决"])
    }

    @Test("a boundary such as 89.5 is graded as the scheme says")
    func boundaries() throws {
        var scheme = Self.seedStyle
        #expect(AssessmentScoring.grade(Decimal(string: "89.5")!, scheme: scheme) == "良好")
        scheme.gradeBy = .rounded
        #expect(AssessmentScoring.grade(Decimal(string: "89.5")!, scheme: scheme) == "优秀")
        #expect(AssessmentScoring.grade(Decimal(string: "89.49")!, scheme: scheme) == "良好")
        #expect(AssessmentScoring.grade(59, scheme: scheme) == "不合格")
        #expect(AssessmentScoring.grade(60, scheme: scheme) == "合格")
    }

    @Test(
        "bad schemes and facts are refused with the place named",
        arguments: [
            (
                #"{"name":"x","total":100,"indicators":[{"id":"1","name":"a","points":100,"children":[{"id":"1.1","name":"b","points":60,"rule":{"type":"manual"}},{"id":"1.2","name":"c","points":30,"rule":{"type":"manual"}}]}]}"#,
                "指标 1「a」分值 100 分，下级指标合计 90 分，两者不等"
            ),
            (
                #"{"name":"x","total":100,"indicators":[{"id":"1","name":"a","points":100,"rule":{"type":"boolean","deduct":-2}}]}"#,
                "指标 1 的扣分 deduct 须大于 0（现为 -2）"
            ),
            (#"{"name":"x","total":90,"indicators":[{"id":"1","name":"a","points":90,"rule":{"type":"manual"}}]}"#, "考核实行百分制，total 须为 100（现为 90）"),
            (
                #"{"name":"x","total":100,"indicators":[{"id":"1","name":"a","points":100,"rule":{"type":"shortfall","required":6,"deduct":1,"metric":"meetings"}}]}"#,
                "指标 1 的指标数据来源「meetings」不存在"
            ),
            (
                #"{"name":"x","total":100,"indicators":[{"id":"1","name":"a","points":100,"rule":{"type":"boolean","deduct":1,"metric":"requests.late"}}]}"#,
                "指标 1 的数据来源 requests.late 给出的是「incidents」，不能用于 boolean 规则（需要「met」）"
            ),
            (#"{"name":"x","total":100,"indicators":[{"id":"1","name":"a","points":100,"rule":{"type":"sometimes"}}]}"#, "规则类型「sometimes」不存在"),
            (#"{"name":"x","indicators":[{"id":"1","name":"a","rule":{"type":"manual"}}]}"#, "指标体系文件格式不对：indicators[0].points 缺失"),
        ])
    func badSchemes(json: String, message: String) {
        #expect {
            _ = try AssessmentScheme.parse(Data(json.utf8))
        } throws: { error in
            (error as? DomainError)?.message.contains(message) == true
        }
    }

    @Test(
        "bad facts name the indicator",
        arguments: [
            (#"{"9.9": {"count": 1}}"#, "指标 9.9 不在指标体系"),
            (#"{"1.6": {"score": 9}}"#, "指标 1.6「机构健全、制度完善、专人负责」满分 8 分，不能打 9 分"),
            (#"{"1.1": {"met": true}}"#, "指标 1.1「领导小组及其办公室会议」是 shortfall 规则，应填「count」，而不是「met」"),
            (#"{"2.1": {"rate": 1.2}}"#, "指标 2.1 的比率须在 0 到 1 之间"),
            (#"{"4.1": {"bonus": -1}}"#, "指标 4.1「工作亮点」的加分须为 0 到 100 之间（加分，最多 3 分）"),
            (#"{"1": {"count": 1}}"#, "指标 1 有下级指标"),
            (#"{"1.1": {"count": 1, "met": true}}"#, "须只有一个键"),
        ])
    func badFacts(json: String, message: String) throws {
        #expect {
            _ = try AssessmentScoring.score(Self.seedStyle, facts: try Self.facts(json))
        } throws: { error in
            (error as? DomainError)?.message.contains(message) == true
        }
    }

    @Test("both shipped schemes are valid and survive export and import unchanged")
    func shipped() throws {
        for (key, _) in ShippedSchemes.all {
            let scheme = try #require(ShippedSchemes.scheme(key))
            let again = try AssessmentScheme.parse(try JSONEncoder().encode(scheme))
            #expect(again == scheme)
            #expect(scheme.indicators.reduce(Decimal(0)) { $0 + $1.points } == 100)
        }
        let county = try #require(ShippedSchemes.scheme("county-sample"))
        #expect(county.gradeBy == .rounded)
        #expect(county.topGradeShare == Decimal(string: "0.3"))
        let late = try AssessmentScoring.score(
            county, facts: AssessmentFacts(["3.1": .incidents(1), "4.2": .met(false), "2.1": .rate(Decimal(string: "0.96")!)]))
        #expect(late.total == Decimal(string: "87.5")!)
        #expect(late.grade == "良好")
    }

    /// Issue 18: a bonus leaf inside an ordinary level-1 indicator once counted twice (in the
    /// parent's sum and in the bonus), and a figure above the cap was refused.
    @Test("a bonus counts once wherever it sits, and a figure above its cap is capped with the excess shown")
    func bonusOnceAndCapped() throws {
        let scheme = try AssessmentScheme(
            name: "嵌套加分", total: 100, bonusCap: 5, grades: [.init(name: "优秀", min: 90), .init(name: "不合格", min: 0)],
            indicators: [
                Indicator(
                    id: "A", name: "公开情况", points: 100,
                    children: [
                        Indicator(id: "A.1", name: "按时公开", points: 100, rule: ScoringRule(.manual)),
                        Indicator(id: "A.2", name: "亮点", points: 0, rule: ScoringRule(.bonus(cap: 3))),
                    ])
            ]
        ).validated()
        let score = try AssessmentScoring.score(scheme, facts: AssessmentFacts(["A.1": .score(80), "A.2": .bonus(4)]))
        #expect(score.base == 80)
        #expect(score.bonus == 3)
        #expect(score.total == 83)
        let line = try #require(score.lines.first { $0.id == "A.2" })
        #expect(line.score == 3)
        #expect(line.deductions.map(\.reason) == ["申报加 4 分，本项最多加 3 分，超出上限的 1 分不计"])
        #expect(score.lines.first { $0.id == "A" }?.score == 80)
    }

    @Test("a vetoed unit ranks below every unit that was not vetoed, whatever its points")
    func vetoRanksLast() throws {
        let scheme = try #require(ShippedSchemes.scheme("county-sample"))
        let clean = try AssessmentScoring.score(scheme, facts: AssessmentFacts(["3.1": .incidents(1)]))
        let vetoed = try AssessmentScoring.score(scheme, facts: AssessmentFacts(["7.1": .veto(true)]))
        #expect(vetoed.total > clean.total)
        let ranking = AssessmentRanking.rank([("A", vetoed), ("B", clean)], scheme: scheme, failedLastYear: [])
        #expect(ranking.map(\.unitCode) == ["B", "A"])
        #expect(ranking.map(\.rank) == [1, 2])
    }

    @Test("the county-sample scheme's notes and rules agree: 转载 costs 6 a document, 引用 2")
    func countySampleRepost() throws {
        let scheme = try #require(ShippedSchemes.scheme("county-sample"))
        let score = try AssessmentScoring.score(scheme, facts: AssessmentFacts(["5.2": .incidents(1), "5.3": .incidents(1)]))
        #expect(score.lines.first { $0.id == "5.2" }?.score == 0)
        #expect(score.lines.first { $0.id == "5.3" }?.score == 0)
        #expect(score.lines.first { $0.id == "5" }?.score == 6)
    }
}

/// Issue 18: a manual or rate leaf can be marked 不适用, which scores it openly rather than as 未评分.
@Suite("Assessment: 不适用")
struct NotApplicableTests {
    @Test("a manual leaf marked 不适用 is scored and no longer 未评分; a deduction leaf cannot be")
    func notApplicable() throws {
        let scheme = AssessmentScoringTests.seedStyle
        let facts = try AssessmentFacts.parse(Data(#"{"1.6": {"na": true}}"#.utf8))
        #expect(facts["1.6"] == .notApplicable)
        let score = try AssessmentScoring.score(scheme, facts: facts)
        #expect(score.line("1.6")?.unscored == false)
        #expect(score.line("1.6")?.score == score.line("1.6")?.points)
        #expect {
            _ = try AssessmentScoring.score(scheme, facts: AssessmentFacts(["1.1": .notApplicable]))
        } throws: { error in
            (error as? DomainError)?.message.contains("只有人工评分和比率指标可以标记不适用") == true
        }
        #expect(String(decoding: AssessmentFacts(["1.6": .notApplicable]).json(), as: UTF8.self) == #"{"1.6":{"na":true}}"#)
    }
}

/// Issue 18 §10: a bonus reported as items (name, points, evidence) is summed and capped; a
/// negative item is refused naming the item; unscored leaves are listed so the workflow can block.
@Suite("Assessment: bonus items and 未评分")
struct BonusItemsTests {
    @Test("items are summed, capped by the leaf's cap, and the excess is shown as not counted")
    func itemsCapped() throws {
        let scheme = AssessmentScoringTests.seedStyle
        let facts = try AssessmentFacts.parse(
            Data(#"{"4.1": {"bonus": [{"name": "省级示范点", "points": 2, "evidence": "省办函〔2026〕3号"}, {"name": "经验交流", "points": 1.5}]}}"#.utf8))
        #expect(facts["4.1"] == .bonusItems([BonusItem(name: "省级示范点", points: 2, evidence: "省办函〔2026〕3号"), BonusItem(name: "经验交流", points: 1.5)]))
        let score = try AssessmentScoring.score(scheme, facts: facts)
        let line = try #require(score.line("4.1"))
        #expect(line.score == 3)
        #expect(line.deductions.map(\.reason) == ["申报 2 项共加 3.5 分，本项最多加 3 分，超出上限的 0.5 分不计"])
        #expect(facts["4.1"]?.text == "加 3.5 分（省级示范点 2 分；经验交流 1.5 分）")
        let roundTrip = try AssessmentFacts.parse(facts.json())
        #expect(roundTrip == facts)
    }

    @Test(
        "a negative or unnamed item is refused naming the item",
        arguments: [
            (#"{"4.1": {"bonus": [{"name": "示范点", "points": -1}]}}"#, "facts.4.1[0].points", "加分项「示范点」的分值须为 0 到 100 之间（现为 -1）"),
            (#"{"4.1": {"bonus": [{"name": "a", "points": 1}, {"name": " ", "points": 1}]}}"#, "facts.4.1[1].name", "第 2 个加分项须有名称（不超过 200 字）"),
            (#"{"4.1": {"bonus": []}}"#, "facts.4.1", "加分项须为 1 到 50 项"),
            (#"{"1.6": {"bonus": [{"name": "a", "points": 1}]}}"#, "facts.1.6", "指标 1.6「机构健全、制度完善、专人负责」是 manual 规则，应填「score」，而不是「bonus」"),
        ])
    func refused(json: String, field: String, message: String) throws {
        let facts = try AssessmentFacts.parse(Data(json.utf8))
        #expect {
            _ = try facts.validated(against: AssessmentScoringTests.seedStyle)
        } throws: { error in
            (error as? DomainError)?.field == field && (error as? DomainError)?.message == message
        }
    }

    @Test("unscored leaves are listed by id and name")
    func unscoredListed() throws {
        let score = try AssessmentScoring.score(AssessmentScoringTests.seedStyle, facts: AssessmentFacts())
        #expect(!score.unscoredLeaves.isEmpty)
        #expect(score.unscoredLeaves.allSatisfy { $0.isLeaf })
        #expect(score.unscoredText.hasPrefix("\(score.unscoredLeaves[0].id)「\(score.unscoredLeaves[0].name)」"))
    }
}
