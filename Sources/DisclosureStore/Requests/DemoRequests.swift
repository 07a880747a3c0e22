import DisclosureCore
import Foundation

/// A few requests in different stages for the demo county, handled by the finance bureau's demo
/// staff, so the console shows a clock in each state. The applicants are invented; their
/// identity numbers only pass the check digits.
enum DemoRequests {
    static func load(into database: Database, clock: any WallClock) async throws {
        let accounts = try await StaffAccountRepository(database.sql).all()
        guard let editorAccount = accounts.first(where: { $0.username == "editor" }),
            let reviewerAccount = accounts.first(where: { $0.username == "reviewer" })
        else { return }
        let editor = editorAccount.identity
        let reviewer = reviewerAccount.identity
        let service = RequestService(database: database, clock: clock)
        let today = CivilDate(instant: clock.now())
        let calendar = try await service.calendar()
        func daysAgo(_ workingDays: Int) -> CivilDate {
            var date = today
            var counted = 0
            while counted < workingDays {
                date = date.adding(days: -1)
                if calendar.isWorkingDay(date) { counted += 1 }
            }
            return date
        }
        func application(_ name: String, _ id: String, _ title: String, kind: ApplicantKind = .naturalPerson, channel: RequestChannel = .inPerson)
            -> RequestApplication
        {
            RequestApplication(
                unitCode: "CZJ", channel: channel, applicantKind: kind, applicantName: name, contactPerson: kind.isOrganisation ? "王经理" : "",
                idType: kind.isOrganisation ? .creditCode : .residentID, idNumber: id, phone: "13800000000", address: "示范县人民路1号",
                infoTitle: title, requestedForm: .paper, delivery: .post)
        }
        // Online, waiting for confirmation.
        _ = try await service.submitOnline(application("赵一", "11010519491231002X", "本县\(today.year)年惠民惠农财政补贴资金发放情况", channel: .online))
        // Due within three working days.
        _ = try await service.intake(application("钱二", "360421199003071231", "\(today.year)年县级“三公”经费预算表"), receivedOn: daysAgo(18), by: editor)
        // Paused: a third party is being consulted.
        let consulted = try await service.intake(
            application("某建设工程有限公司", "91350100M000100Y43", "某道路改造工程政府采购合同", kind: .business), receivedOn: daysAgo(8), by: editor)
        try await service.act(
            consulted.id, .consult, RequestActionInput(on: daysAgo(2), party: "中标单位某路桥有限公司", consultationKind: .thirdParty), by: editor)
        // Extended by the reviewer.
        let extended = try await service.intake(application("孙三", "440304198510167127", "2018年以来全县土地出让收入明细"), receivedOn: daysAgo(15), by: editor)
        try await service.act(extended.id, .extend, RequestActionInput(on: daysAgo(1), days: 15, note: "涉及年份较多，需调阅档案逐项核对"), by: reviewer)
        // Answered on time.
        let answered = try await service.intake(
            application("钱二", "360421199003071231", "\(today.year - 1)年县本级决算报告"), receivedOn: daysAgo(12), by: editor)
        try await service.act(
            answered.id, .draftReply, RequestActionInput(outcome: .disclosed, replyText: "您申请的信息已主动公开，可在示范县人民政府门户网站“财政预决算”栏目查阅，现随函提供纸质件一份。"),
            by: editor)
        try await service.act(answered.id, .submitReply, RequestActionInput(), by: editor)
        try await service.act(answered.id, .approveReply, RequestActionInput(), by: reviewer)
    }
}
