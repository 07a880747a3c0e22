import DisclosureCore
import Foundation
import SQLKit

/// The 示范县 demo's 标准目录 (covering 条例 第二十条 items and several of the 26 领域) and a few
/// documents in every lifecycle state, so the portal, search and dashboards have something to show.
enum DemoCatalog {
    typealias Row = (
        unit: String, domain: String, primary: String, secondary: String, content: String, basis: String, rule: PublicationRule, kind: ColumnKind,
        item: StatutoryItem?, level: AdministrativeLevel
    )

    static let web = [ChannelChoice(.website, mandatory: true), ChannelChoice(.readingPoint, mandatory: false)]
    static let decision7 = try! PublicationRule(anchor: .decision, workingDays: 7)
    static let related3 = try! PublicationRule(anchor: .relatedPublication, workingDays: 3)
    static let standard = PublicationRule.statutoryDefault

    static let rows: [Row] = [
        ("ZFB", "综合政务", "政策文件", "县政府规范性文件", "文件分类、生成日期、标题、文号、有效性和具体内容", "《政府信息公开条例》第二十条第一项", standard, .policies, .regulations, .county),
        ("ZFB", "综合政务", "政策解读", "规范性文件解读", "解读材料及关联文件", "《政府信息公开条例》第二十条", related3, .policies, nil, .county),
        ("ZFB", "综合政务", "机构职能", "机构概况", "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名", "《政府信息公开条例》第二十条第二项", standard, .other, .organization, .county),
        ("ZFB", "综合政务", "工作动态", "政务要闻", "县政府重要会议、活动信息", "《政府信息公开条例》第十九条", standard, .news, nil, .county),
        ("ZFB", "综合政务", "通知公告", "通知公告", "需要社会公众广泛知晓的通知、公告", "《政府信息公开条例》第十九条", standard, .notices, nil, .county),
        ("FGJ", "重大建设项目", "规划计划", "发展规划", "国民经济和社会发展规划、专项规划及相关政策", "《政府信息公开条例》第二十条第三项", standard, .policies, .plans, .county),
        ("FGJ", "重大建设项目", "重大项目", "批准和实施信息", "项目批准、招标投标、征收土地、重大设计变更、施工和质量安全监督、竣工", "《政府信息公开条例》第二十条第十项", standard, .other, .majorProjects, .county),
        ("CZJ", "财政预决算", "财政预决算", "政府预决算", "预算、决算报表及说明，“三公”经费", "《预算法》第十四条；《政府信息公开条例》第二十条第七项", standard, .policies, .budgets, .county),
        (
            "CZJ", "公共资源交易", "政府采购", "采购公告", "采购项目名称、预算金额、采购需求、供应商资格要求、公告期限", "《政府采购法》；《政府信息公开条例》第二十条第九项",
            try! PublicationRule(anchor: .decision, workingDays: 5), .notices, .procurement, .county
        ),
        ("CZJ", "综合政务", "财政动态", "工作动态", "财政工作动态、重要会议和活动", "《政府信息公开条例》第十九条", standard, .news, nil, .county),
        ("CZJ", "财政预决算", "行政事业性收费", "收费目录", "行政事业性收费项目及其依据、标准", "《政府信息公开条例》第二十条第八项", standard, .other, .fees, .county),
        ("MZJ", "社会救助", "社会救助", "最低生活保障", "城乡低保政策、标准、审批结果（隐去身份证号等个人信息）", "《社会救助暂行办法》；《政府信息公开条例》第二十一条", standard, .policies, .livelihood, .county),
        ("MZJ", "养老服务", "养老服务", "养老服务补贴", "补贴政策、对象、标准和发放情况", "《政府信息公开条例》第二十条第十一项", standard, .other, .livelihood, .county),
        ("FGJ", "综合政务", "统计信息", "统计公报", "国民经济和社会发展统计公报及主要统计数据", "《统计法》；《政府信息公开条例》第二十条第四项", standard, .other, .statistics, .county),
        ("SJJ", "食品药品监管", "行政许可", "许可结果", "行政许可的依据、条件、程序和办理结果", "《行政许可法》第四十条；《政府信息公开条例》第二十条第五项", decision7, .other, .licensing, .county),
        ("SJJ", "食品药品监管", "行政处罚", "处罚决定", "行政处罚决定书（具有一定社会影响的）", "《行政处罚法》第四十八条；《政府信息公开条例》第二十条第六项", decision7, .other, .penalties, .county),
        ("SJJ", "食品药品监管", "监督检查", "抽检信息", "食品安全监督抽检结果", "《政府信息公开条例》第二十条第十三项", standard, .other, .inspections, .county),
        ("ZRJ", "征地补偿", "征地信息", "征收土地信息", "征地告知书、征收土地方案、征地补偿安置方案公告", "《土地管理法》；《政府信息公开条例》第二十一条", standard, .notices, nil, .county),
        ("RSJ", "就业", "人事信息", "公务员招考", "招考职位、名额、报考条件及录用结果", "《政府信息公开条例》第二十条第十四项", standard, .notices, .civilServiceRecruitment, .county),
        ("YJJ", "安全生产", "应急管理", "应急预案", "突发事件应急预案、预警信息及应对情况", "《政府信息公开条例》第二十条第十二项", standard, .other, .emergencies, .county),
        ("CGZ", "涉农补贴", "涉农补贴", "补贴发放", "补贴政策、对象、标准、发放结果", "《政府信息公开条例》第二十一条", standard, .notices, .livelihood, .township),
        ("CGZ", "综合政务", "工作动态", "镇村动态", "镇党委政府工作动态", "《政府信息公开条例》第十九条", standard, .news, nil, .township),
    ]

