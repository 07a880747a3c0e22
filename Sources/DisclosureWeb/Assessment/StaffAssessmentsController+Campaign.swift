import DisclosureCore
import DisclosureStore
import Foundation
import Hummingbird

/// One campaign: phase and dates first, every unit's 自评 and 抽评 state, the draw, the ranking,
/// the 通报 and 整改 tasks.
extension StaffAssessmentsController {
    struct CampaignPage: Sendable {
        struct UnitRow: Sendable {
            let code: String
            let name: String
            let kind: String
            let selfState: String
            let selfLate: Bool
            let selfTotal: String?
            let drawn: String?
            let spotTotal: String?
            let differs: Bool
        }
        struct ResultRow: Sendable {
            let rank: Int
            let name: String
            let code: String
            let total: String
            let grade: String
            let notes: String?
            let flagged: Bool
        }
        let id: Int
        let year: Int
        let title: String
        let phase: String
        let schemeID: Int
        let schemeName: String
        let grades: String
        let selfDue: String
        let spotWindow: String
        let resultsDue: String
        let drawSeed: String?
        let approvedOn: String?
        let publishedOn: String?
        let rectificationDue: String?
        let units: [UnitRow]
        let results: [ResultRow]
        let circularTitle: String?
        let circular: [String]
        let tasks: [TaskRow]
        let canDraw: Bool
        let canApprove: Bool
        let canPublish: Bool
        let canAddTask: Bool
        let canChoose: Bool
        let hasResults: Bool
        let undrawn: [SelectOption]
        let unitOptions: [SelectOption]
    }

    @Sendable func campaign(_ request: Request, context: StaffRequestContext) async throws -> Response {
        guard let id = Int(try context.pathParameter("id")) else { throw HTTPError(.notFound) }
        return try await renderCampaign(id, context: context, notice: Notice.from(request))
    }

    func renderCampaign(_ id: Int, context: StaffRequestContext, notice: String? = nil, error: DomainError? = nil) async throws -> Response {
        let staff = context.staff
        let campaign = try await assessments.campaign(id)
        let stored = try await assessments.scheme(campaign.schemeID)
        let today = self.today
        let entries = try await assessments.entries(id, visibleTo: staff.identity)
        var rows: [CampaignPage.UnitRow] = []
        for (unit, entry) in entries {
            let scores = try await assessments.scores(entry, campaign: campaign, scheme: stored.scheme)
            let state =
                entry.selfSubmittedOn.map { "\($0) 已提交" } ?? (entry.defaulted ? "未自评（按规则计分）" : (today > campaign.selfDue ? "逾期未提交" : "填报中"))
            rows.append(
                CampaignPage.UnitRow(
                    code: unit.code, name: unit.name, kind: unit.kind.label, selfState: state,
                    selfLate: entry.selfSubmittedOn == nil && !entry.defaulted && today > campaign.selfDue,
                    selfTotal: scores.provisional ? "\(scores.selfScore.total)（暂估）" : "\(scores.selfScore.total)",
                    drawn: entry.drawn ? entry.drawReason : nil, spotTotal: scores.spotScore.map { "\($0.total)" },
                    differs: !(scores.spotScore.map(scores.selfScore.differingLeaves) ?? []).isEmpty))
        }
        let visible = Set(entries.map(\.unit.code))
        var results: [CampaignPage.ResultRow] = []
        var circular: AssessmentCircular?
        if staff.role == .office || staff.role == .assessor || staff.role == .auditor || campaign.publishedOn != nil {
            let computed = try await assessments.results(id)
            circular = computed.circular
            results = computed.entries.filter { visible.contains($0.unitCode) }.map { entry in
                var notes: [String] = []
                if computed.drawn.contains(entry.unitCode) { notes.append("抽评") }
                if computed.defaulted.contains(entry.unitCode) { notes.append("未自评") }
                if entry.cappedFromTopGrade { notes.append("超出优秀比例，评为\(entry.grade)") }
                if !entry.score.vetoes.isEmpty { notes.append("一票否决") }
                if entry.failedTwoYearsRunning { notes.append("连续两年\(entry.grade)") }
                return CampaignPage.ResultRow(
                    rank: entry.rank, name: computed.names[entry.unitCode] ?? entry.unitCode, code: entry.unitCode, total: "\(entry.score.total)",
                    grade: entry.grade, notes: notes.isEmpty ? nil : notes.joined(separator: "；"), flagged: entry.failedTwoYearsRunning)
            }
        }
        let isAssessor = staff.role == .assessor || staff.role == .office
        let page = CampaignPage(
            id: id, year: campaign.year, title: campaign.title, phase: campaign.phase(today: today).rawValue, schemeID: stored.id,
            schemeName: "\(stored.scheme.name)（第 \(stored.version) 版）", grades: Self.gradeText(stored.scheme), selfDue: campaign.selfDue.chineseText,
            spotWindow: "\(campaign.spotFrom.chineseText) 至 \(campaign.spotTo.chineseText)", resultsDue: campaign.resultsDue.chineseText,
            drawSeed: campaign.drawSeed.map(String.init), approvedOn: campaign.approvedOn?.chineseText,
            publishedOn: campaign.publishedOn?.chineseText,
            rectificationDue: campaign.rectificationDue?.chineseText, units: rows, results: results, circularTitle: circular?.title,
            circular: circular?.paragraphs ?? [],
            tasks: try await taskRows(try await assessments.tasks(visibleTo: staff.identity, campaign: id), staff: staff.identity),
            canDraw: isAssessor && campaign.approvedOn == nil && campaign.drawSeed == nil,
            canApprove: staff.role == .office && campaign.approvedOn == nil && today > campaign.selfDue,
            canPublish: staff.role == .office && campaign.approvedOn != nil && campaign.publishedOn == nil,
            canAddTask: staff.role == .office && campaign.approvedOn != nil,
            canChoose: isAssessor && campaign.approvedOn == nil && entries.contains { !$0.entry.drawn }, hasResults: !results.isEmpty,
            undrawn: isAssessor && campaign.approvedOn == nil
                ? entries.filter { !$0.entry.drawn }.map { SelectOption(value: $0.unit.code, label: $0.unit.name, selected: false) } : [],
            unitOptions: entries.map { SelectOption(value: $0.unit.code, label: $0.unit.name, selected: false) })
        return renderer.render(
            "Assessment/campaign", title: campaign.title, page: page, context: context, status: error?.kind.httpStatus ?? .ok, notice: notice,
            error: error?.message)
    }

