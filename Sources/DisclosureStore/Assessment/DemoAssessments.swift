import DisclosureCore
import Foundation

/// The demo county's assessments: last year's campaign run end to end on that year's dates
/// (自评 by 12月10日, a random draw with its seed plus one chosen unit, the five methods, approval,
/// the 通报, and a 整改 reported and closed in January), and this year's campaign open for 自评.
enum DemoAssessments {
    /// Draws 教育局 and 发改局 from the four units (SpotCheckDraw, recorded on the campaign).
    static let drawSeed: UInt64 = 20_251_211

    static func load(into database: Database, clock: any WallClock) async throws {
        let accounts = try await StaffAccountRepository(database.sql).all()
        guard let editor = accounts.first(where: { $0.username == "editor" })?.identity,
            let office = accounts.first(where: { $0.username == "office" })?.identity,
            let assessor = accounts.first(where: { $0.username == "assessor" })?.identity
        else { return }
        let today = CivilDate(instant: clock.now())
        let year = today.year - 1
        func day(_ month: Int, _ day: Int, _ inYear: Int? = nil) -> CivilDate { CivilDate(year: inYear ?? year, month: month, day: day)! }
        func at(_ date: CivilDate) -> any WallClock { ShiftedClock(base: clock, days: date.dayNumber - today.dayNumber) }
        func service(_ date: CivilDate) -> AssessmentService { AssessmentService(database: database, clock: at(date)) }

        // Last year's work records of the finance bureau: 2 of 6 meetings, a late half-year summary.
        func record(_ kind: WorkRecordKind, _ date: CivilDate, _ title: String, due: CivilDate? = nil) -> WorkRecord {
            WorkRecord(
                unitCode: "CZJ", kind: kind, date: date, title: title, chair: kind == .leadershipMeeting ? "局长 张某" : "",
                attendees: kind.isMeeting ? "局领导班子成员、各股室负责人" : "", attendeeCount: kind.isMeeting ? 14 : nil,
                place: kind == .openDay ? "县政务服务中心一楼大厅" : "", dueOn: due,
                openDay: kind == .openDay ? OpenDayFigures(visitors: 120, boards: 5, consultations: 30, questionsAnswered: 28, materials: 600) : nil)
        }
        for item in [
            record(.leadershipMeeting, day(3, 12), "\(year)年政务公开工作领导小组第一次会议"),
            record(.leadershipMeeting, day(9, 18), "\(year)年政务公开工作领导小组第二次会议"),
            record(.training, day(4, 22), "政务公开业务培训（一）"), record(.training, day(10, 15), "政务公开业务培训（二）"),
            record(.openDay, day(5, 15), "“5·15政务公开日”活动"),
            record(.halfYearSummary, day(7, 20), "\(year)年上半年政务公开工作总结", due: day(7, 15)),
            record(.selfInspection, day(7, 10), "\(year)年上半年政务公开自查报告", due: day(7, 15)),
            record(.statisticalReturn, day(1, 10), "\(year - 1)年度政务公开统计报表", due: day(1, 15)),
            record(.disciplineInspection, day(3, 28), "驻局纪检组第一季度监督检查"), record(.disciplineInspection, day(6, 26), "驻局纪检组第二季度监督检查"),
            record(.disciplineInspection, day(9, 25), "驻局纪检组第三季度监督检查"), record(.disciplineInspection, day(11, 27), "驻局纪检组第四季度监督检查"),
        ] {
            _ = try await WorkRecordService(database: database, clock: at(item.date)).add(item, by: editor)
        }

        let seedStyle = try await service(day(11, 1)).importScheme(Data(ShippedSchemes.seedStyle.utf8), by: office)
        _ = try await service(day(11, 1)).importScheme(Data(ShippedSchemes.countySample.utf8), by: office)
        let dates = AssessmentCampaign.defaultDates(year: year)
        let campaign = try await service(day(11, 5)).createCampaign(
            AssessmentCampaign(
                id: 0, year: year, title: "\(year)年度县直部门政务公开工作考核（试点）", schemeID: seedStyle.id, unitKinds: [.countyDepartment],
                unitCodes: ["CZJ", "JYJ", "FGJ", "MZJ"], selfDue: dates.selfDue, spotFrom: dates.spotFrom, spotTo: dates.spotTo,
                resultsDue: dates.resultsDue), by: office)

        // 自评: the finance bureau reports the indicators the platform cannot measure, with evidence.
        let entered: [String: IndicatorFact] = [
            "1.5": .met(true), "1.6": .score(8), "1.8": .score(4), "2.2": .score(10), "2.7": .score(6), "3.2": .met(true), "3.3": .met(true),
            "3.7": .score(2), "4.1": .bonus(1),
        ]
        try await service(day(12, 5)).saveSelf(
            campaign.id, unit: "CZJ", facts: AssessmentFacts(entered),
            report:
                "本局成立了以局长为组长的政务公开工作领导小组，制定年度工作要点并逐项落实。全年召开领导小组会议 2 次，少于规定的 6 次；上半年工作总结于 7 月 20 日报送，晚于规定时间。财政预决算、政府采购等重点领域信息均按时公开，依申请公开件全部按期答复。下一步将严格落实会议制度，按时报送各类材料。",
            by: editor)
        _ = try await service(day(12, 5)).addEvidence(
            campaign.id, unit: "CZJ", indicator: "1.6", note: "领导小组调整文件（示财〔\(year)〕12号）及专人负责名单", file: nil, store: nil, by: editor)
        _ = try await service(day(12, 5)).addEvidence(
            campaign.id, unit: "CZJ", indicator: "4.1", note: "预算公开“一本通”做法被市财政局转发", file: nil, store: nil, by: editor)
        try await service(day(12, 8)).submitSelf(campaign.id, unit: "CZJ", by: editor)

        // 抽评: a random draw with a recorded seed, the finance bureau chosen as well.
        _ = try await service(day(12, 11)).draw(campaign.id, count: 2, seed: drawSeed, by: assessor)
        try await service(day(12, 11)).choose(campaign.id, unit: "CZJ", reason: "自评得分较高，按方案抽查核实", by: assessor)
        let checks: [(String, SpotCheckRecord)] = [
            (
                "CZJ",
                SpotCheckRecord(method: .documents, heldOn: day(12, 15), notes: "查阅领导小组会议纪要 2 份、半年总结报送记录；\(year - 1)年度报告系平台上线前线下报送，经查阅报送回执按时报送并公开。")
            ),
            (
                "CZJ",
                SpotCheckRecord(
                    method: .forum, heldOn: day(12, 15), participants: 8, composition: "机关干部代表 3 人、下属单位负责人 2 人、服务对象代表 3 人",
                    notes: "与会人员对预决算公开评价较好，反映公开栏更新不够及时。")
            ),
            ("JYJ", SpotCheckRecord(method: .briefing, heldOn: day(12, 16), notes: "听取教育局政务公开工作汇报，领导小组成员全体参加。")),
            ("JYJ", SpotCheckRecord(method: .siteVisit, heldOn: day(12, 16), notes: "实地查看局机关和两所学校公开栏，内容基本完整。")),
            ("FGJ", SpotCheckRecord(method: .documents, heldOn: day(12, 17), notes: "查阅政务公开档案，领导小组会议、培训、自查均无记录，制度不健全。")),
            ("FGJ", SpotCheckRecord(method: .interview, heldOn: day(12, 17), notes: "个别访谈办事群众 3 人，均不了解依申请公开渠道。")),
        ]
        for (unit, check) in checks {
            _ = try await service(check.heldOn).recordCheck(campaign.id, unit: unit, record: check, file: nil, store: nil, by: assessor)
        }
        _ = try await service(day(12, 18)).scoreSpot(
            campaign.id, unit: "CZJ",
            facts: AssessmentFacts(["2.2": .score(9), "2.5": .met(true), "2.6": .met(true)]),
            notes: "公开栏更新不够及时扣 1 分；上年度年度报告经核实按时报送并公开。", by: assessor)
        _ = try await service(day(12, 18)).scoreSpot(
            campaign.id, unit: "JYJ",
            facts: AssessmentFacts([
                "1.1": .count(5), "1.2": .met(true), "1.3": .met(true), "1.4": .met(true), "1.5": .met(true), "1.6": .score(7), "1.7": .count(2),
                "1.8": .score(3), "2.2": .score(8), "2.5": .met(true), "2.6": .met(true), "2.7": .score(5), "2.8": .count(1), "3.1": .count(4),
                "3.2": .met(true), "3.3": .met(true), "3.7": .score(2),
            ]), notes: "会议、培训等有纸质记录，未录入平台，经查阅核实。", by: assessor)
        _ = try await service(day(12, 19)).scoreSpot(
            campaign.id, unit: "FGJ",
            facts: AssessmentFacts([
                "1.5": .met(false), "1.6": .score(3), "1.8": .score(2), "2.2": .score(5), "2.7": .score(3), "3.2": .met(false), "3.3": .met(false),
                "3.7": .score(1), "2.5": .met(true), "2.6": .met(true),
            ]), notes: "组织领导和制度建设薄弱，群众对依申请公开渠道知晓率低。", by: assessor)

        // Results: approved on 12-28 (the 通报 date), published the same day; 整改 closed in January.
        _ = try await service(day(12, 28)).approve(campaign.id, by: office)
        try await service(day(12, 28)).publish(campaign.id, by: office)
        guard day(1, 20, year + 1) <= today else { return }
        let task = try await service(day(12, 29)).addTask(
            campaign.id, unit: "CZJ", problem: "领导小组及其办公室会议少于规定的 6 次；半年工作总结未按时报送。", by: office)
        try await service(day(1, 15, year + 1)).submitTask(
            task, report: "已修订领导小组工作规则，明确每两个月召开一次会议，并将各类材料报送时间列入股室考核。", file: nil, store: nil, by: editor)
        try await service(day(1, 20, year + 1)).reviewTask(task, accept: true, by: office)

        // This year's campaign is open for 自评 until 12月10日.
        let now = AssessmentCampaign.defaultDates(year: today.year)
        _ = try await AssessmentService(database: database, clock: clock).createCampaign(
            AssessmentCampaign(
                id: 0, year: today.year, title: "\(today.year)年度政务公开工作考核", schemeID: seedStyle.id, unitKinds: [.countyDepartment, .township],
                selfDue: now.selfDue, spotFrom: now.spotFrom, spotTo: now.spotTo, resultsDue: now.resultsDue), by: office)
    }
}