    static func load(into database: Database, clock: any WallClock) async throws {
        let catalog = CatalogService(database: database, clock: clock)
        var entryIDs: [String: Int] = [:]
        for row in rows {
            let entry = CatalogEntry(
                unitCode: row.unit, domain: row.domain, primaryItem: row.primary, secondaryItem: row.secondary, content: row.content,
                basis: row.basis,
                rule: row.rule, channels: web, level: row.level, columnKind: row.kind, statutoryItem: row.item)
            entryIDs["\(row.unit)/\(row.primary)"] = try await catalog.create(entry, by: .system)
        }
        try await loadDocuments(into: database, clock: clock, entries: entryIDs)
    }

    /// Documents written as the demo's own staff would: the editor drafts, the reviewer signs off.
    static func loadDocuments(into database: Database, clock: any WallClock, entries: [String: Int]) async throws {
        let today = CivilDate(instant: clock.now())
        let editorID = try await database.sql.select().column("id").from("staff_users").where("username", .equal, "editor")
            .first(decodingColumn: "id", as: Int.self)
        let reviewerID = try await database.sql.select().column("id").from("staff_users").where("username", .equal, "reviewer")
            .first(decodingColumn: "id", as: Int.self)
        guard let editorID, let reviewerID else { return }
        let editor = StaffIdentity(userID: editorID, username: "editor", role: .editor, unitCode: "CZJ")
        let reviewer = StaffIdentity(userID: reviewerID, username: "reviewer", role: .reviewer, unitCode: "CZJ")
        let service = PublishingService(database: database, clock: clock)
        let clean = ReviewChecklist(
            containsStateSecrets: false, containsPrivateOrCommercialData: false, wordingAccurate: true, note: "经审查，不涉密，不涉及个人隐私和商业秘密。")
        let budget = DocumentDraft(
            unitCode: "CZJ", title: "示范县\(today.year)年县级部门预算公开说明", docNumber: "示财〔\(today.year)〕3号", catalogEntryID: entries["CZJ/财政预决算"],
            generatedOn: today.adding(days: -10),
            body: "根据《中华人民共和国预算法》和《政府信息公开条例》有关规定，现将示范县\(today.year)年县级部门预算公开如下。\n一、收支预算总体情况。\n二、“三公”经费预算情况。\n联系电话：0000-1234567。",
            isNormative: false)
        let published = try await service.create(budget, by: editor)
        try await service.submit(published.id, by: editor)
        // The 保密审查 finds the bureau's 联系电话 and the reviewer confirms it may be published.
        try await service.approve(
            published.id, checklist: clean, privacy: [0: .init(action: "confirm", reason: "财政局对外公开的咨询电话", masked: nil)], by: reviewer)
        try await service.publish(published.id, by: reviewer)

        let rules = DocumentDraft(
            unitCode: "CZJ", title: "示范县财政专项资金管理办法", docNumber: "示财规〔\(today.year)〕1号", catalogEntryID: entries["CZJ/财政预决算"],
            generatedOn: today.adding(days: -40), body: "第一条 为规范财政专项资金管理，提高资金使用效益，制定本办法。\n第二条 本办法自印发之日起施行，有效期五年。",
            isNormative: true,
            validity: DocumentValidity(effectiveFrom: today.adding(days: -40), expiresOn: CivilDate(year: today.year + 5, month: 1, day: 1)))
        let late = try await service.create(rules, by: editor)
        try await service.submit(late.id, by: editor)
        try await service.approve(late.id, checklist: clean, by: reviewer)
        try await service.publish(late.id, by: reviewer)

        let procurement = DocumentDraft(
            unitCode: "CZJ", title: "示范县财政局办公设备采购项目公开招标公告", catalogEntryID: entries["CZJ/政府采购"], generatedOn: today.adding(days: -12),
            body: "项目名称：办公设备采购。预算金额：48万元。公告期限为5个工作日。")
        let overdue = try await service.create(procurement, by: editor)
        try await service.submit(overdue.id, by: editor)

        // Published three weeks ago and nothing since: the 财政动态 column is stale (statutes §5.2,
        // 2 weeks) until the demo editor publishes something in it.
        let weeksAgo = ShiftedClock(base: clock, days: -21)
        let past = PublishingService(database: database, clock: weeksAgo)
        let news = try await past.create(
            DocumentDraft(
                unitCode: "CZJ", title: "县财政局召开财政收支形势分析会", catalogEntryID: entries["CZJ/财政动态"], generatedOn: today.adding(days: -22),
                body: "县财政局召开财政收支形势分析会，通报前三季度全县财政收支情况，部署下一阶段组织收入和保障重点支出工作。"), by: editor)
        try await past.submit(news.id, by: editor)
        try await past.approve(news.id, checklist: clean, by: reviewer)
        try await past.publish(news.id, by: reviewer)

        let draft = DocumentDraft(
            unitCode: "CZJ", title: "关于做好\(today.year + 1)年预算编制工作的通知", catalogEntryID: entries["CZJ/财政预决算"], generatedOn: today,
            body: "各预算单位：现就做好预算编制工作通知如下。")
        _ = try await service.create(draft, by: editor)
    }
}

/// The demo's clock moved by whole days, so demo records can carry past dates through the services.
struct ShiftedClock: WallClock {
    let base: any WallClock
    let days: Int

    func now() -> Date { base.now().addingTimeInterval(Double(days) * 86_400) }
}
