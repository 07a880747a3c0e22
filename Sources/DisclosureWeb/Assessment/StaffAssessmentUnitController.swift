import DisclosureCore
import DisclosureStore
import Foundation
import Hummingbird

/// One unit in a campaign: the deadline box, every indicator with the platform's metric and the
/// records behind it, the 自评 form, evidence, the 抽评 methods and score (differences marked),
/// and the facts file the CLI scores to the same numbers.
///
/// | method | path | who |
/// |---|---|---|
/// | GET | `/staff/assessments/{id}/units/{code}` | signed in, in scope |
/// | GET | `/staff/assessments/{id}/units/{code}/facts?stage=self|spot` | signed in, in scope |
/// | POST | `…/self` (save or `action=submit`), `…/evidence` | the unit's editor or reviewer |
/// | POST | `…/exception` | office |
/// | POST | `…/checks`, `…/spot` | assessor, office |
/// | GET | `/staff/assessments/evidence/{id}/file`, `/staff/assessments/checks/{id}/file` | signed in, in scope |
struct StaffAssessmentUnitController {
    let assessmentQueries: AssessmentQueries
    let assessments: AssessmentService
    let clock: any WallClock
    let files: any FileStore
    let unitQueries: UnitQueries
    let renderer: PageRenderer

    func addRoutes(to router: RouterGroup<StaffRequestContext>) {
        router.get("/staff/assessments/{id}/units/{code}", use: show)
        router.get("/staff/assessments/{id}/units/{code}/facts", use: facts)
        router.post("/staff/assessments/{id}/units/{code}/self", use: saveSelf)
        router.post("/staff/assessments/{id}/units/{code}/evidence", use: addEvidence)
        router.post("/staff/assessments/{id}/units/{code}/exception", use: grantException)
        router.post("/staff/assessments/{id}/units/{code}/checks", use: recordCheck)
        router.post("/staff/assessments/{id}/units/{code}/spot", use: scoreSpot)
        router.get("/staff/assessments/evidence/{id}/file", use: evidenceFile)
        router.get("/staff/assessments/checks/{id}/file", use: checkFile)
    }

    func route(_ context: StaffRequestContext) throws -> (Int, String) {
        guard let id = Int(try context.pathParameter("id")) else { throw HTTPError(.notFound) }
        return (id, try context.pathParameter("code").uppercased())
    }

    @Sendable func show(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let (id, code) = try route(context)
        return try await render(id, code: code, context: context, notice: Notice.from(request))
    }

