import DisclosureCore
import Foundation

/// Complaints, messages and work records for the demo county, dated relative to today, so the
/// supervision pages show every state: a complaint overdue (escalated at the first monitor run),
/// one running, one closed with its 整改; messages waiting for moderation, for an answer, unanswered
/// over 3 months (a finding), and published Q&A; a year of the finance bureau's work records.
enum DemoSupervision {
    static func load(into database: Database, clock: any WallClock) async throws {
        let accounts = try await StaffAccountRepository(database.sql).all()
        func identity(_ name: String) -> StaffIdentity? { accounts.first { $0.username == name }?.identity }
        guard let editor = identity("editor"), let reviewer = identity("reviewer"), let office = identity("office") else { return }
        let today = CivilDate(instant: clock.now())
        func service(_ days: Int) -> ComplaintService { ComplaintService(database: database, clock: ShiftedClock(base: clock, days: -days)) }

        _ = try await service(20).submitOnline(
            ComplaintSubmission(
                unitCode: "CZJ", kind: .notTimely, subject: "政府采购公告",
                content: "财政局办公设备采购项目的公开招标公告在项目确定后很久仍未在网站公开，影响潜在供应商参与。", complainantName: "周先生", phone: "13900001111"))
        _ = try await service(2).intake(
            ComplaintSubmission(
                unitCode: "CZJ", channel: .hotline, kind: .notDisclosed, content: "来电反映：本县惠民惠农财政补贴资金的发放明细没有在网站公开，群众无法查询。",
                complainantName: "吴女士", phone: "13900002222"), receivedOn: today.adding(days: -2), by: office)
        let answered = try await service(15).submitOnline(
            ComplaintSubmission(
                unitCode: "CZJ", kind: .inaccurate, subject: "县级部门预算公开说明", content: "预算公开说明中“三公”经费只有总数，没有分项数据，内容不全面。",
                complainantName: "郑先生", phone: "13900003333", email: "zheng@example.com"))
        try await service(10).act(
            answered.id, .draftReply,
            .init(
                reply: ComplaintReply(
                    outcome: .partlySubstantiated, text: "经核查，预算公开说明已列出“三公”经费总额，但未按因公出国（境）费、公务用车购置及运行费、公务接待费分项列示，反映情况部分属实。",
                    rectification: "已于次日补充公开分项数据，并要求各预算单位按统一格式公开。")), by: editor)
        try await service(9).act(answered.id, .approveReply, .init(), by: reviewer)

        func messages(_ days: Int) -> MessageService { MessageService(database: database, clock: ShiftedClock(base: clock, days: -days)) }
        let old = try await messages(120).submit(
            MessageSubmission(
                unitCode: "CZJ", title: "乡镇财政所的办公电话是多少？", content: "想咨询惠农补贴到账情况，请问城关镇财政所的办公电话是多少？", authorName: "刘建国", phone: "13700001111"))
        try await messages(119).moderate(old, accept: true, rejection: nil, note: "", by: office)
        let waiting = try await messages(3).submit(
            MessageSubmission(unitCode: "CZJ", title: "政府采购意向在哪里公开？", content: "请问本县政府采购意向公开在哪个栏目可以查到？", authorName: "陈", email: "chen@example.com"))
        try await messages(2).moderate(waiting, accept: true, rejection: nil, note: "", by: office)
        _ = try await messages(0).submit(
            MessageSubmission(unitCode: "MZJ", title: "低保标准咨询", content: "今年本县城乡低保标准分别是每人每月多少元？", phone: "13700002222"))
        for (days, title, question, answer) in [
            (
                30, "预算公开在哪里查看？", "请问县级部门预算在网站哪个栏目公开？",
                "您好！县级部门预算在本平台“公开目录—财政局—财政预决算”栏目公开，也可在“信息检索”中搜索“部门预算”。感谢您的关注。"
            ),
            (
                12, "行政事业性收费目录", "县里现行的行政事业性收费有哪些项目？",
                "您好！现行行政事业性收费项目以省级公布的目录清单为准，本局在“行政事业性收费”栏目公开了目录及收费依据、标准。"
            ),
        ] {
            let id = try await messages(days).submit(MessageSubmission(unitCode: "CZJ", title: title, content: question, phone: "13700003333"))
            try await messages(days - 1).moderate(id, accept: true, rejection: nil, note: "", by: office)
            try await messages(days - 3).reply(id, text: answer, by: editor)
        }

        let records = WorkRecordService(database: database, clock: clock)
        func record(_ kind: WorkRecordKind, _ daysAgo: Int, _ title: String, due: Int? = nil, openDay: OpenDayFigures? = nil) -> WorkRecord {
            WorkRecord(
                unitCode: "CZJ", kind: kind, date: today.adding(days: -daysAgo), title: title, chair: kind == .leadershipMeeting ? "局长 张某" : "",
                attendees: kind.isMeeting ? "局领导班子成员、各股室负责人" : "", attendeeCount: kind.isMeeting ? 15 : nil,
                place: kind == .openDay ? "县政务服务中心一楼大厅" : "", detail: "", dueOn: due.map { today.adding(days: -$0) }, openDay: openDay)
        }
        for item in [
            record(.leadershipMeeting, 200, "政务公开工作领导小组第一次会议"), record(.leadershipMeeting, 90, "政务公开工作领导小组第二次会议"),
            record(.training, 150, "政务公开业务培训（信息发布与保密审查）"), record(.halfYearSummary, 140, "上半年政务公开工作总结", due: 140),
            record(.selfInspection, 60, "政务公开工作自查报告", due: 63),
            record(
                .openDay, 190, "“5·15政务公开日”财政惠民政策宣传",
                openDay: OpenDayFigures(visitors: 160, boards: 6, consultations: 42, questionsAnswered: 40, materials: 800)),
        ] {
            _ = try await records.add(item, by: editor)
        }
        var inspection = record(.officeInspection, 45, "县政务公开办季度督查")
        inspection.detail = "抽查财政预决算、政府采购栏目，发现采购公告公开不及时 1 条，已督促整改。"
        _ = try await records.add(inspection, by: office)
    }
}
