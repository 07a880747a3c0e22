import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Testing

@Suite("Assessment campaigns through the service: roles, deadlines, exceptions, draw, methods, approval (SQLite and PostgreSQL)")
struct AssessmentServiceTests {
    static let assessor = StaffIdentity(userID: 5, username: "assessor", role: .assessor, unitCode: "XZF")

    static func clock(_ day: String) -> FixedClock {
        FixedClock(Date(timeIntervalSince1970: Double(CivilDate(iso: day)!.dayNumber) * 86_400 + 3 * 3600))
    }

    static func message(_ error: any Error) -> String { (error as? DomainError)?.message ?? "\(error)" }

    @Test("from scheme import to a closed 整改, every refusal named and nothing changed", arguments: TestDatabase.kinds)
    func lifecycle(kind: TestDatabase) async throws {
        try await kind.with { database in
            let fixture = try await PublishingFixture(database)
            func service(_ day: String = "2026-11-20") -> AssessmentService { AssessmentService(database: database, clock: Self.clock(day)) }

            await #expect(throws: DomainError(.forbidden, field: "role", "只有政务公开办可以导入指标体系")) {
                _ = try await service().importScheme(Data(ShippedSchemes.seedStyle.utf8), by: fixture.editor)
            }
            let broken = ShippedSchemes.seedStyle.replacingOccurrences(of: #""points": 6, "note": "全年不少于 6 次""#, with: #""points": 7"#)
            await #expect(throws: DomainError.invalid("indicators.1", "指标 1「组织领导」分值 30 分，下级指标合计 31 分，两者不等")) {
                _ = try await service().importScheme(Data(broken.utf8), by: fixture.office)
            }
            #expect(try await service().schemes().isEmpty)
            let scheme = try await service().importScheme(Data(ShippedSchemes.seedStyle.utf8), by: fixture.office)
            #expect(try await service().importScheme(Data(ShippedSchemes.seedStyle.utf8), by: fixture.office).version == 2)

            let dates = AssessmentCampaign.defaultDates(year: 2026)
            let draft = AssessmentCampaign(
                id: 0, year: 2026, title: "2026年度政务公开工作考核", schemeID: scheme.id, unitKinds: [.countyDepartment], selfDue: dates.selfDue,
                spotFrom: dates.spotFrom, spotTo: dates.spotTo, resultsDue: dates.resultsDue)
            let campaign = try await service().createCampaign(draft, by: fixture.office)
            await #expect(throws: DomainError(.conflict, field: "year", "2026年度的考核已经建立")) {
                _ = try await service().createCampaign(draft, by: fixture.office)
            }
            #expect(try await service().entries(campaign.id, visibleTo: fixture.office).map(\.unit.code) == ["CZJ", "JYJ"])
            #expect(try await service().entries(campaign.id, visibleTo: fixture.editor).map(\.unit.code) == ["CZJ"])