    func render(
        _ id: Int, code: String, context: StaffRequestContext, values: [String: String] = [:], notice: String? = nil, error: DomainError? = nil
    )
        async throws -> Response
    {
        let staff = context.staff
        let view = try await assessments.unitView(id, unit: code, visibleTo: staff.identity)
        let tree = try await self.unitQueries.tree()
        let campaign = view.campaign
        let today = self.today
        let isUnitStaff = staff.identity.canHandle(unit: code, in: tree)
        let windowOpen = (try? campaign.checkSelfWindow(today: today, exceptionUntil: view.exception?.until)) != nil
        let canEditSelf = isUnitStaff && windowOpen && view.entry.selfSubmittedOn == nil
        let canSpot = (staff.role == .assessor || staff.role == .office) && view.entry.drawn && campaign.approvedOn == nil
        let differences = view.differences
        let rows = view.scheme.scheme.flattened.map { item -> Page.Row in
            let indicator = item.indicator
            let selfLine = view.selfScore.line(indicator.id)
            let spotLine = view.spotScore?.line(indicator.id)
            let metric = indicator.rule?.metric.flatMap { AssessmentMetric(rawValue: $0) }
            let input = indicator.rule.map(FactForm.input) ?? (isChoice: false, unit: "", max: "")
            let spotFact = view.entry.spotFacts?[indicator.id] ?? view.selfFacts[indicator.id]
            let selfValue = values["fact.\(indicator.id)"] ?? FactForm.value(view.entry.selfFacts[indicator.id])
            let spotValue = values["fact.\(indicator.id)"] ?? FactForm.value(spotFact)
            return Page.Row(
                id: indicator.id, name: indicator.name, level: item.level, isLeaf: indicator.isLeaf, points: "\(indicator.points)",
                rule: indicator.rule?.summary, note: indicator.note.isEmpty ? nil : indicator.note, metric: metric?.label,
                metricValue: metric.flatMap { view.metrics[$0]?.fact.text }, metricEvidence: metric.flatMap { view.metrics[$0]?.evidence } ?? [],
                selfScore: selfLine.map { "\($0.score)" } ?? "", selfFact: view.selfFacts[indicator.id]?.text,
                selfDeductions: selfLine?.deductions.map(\.reason) ?? [], unscored: selfLine?.unscored ?? false,
                spotScore: spotLine.map { "\($0.score)" }, spotDeductions: spotLine?.deductions.map(\.reason) ?? [],
                differs: differences.contains(indicator.id), field: "fact.\(indicator.id)",
                selfValue: selfValue, spotValue: spotValue, isChoice: input.isChoice, selfYes: selfValue == "yes", selfNo: selfValue == "no",
                spotYes: spotValue == "yes", spotNo: spotValue == "no", unit: input.unit, max: input.max,
                acceptsText: indicator.rule?.isBonus == true,
                selfEditable: indicator.isLeaf && metric == nil,
                evidence: view.evidence.filter { $0.indicatorID == indicator.id }.map {
                    Page.EvidenceRow(
                        id: $0.id, stage: $0.stage, note: $0.note, fileName: $0.file?.name, by: $0.addedBy, on: $0.addedOn.description,
                        underException: $0.underException)
                })
        }
        let daysLeft = campaign.selfDue.dayNumber - today.dayNumber
        let page = Page(
            campaignID: id, campaignTitle: campaign.title, year: campaign.year, unitCode: code, unitName: view.unit.name,
            unitKind: view.unit.kind.label,
            selfDue: campaign.selfDue.chineseText,
            deadlineNote: view.entry.selfSubmittedOn != nil ? "已提交" : (daysLeft >= 0 ? "还有 \(daysLeft) 天" : "已过期 \(-daysLeft) 天"),
            late: view.entry.selfSubmittedOn == nil && daysLeft < 0,
            exception: view.exception.map { "政务公开办已登记例外：\($0.until.chineseText) 前可补交（\($0.reason)）" },
            submitted: view.entry.selfSubmittedOn.map { "\($0.chineseText) 由 \(view.entry.selfSubmittedBy ?? "") 提交" },
            defaulted: view.entry.defaulted,
            drawReason: view.entry.drawn ? view.entry.drawReason : nil, selfTotal: "\(view.selfScore.total)", selfGrade: view.selfScore.grade,
            spotTotal: view.spotScore.map { "\($0.total)" }, spotGrade: view.spotScore?.grade,
            spotBy: view.entry.spotScoredOn.map { "\($0.chineseText) 由 \(view.entry.spotScoredBy ?? "") 评定" },
            spotNotes: view.entry.spotNotes.isEmpty ? nil : view.entry.spotNotes, differences: differences.isEmpty ? nil : differences.count,
            rows: rows,
            leaves: view.scheme.scheme.leaves.map {
                SelectOption(value: $0.id, label: "\($0.id) \($0.name)", selected: $0.id == values["indicator"])
            },
            checks: view.checks.map {
                Page.CheckRow(
                    id: $0.id, method: $0.record.method.rawValue, heldOn: $0.record.heldOn.description,
                    participants: $0.record.participants.map { "\($0) 人" },
                    composition: $0.record.composition.isEmpty ? nil : $0.record.composition, notes: $0.record.notes, fileName: $0.file?.name)
            },
            methods: SpotCheckMethod.allCases.map { SelectOption(value: $0.rawValue, label: $0.rawValue, selected: $0.rawValue == values["method"]) },
            forumRule: view.unit.kind == .township ? "乡镇座谈会 10 至 15 人" : "县直单位座谈会 6 至 8 人",
            report: values["report"] ?? view.entry.selfReport, canEditSelf: canEditSelf,
            canGrantException: staff.role == .office && campaign.approvedOn == nil && view.entry.selfSubmittedOn == nil, canSpot: canSpot,
            today: today.description, values: values)
        return renderer.render(
            "Assessment/unit", title: "\(view.unit.name)：\(campaign.title)", page: page, context: context, status: error?.kind.httpStatus ?? .ok,
            notice: notice, error: error?.message)
    }

    /// The facts a stage used, as a facts file `disclosure assessment score` takes.
    @Sendable func facts(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        let (id, code) = try route(context)
        let view = try await assessments.unitView(id, unit: code, visibleTo: staff.identity)
        let stage = request.uri.queryParameters.get("stage") ?? "self"
        guard stage == "self" || stage == "spot" else { throw DomainError.invalid("stage", "stage 应为 self 或 spot") }
        guard let facts = stage == "self" ? view.selfFacts : view.entry.spotFacts else { throw DomainError(.notFound, field: "stage", "该单位尚无抽评打分") }
        return downloadResponse(
            [UInt8](facts.json()), type: "application/json; charset=utf-8", name: "\(code)-\(view.campaign.year)-\(stage).json",
            fallback: "facts.json")
    }