    /// Runs a campaign action and comes back to the campaign page, with the error when refused.
    func act(_ request: Request, context: StaffRequestContext, _ body: (Int, FormData, StaffIdentity) async throws -> Void) async throws -> Response {
        let staff = context.staff
        guard let id = Int(try context.pathParameter("id")) else { throw HTTPError(.notFound) }
        let form = try await FormData.read(request)
        do {
            try await body(id, form, staff.identity)
            return redirect(to: "/staff/assessments/\(id)?notice=saved")
        } catch let error as DomainError {
            return try await renderCampaign(id, context: context, error: error)
        }
    }

    @Sendable func draw(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await act(request, context: context) { id, form, staff in
            guard let count = Int(form.text("count")) else { throw DomainError.invalid("count", "请填写抽取数量") }
            let seedText = form.text("seed")
            guard seedText.isEmpty || UInt64(seedText) != nil else { throw DomainError.invalid("seed", "随机种子应为正整数，留空由系统生成") }
            _ = try await assessments.draw(id, count: count, seed: UInt64(seedText), by: staff)
        }
    }

    @Sendable func choose(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await act(request, context: context) { id, form, staff in
            try await assessments.choose(id, unit: form.text("unit"), reason: form.text("reason"), by: staff)
        }
    }

    @Sendable func approve(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await act(request, context: context) { id, _, staff in _ = try await assessments.approve(id, by: staff) }
    }

    @Sendable func publish(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await act(request, context: context) { id, _, staff in try await assessments.publish(id, by: staff) }
    }

    @Sendable func addTask(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await act(request, context: context) { id, form, staff in
            _ = try await assessments.addTask(id, unit: form.text("unit"), problem: form.values["problem"] ?? "", by: staff)
        }
    }

    @Sendable func submitTask(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        guard let id = Int(try context.pathParameter("id")) else { throw HTTPError(.notFound) }
        let (form, upload) = try await MultipartForm.fieldsAndFile(request, field: "file")
        do {
            try await assessments.submitTask(
                id, report: form.values["report"] ?? "", file: upload.map { ($0.fileName, $0.bytes) }, store: files, by: staff.identity)
            return redirect(to: "/staff/assessments?notice=saved")
        } catch let error as DomainError {
            return try await renderList(values: [:], context: context, error: error)
        }
    }

    @Sendable func reviewTask(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        guard let id = Int(try context.pathParameter("id")) else { throw HTTPError(.notFound) }
        let form = try await FormData.read(request)
        do {
            try await assessments.reviewTask(id, accept: form.text("decision") == "accept", by: staff.identity)
            return redirect(to: "/staff/assessments?notice=saved")
        } catch let error as DomainError {
            return try await renderList(values: [:], context: context, error: error)
        }
    }

    @Sendable func taskFile(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        guard let id = Int(try context.pathParameter("id")) else { throw HTTPError(.notFound) }
        guard let task = try await assessments.tasks(visibleTo: staff.identity).first(where: { $0.id == id }), let file = task.file else {
            throw HTTPError(.notFound)
        }
        return try storedFileResponse(file, files: files)
    }
}