            // 自评: metric leaves are computed, facts are checked, only the unit itself enters them.
            for (facts, expected) in [
                (AssessmentFacts(["1.1": .count(6)]), "指标 1.1 由平台根据记录自动计算，不能填写；如数据有误请补录相应记录"),
                (AssessmentFacts(["1.6": .score(9)]), "指标 1.6「机构健全、制度完善、专人负责」满分 8 分，不能打 9 分"),
                (AssessmentFacts(["7.7": .met(true)]), "指标 7.7 不在指标体系「政务公开工作量化考核指标体系（乡镇、县直单位）」中"),
            ] {
                await #expect { try await service().saveSelf(campaign.id, unit: "CZJ", facts: facts, report: "", by: fixture.editor) } throws: {
                    Self.message($0) == expected
                }
            }
            await #expect(throws: DomainError(.forbidden, field: "unit", "自评由被考核单位自己填写和提交")) {
                try await service().saveSelf(campaign.id, unit: "CZJ", facts: AssessmentFacts(), report: "", by: fixture.otherEditor)
            }
            await #expect(throws: DomainError(.forbidden, field: "unit", "自评由被考核单位自己填写和提交")) {
                try await service().saveSelf(campaign.id, unit: "CZJ", facts: AssessmentFacts(), report: "", by: fixture.office)
            }
            try await service().saveSelf(campaign.id, unit: "CZJ", facts: AssessmentFacts(["1.6": .score(7)]), report: "", by: fixture.editor)
            await #expect(throws: DomainError.invalid("report", "请先填写自查自评报告（不少于 20 字）再提交")) {
                try await service().submitSelf(campaign.id, unit: "CZJ", by: fixture.editor)
            }
            let report = String(repeating: "本局全年政务公开工作情况。", count: 3)
            try await service().saveSelf(campaign.id, unit: "CZJ", facts: AssessmentFacts(["1.6": .score(7)]), report: report, by: fixture.editor)
            // Issue 18 §10: a manual leaf left blank would count full marks; the 自评 cannot be submitted.
            await #expect {
                try await service().submitSelf(campaign.id, unit: "CZJ", by: fixture.editor)
            } throws: {
                Self.message($0).hasPrefix("以下指标尚未评分：1.8「年度工作要点任务落实」、2.2「")
            }
            let complete = AssessmentFacts(["1.6": .score(7), "1.8": .score(4), "2.2": .score(8), "2.7": .notApplicable, "3.7": .score(2)])
            try await service().saveSelf(campaign.id, unit: "CZJ", facts: complete, report: report, by: fixture.editor)
            try await service().submitSelf(campaign.id, unit: "CZJ", by: fixture.editor)
            let submitted = try await service().unitView(campaign.id, unit: "CZJ", visibleTo: fixture.office)
            #expect(submitted.entry.selfFacts["1.1"] == .count(0))
            #expect(submitted.entry.selfFacts["1.6"] == .score(7))
            #expect(submitted.selfScore.line("1.6")?.score == 7)

            // After 12月10日: refused until the office records an exception, then marked as such.
            await #expect {
                try await service("2026-12-11").saveSelf(campaign.id, unit: "JYJ", facts: AssessmentFacts(), report: "", by: fixture.otherEditor)
            } throws: {
                Self.message($0) == "自评截止日期为 2026年12月10日，已过期；须由政务公开办登记延期例外后才能提交"
            }
            await #expect(throws: DomainError.self) {
                _ = try await service("2026-12-11").addEvidence(
                    campaign.id, unit: "JYJ", indicator: "1.6", note: "文件", file: nil, store: nil, by: fixture.otherEditor)
            }
            #expect(try await service().unitView(campaign.id, unit: "JYJ", visibleTo: fixture.office).evidence.isEmpty)
            try await service("2026-12-11").grantException(
                campaign.id, unit: "JYJ", until: CivilDate(iso: "2026-12-14")!, reason: "系统故障", by: fixture.office)
            _ = try await service("2026-12-12").addEvidence(
                campaign.id, unit: "JYJ", indicator: "1.6", note: "领导小组文件", file: nil, store: nil, by: fixture.otherEditor)
            #expect(try await service().unitView(campaign.id, unit: "JYJ", visibleTo: fixture.office).evidence.map(\.underException) == [true])
            await #expect(throws: DomainError.self) {
                try await service("2026-12-15").submitSelf(campaign.id, unit: "JYJ", by: fixture.otherEditor)
            }

            // 抽评: one draw with its seed, methods checked, a score needs a method.
            await #expect(throws: DomainError.invalid("count", "抽取数量须在 1 到 2 之间")) {
                _ = try await service("2026-12-12").draw(campaign.id, count: 3, seed: 1, by: Self.assessor)
            }
            await #expect(throws: DomainError.self) { _ = try await service("2026-12-12").draw(campaign.id, count: 1, seed: 1, by: fixture.editor) }
            let drawn = try await service("2026-12-12").draw(campaign.id, count: 1, seed: 42, by: Self.assessor)
            #expect(drawn == SpotCheckDraw.draw(from: ["CZJ", "JYJ"], count: 1, seed: 42))
            await #expect(throws: DomainError(.conflict, field: "seed", "本次考核已随机抽取过（种子 42），不能重抽")) {
                _ = try await service("2026-12-12").draw(campaign.id, count: 1, seed: 43, by: Self.assessor)
            }
            let other = drawn == ["CZJ"] ? "JYJ" : "CZJ"
            let forum = SpotCheckRecord(method: .forum, heldOn: CivilDate(iso: "2026-12-15")!, participants: 5, composition: "干部 5 人", notes: "座谈")
            await #expect(throws: DomainError(.conflict, field: "unit", "\(other) 不在抽评名单中，请先抽取或指定")) {
                _ = try await service("2026-12-15").recordCheck(campaign.id, unit: other, record: forum, file: nil, store: nil, by: Self.assessor)
            }
            await #expect(throws: DomainError(.conflict, field: "checks", "请先记录至少一种抽评方式（汇报会、实地查看、座谈会、个别访谈或查阅资料）")) {
                _ = try await service("2026-12-15").scoreSpot(campaign.id, unit: drawn[0], facts: AssessmentFacts(), notes: "", by: Self.assessor)
            }
            await #expect(throws: DomainError.invalid("participants", "县直单位座谈会参加人数应为 6 至 8 人，现为 5 人")) {
                _ = try await service("2026-12-15").recordCheck(campaign.id, unit: drawn[0], record: forum, file: nil, store: nil, by: Self.assessor)
            }
            var fine = forum
            fine.participants = 7
            _ = try await service("2026-12-15").recordCheck(campaign.id, unit: drawn[0], record: fine, file: nil, store: nil, by: Self.assessor)
            let spot = try await service("2026-12-16").scoreSpot(
                campaign.id, unit: drawn[0],
                facts: AssessmentFacts([
                    "1.6": .score(5), "1.1": .count(6), "1.8": .score(4), "2.2": .score(8), "2.7": .notApplicable, "3.7": .score(2),
                ]),
                notes: "核实", by: Self.assessor)
            #expect(spot.line("1.6")?.score == 5)
            #expect(spot.line("1.1")?.score == 6)

            // Results: not before the 自评 deadline, only by the office; then the 通报 and 整改.
            await #expect(throws: DomainError(.conflict, field: "campaign", "自评截止（2026年12月10日）之前不能审定结果")) {
                _ = try await service().approve(campaign.id, by: fixture.office)
            }
            await #expect(throws: DomainError(.forbidden, field: "role", "只有政务公开办可以审定考核结果")) {
                _ = try await service("2026-12-28").approve(campaign.id, by: Self.assessor)
            }
            await #expect(throws: DomainError(.conflict, field: "campaign", "考核结果尚未审定，不能发布通报")) {
                try await service("2026-12-28").publish(campaign.id, by: fixture.office)
            }
            // A 自评 stored blank before this rule existed blocks approval until an assessor scores it.
            if drawn[0] == "CZJ" {
                var legacy = try #require(try await AssessmentRepository(database.sql).entries(campaign: campaign.id).first { $0.unitCode == "JYJ" })
                // As submitted then: the platform's metrics frozen, one manual leaf scored, the rest blank.
                let scheme = try await service().scheme(campaign.schemeID).scheme
                let metrics = try await AssessmentMetrics(database: database, clock: Self.clock("2026-12-09")).values(
                    unit: "JYJ", year: campaign.year)
                var frozen = AssessmentMetrics.facts(for: scheme, from: metrics)
                frozen["1.6"] = .score(6)
                legacy.selfFacts = frozen
                legacy.selfSubmittedOn = CivilDate(iso: "2026-12-09")
                legacy.selfSubmittedBy = "editor2"
                let stored = legacy
                try await AssessmentRepository(database.unaudited).updateEntry(stored, at: Date())
                await #expect {
                    _ = try await service("2026-12-28").approve(campaign.id, by: fixture.office)
                } throws: {
                    Self.message($0).hasPrefix("以下单位有指标尚未评分，不能审定：JYJ：1.8「年度工作要点任务落实」")
                }
                try await service("2026-12-20").choose(campaign.id, unit: "JYJ", reason: "自评有未评分指标", by: Self.assessor)
                _ = try await service("2026-12-20").recordCheck(campaign.id, unit: "JYJ", record: fine, file: nil, store: nil, by: Self.assessor)
                _ = try await service("2026-12-20").scoreSpot(
                    campaign.id, unit: "JYJ", facts: AssessmentFacts(["1.8": .score(4), "2.2": .score(8), "2.7": .notApplicable, "3.7": .score(2)]),
                    notes: "补评", by: Self.assessor)
            }
            let results = try await service("2026-12-28").approve(campaign.id, by: fixture.office)
            #expect(results.entries.count == 2)
            #expect(results.circular?.title == "关于2026年度政务公开工作考核结果的通报")
            await #expect(throws: DomainError.self) {
                try await service("2026-12-29").saveSelf(campaign.id, unit: "CZJ", facts: AssessmentFacts(), report: "", by: fixture.editor)
            }
            try await service("2026-12-28").publish(campaign.id, by: fixture.office)
            let task = try await service("2026-12-29").addTask(campaign.id, unit: "CZJ", problem: "会议次数不足", by: fixture.office)
            await #expect(throws: DomainError(.forbidden, field: "unit", "整改情况由被考核单位报送")) {
                try await service("2027-01-10").submitTask(task, report: "已整改", file: nil, store: nil, by: fixture.office)
            }
            await #expect(throws: DomainError(.conflict, field: "state", "单位尚未报送整改情况")) {
                try await service("2027-01-10").reviewTask(task, accept: true, by: fixture.office)
            }
            try await service("2027-01-10").submitTask(task, report: "已修订会议制度", file: nil, store: nil, by: fixture.editor)
            try await service("2027-01-12").reviewTask(task, accept: true, by: fixture.office)
            let closed = try await service("2027-01-12").tasks(visibleTo: fixture.editor)
            #expect(closed.map(\.state) == [.closed])
            #expect(closed[0].dueOn == CivilDate(iso: "2027-01-28"))
        }
    }
}