    func act(
        _ request: Request, context: StaffRequestContext, multipart: Bool = false,
        _ body: (Int, String, FormData, MultipartForm.File?, StaffIdentity) async throws -> Void
    )
        async throws -> Response
    {
        let staff = context.staff
        let (id, code) = try route(context)
        let (form, upload) = multipart ? try await MultipartForm.fieldsAndFile(request, field: "file") : (try await FormData.read(request), nil)
        do {
            try await body(id, code, form, upload, staff.identity)
            return redirect(to: "/staff/assessments/\(id)/units/\(code)?notice=saved")
        } catch let error as DomainError {
            return try await render(id, code: code, context: context, values: form.values, error: error)
        }
    }

    @Sendable func saveSelf(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await act(request, context: context) { id, code, form, _, staff in
            let campaign = try await assessments.campaign(id)
            let scheme = try await assessments.scheme(campaign.schemeID).scheme
            let editable = Set(scheme.leaves.filter { $0.rule?.metric == nil }.map(\.id))
            let facts = try FactForm.parse(form, scheme: scheme, only: editable)
            try await assessments.saveSelf(id, unit: code, facts: facts, report: form.values["report"] ?? "", by: staff)
            if form.text("action") == "submit" { try await assessments.submitSelf(id, unit: code, by: staff) }
        }
    }

    @Sendable func addEvidence(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await act(request, context: context, multipart: true) { id, code, form, upload, staff in
            _ = try await assessments.addEvidence(
                id, unit: code, indicator: form.text("indicator"), note: form.values["note"] ?? "", file: upload.map { ($0.fileName, $0.bytes) },
                store: self.files, by: staff)
        }
    }

    @Sendable func grantException(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await act(request, context: context) { id, code, form, _, staff in
            guard let until = CivilDate(iso: form.text("until")) else { throw DomainError.invalid("until", "例外截止日期应为 YYYY-MM-DD") }
            try await assessments.grantException(id, unit: code, until: until, reason: form.text("reason"), by: staff)
        }
    }

    @Sendable func recordCheck(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await act(request, context: context, multipart: true) { id, code, form, upload, staff in
            guard let method = SpotCheckMethod(text: form.text("method")) else { throw DomainError.invalid("method", "请选择抽评方式") }
            guard let heldOn = CivilDate(iso: form.text("heldOn")) else { throw DomainError.invalid("heldOn", "日期应为 YYYY-MM-DD") }
            let count = form.text("participants")
            guard count.isEmpty || Int(count) != nil else { throw DomainError.invalid("participants", "参加人数请填写整数") }
            _ = try await assessments.recordCheck(
                id, unit: code,
                record: SpotCheckRecord(
                    method: method, heldOn: heldOn, participants: Int(count), composition: form.values["composition"] ?? "",
                    notes: form.values["notes"] ?? ""),
                file: upload.map { ($0.fileName, $0.bytes) }, store: self.files, by: staff)
        }
    }

    @Sendable func scoreSpot(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await act(request, context: context) { id, code, form, _, staff in
            let campaign = try await assessments.campaign(id)
            let scheme = try await assessments.scheme(campaign.schemeID).scheme
            _ = try await assessments.scoreSpot(
                id, unit: code, facts: try FactForm.parse(form, scheme: scheme), notes: form.values["notes"] ?? "", by: staff)
        }
    }

    @Sendable func evidenceFile(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await file(context) { try await self.assessmentQueries.evidenceFile($0) }
    }

    @Sendable func checkFile(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await file(context) { try await self.assessmentQueries.checkFile($0) }
    }

    func file(_ context: StaffRequestContext, _ find: (Int) async throws -> (campaign: Int, unit: String, file: StoredFile)?) async throws -> Response
    {
        let staff = context.staff
        guard let id = Int(try context.pathParameter("id")), let found = try await find(id) else { throw HTTPError(.notFound) }
        let tree = try await self.unitQueries.tree()
        guard staff.identity.canSee(unit: found.unit, in: tree) else { throw HTTPError(.notFound) }
        return try storedFileResponse(found.file, files: self.files)
    }
}

extension StaffAssessmentUnitController: ClockReading {}
