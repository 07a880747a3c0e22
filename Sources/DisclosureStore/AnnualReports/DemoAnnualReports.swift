import DisclosureCore
import Foundation

/// Last year's reports in the demo county. The finance bureau's cases of last year run through
/// the real workflow on dates of that year (a 部分公开 with a 复议, a third-party 不予公开 taken to
/// court, a 按量 fee paid, a lapsed 补正, one carried into this year), and two cases from the year
/// before arrive as an imported legacy file, so table 三 has 上年结转. The bureau filed on time and
/// the office published; the education bureau filed late; the county report rolls both up.
/// `AnnualReportDemoTests` checks every cell of the bureau's table 三 against a count by hand.
enum DemoAnnualReports {
    static func load(into database: Database, clock: any WallClock) async throws {
        let accounts = try await StaffAccountRepository(database.sql).all()
        guard let editor = accounts.first(where: { $0.username == "editor" })?.identity,
            let reviewer = accounts.first(where: { $0.username == "reviewer" })?.identity,
            let office = accounts.first(where: { $0.username == "office" })?.identity
        else { return }
        let today = CivilDate(instant: clock.now())
        let year = today.year - 1
        func day(_ month: Int, _ day: Int, _ inYear: Int? = nil) -> CivilDate { CivilDate(year: inYear ?? year, month: month, day: day)! }
        func at(_ date: CivilDate) -> any WallClock { ShiftedClock(base: clock, days: date.dayNumber - today.dayNumber) }
        func requests(_ date: CivilDate) -> RequestService { RequestService(database: database, clock: at(date)) }

        let legacy = """
            unit,reference,applicantKind,receivedOn,answeredOn,outcome
            CZJ,\(year - 1)-依申-001,自然人,\(year - 1)-03-05,\(year - 1)-03-28,r3.1
            CZJ,\(year - 1)-依申-002,商业企业,\(year - 1)-06-11,\(year - 1)-07-02,r3.4.1
            CZJ,\(year - 1)-依申-003,自然人,\(year - 1)-12-18,\(year)-01-10,r3.1
            CZJ,\(year - 1)-依申-004,法律服务机构,\(year - 1)-12-26,\(year)-01-20,r3.2
            """
        _ = try await AnnualReportService(database: database, clock: clock).importLegacy(legacy, by: editor)

        func application(_ name: String, _ id: String, _ title: String, kind: ApplicantKind) -> RequestApplication {
            RequestApplication(
                unitCode: "CZJ", channel: .inPerson, applicantKind: kind, applicantName: name, contactPerson: kind.isOrganisation ? "李主任" : "",
                idType: kind.isOrganisation ? .creditCode : .residentID, idNumber: id, phone: "13900000000", address: "示范县建设路8号",
                infoTitle: title, requestedForm: .paper, delivery: .post)
        }
        /// Takes in, drafts, submits and approves one case on the given dates.
        func answered(_ application: RequestApplication, received: CivilDate, answered: CivilDate, _ outcome: RequestOutcome, _ reply: String)
            async throws -> Int
        {
            let service = requests(answered)
            let receipt = try await service.intake(application, receivedOn: received, by: editor)
            try await service.act(receipt.id, .draftReply, RequestActionInput(on: answered, outcome: outcome, replyText: reply), by: editor)
            try await service.act(receipt.id, .submitReply, RequestActionInput(on: answered), by: editor)
            try await service.act(receipt.id, .approveReply, RequestActionInput(on: answered), by: reviewer)
            return receipt.id
        }

        _ = try await answered(
            application("周四", "11010519491231002X", "\(year)年县级部门预算公开情况", kind: .naturalPerson), received: day(3, 10), answered: day(3, 28),
            .disclosed, "所申请信息已在县政府门户网站“财政预决算”栏目公开，现随函提供。")
        let partly = try await answered(
            application("吴五", "360421199003071231", "某专项资金分配明细及受益人名单", kind: .naturalPerson), received: day(4, 14), answered: day(5, 9),
            .partlyDisclosed, "分配明细予以公开；受益人名单涉及个人隐私，依法不予公开。")
        _ = try await requests(day(6, 20)).recordAppeal(
            Appeal(id: 0, requestID: partly, kind: .review, filedOn: day(6, 20), authority: "示范县人民政府", result: .pending, decidedOn: nil, note: ""),
            by: editor)
        let appeals = try await AppealRepository(database.sql).appeals(of: partly)
        if let review = appeals.first {
            try await requests(day(8, 15)).decideAppeal(review.id, result: .upheld, decidedOn: day(8, 15), note: "复议维持", by: editor)
        }
        let thirdParty = application("某建材贸易有限公司", "91350100M000100Y43", "竞争对手的财政补贴申报材料", kind: .business)
        let consulted = try await requests(day(5, 6)).intake(thirdParty, receivedOn: day(5, 6), by: editor)
        try await requests(day(5, 12)).act(
            consulted.id, .consult, RequestActionInput(on: day(5, 12), party: "某建材有限公司", consultationKind: .thirdParty), by: editor)
        try await requests(day(5, 26)).act(
            consulted.id, .recordOpinion, RequestActionInput(on: day(5, 26), party: "某建材有限公司", note: "不同意公开，涉及商业秘密"), by: editor)
        for (action, by) in [(RequestAction.draftReply, editor), (.submitReply, editor), (.approveReply, reviewer)] {
            try await requests(day(6, 16)).act(
                consulted.id, action,
                RequestActionInput(on: day(6, 16), outcome: .withheldThirdParty, replyText: "所申请信息涉及第三方商业秘密，第三方不同意公开，依法不予公开。"), by: by)
        }
        _ = try await requests(day(9, 1)).recordAppeal(
            Appeal(
                id: 0, requestID: consulted.id, kind: .directSuit, filedOn: day(9, 1), authority: "示范县人民法院", result: .pending, decidedOn: nil,
                note: ""),
            by: editor)
        _ = try await answered(
            application("郑六", "440304198510167127", "1990年某企业改制资产评估报告", kind: .naturalPerson), received: day(7, 1), answered: day(7, 18),
            .notHeld, "经检索，本机关未制作或获取该信息。")
        let feeCase = try await requests(day(8, 4)).intake(
            application("某农业科学研究所", "12350100MB0000005B", "近十年农业补贴资金拨付凭证", kind: .research), receivedOn: day(8, 4), by: editor)
        try await requests(day(8, 12)).act(
            feeCase.id, .issueFeeNotice, RequestActionInput(on: day(8, 12), feeMethod: .byVolume, pages: 150), by: editor)
        try await requests(day(8, 20)).act(feeCase.id, .recordPayment, RequestActionInput(on: day(8, 20)), by: editor)
        for (action, by) in [(RequestAction.draftReply, editor), (.submitReply, editor), (.approveReply, reviewer)] {
            try await requests(day(9, 5)).act(
                feeCase.id, action, RequestActionInput(on: day(9, 5), outcome: .disclosed, replyText: "现提供所申请凭证复印件共150页。"), by: by)
        }
        let lapsed = try await requests(day(9, 15)).intake(
            application("王七", "110105194912310097", "那个文件", kind: .naturalPerson), receivedOn: day(9, 15), by: editor)
        try await requests(day(9, 18)).act(
            lapsed.id, .requestCorrection, RequestActionInput(on: day(9, 18), deadline: day(10, 10), note: "请写明所需信息的名称、文号或其他特征描述。"), by: editor)
        _ = try await requests(day(10, 31)).closeLapsed(lapsed.id, by: .system)
        _ = try await answered(
            application("周四", "11010519491231002X", "\(year)年县级部门预算公开情况", kind: .naturalPerson), received: day(11, 3), answered: day(11, 10),
            .repeated, "您已于今年3月申请同一信息并已获答复，不予重复处理。")
        let carried = application("某环保公益协会", "51350100MJ0000003J", "全县污水处理运营补贴拨付情况", kind: .publicWelfare)
        if day(1, 15, year + 1) <= today {
            _ = try await answered(carried, received: day(12, 22), answered: day(1, 15, year + 1), .disclosed, "现提供所申请信息。")
        } else {
            _ = try await requests(day(12, 22)).intake(carried, receivedOn: day(12, 22), by: editor)
        }

        // Two 规范性文件 for table 二: one made last year, one made the year before that expired last year.
        let clean = ReviewChecklist(containsStateSecrets: false, containsPrivateOrCommercialData: false, wordingAccurate: true, note: "无问题")
        for (made, title, validity) in [
            (
                day(6, 12, year - 1), "示范县县级预算单位公务卡管理暂行办法",
                DocumentValidity(effectiveFrom: day(7, 1, year - 1), expiresOn: day(10, 1))
            ),
            (day(4, 8), "示范县财政专项资金管理办法", DocumentValidity(effectiveFrom: day(5, 1), expiresOn: day(5, 1, year + 4))),
        ] {
            let publishing = PublishingService(database: database, clock: at(made))
            let document = try await publishing.create(
                DocumentDraft(
                    unitCode: "CZJ", title: title, docNumber: "示财规〔\(made.year)〕\(made.month)号", category: "政策文件", generatedOn: made,
                    body: "第一条 为规范财政资金管理，制定本办法。", isNormative: true, validity: validity), by: editor)
            try await publishing.submit(document.id, by: editor)
            try await publishing.approve(document.id, checklist: clean, by: reviewer)
            try await publishing.publish(document.id, by: reviewer)
        }

        // The reports: the bureau on time and published, education late, the county rolled up.
        func reports(_ date: CivilDate) -> AnnualReportService { AnnualReportService(database: database, clock: at(min(date, today))) }
        let draft = try await reports(day(1, 12, year + 1)).prefilledNarrative(unit: "CZJ", year: year, visibleTo: editor)
        var narrative = draft
        narrative[.management] = "严格执行公文公开属性源头认定和保密审查制度，全年未发生泄密事件。"
        narrative[.platform] = "依托县政府门户网站政府信息公开专栏发布财政预决算等信息，专栏栏目按标准目录设置。"
        narrative[.supervision] = "将政务公开纳入年度工作要点，组织专题培训1次。"
        narrative[.problems] = "一是预决算解读不够通俗；二是部分申请答复说理不充分。下一步将规范答复文书，加强业务培训。"
        try await reports(day(1, 12, year + 1)).saveNarrative(unit: "CZJ", year: year, narrative, by: editor)
        try await reports(day(1, 20, year + 1)).file(unit: "CZJ", year: year, by: reviewer)
        try await reports(day(1, 23, year + 1)).publish(unit: "CZJ", year: year, by: office)
        var education = ReportNarrative()
        education[.active] = "全年通过县政府门户网站公开教育领域政府信息，重点公开招生入学、教育收费等信息。"
        try await reports(day(2, 3, year + 1)).saveNarrative(unit: "JYJ", year: year, education, by: office)
        try await reports(day(2, 5, year + 1)).file(unit: "JYJ", year: year, by: office)
        try await reports(day(3, 20, year + 1)).setRollup(unit: "XZF", year: year, units: ["CZJ", "JYJ"], by: office)
        let county = try await reports(day(3, 20, year + 1)).prefilledNarrative(unit: "XZF", year: year, visibleTo: office)
        try await reports(day(3, 20, year + 1)).saveNarrative(unit: "XZF", year: year, county, by: office)
        try await reports(day(3, 25, year + 1)).publish(unit: "XZF", year: year, by: office)
    }
}
