import DisclosureCore
import Foundation
import SQLKit

extension RequestService {
    /// Takes one workflow step (RequestAction) with its dated facts. Every rule of the clock that a
    /// clerk could break by hand is checked here: one 补正, one extension of at most 20 working days
    /// approved by a reviewer before the deadline, no reply without an outcome, no date in the future.
    public func act(_ id: Int, _ action: RequestAction, _ input: RequestActionInput, by staff: StaffIdentity) async throws {
        let now = clock.now()
        let today = CivilDate(instant: now)
        let on = input.on ?? today
        guard on <= today else { throw DomainError.invalid("on", "日期不能晚于今天") }
        let calendar = try await calendar()
        let policy = self.policy
        try await database.change(by: .staff(staff), at: now) { db in
            let requests = RequestRepository(db)
            guard let request = try await requests.find(id) else { throw DomainError(.notFound, field: "id", "申请 \(id) 不存在") }
            if action == .reassign {
                guard staff.role == .office else { throw DomainError(.forbidden, field: "action", "「转交其他单位」须由政务公开办操作") }
            } else {
                try await Self.checkHandles(request.application.unitCode, staff, on: db)
            }
            try action.check(from: request.state, role: staff.role)
            if let received = request.receivedOn, on < received, action != .confirm {
                throw DomainError.invalid("on", "日期不能早于收到申请之日 \(received)")
            }
            let step = Step(request: request, input: input, on: on, today: today, staff: staff, calendar: calendar, policy: policy, db: db, now: now)
            var summary = try await step.run(action, service: self)
            summary["from"] = request.state.rawValue
            summary["on"] = on.description
            return ((), AuditEvent("request.\(action.rawValue)", target: "request:\(id)", summary))
        }
    }

    /// Ends a case whose 补正 or payment deadline has passed (第三十条; 收费办法), as `monitor run` does.
    @discardableResult
    public func closeLapsed(_ id: Int, by actor: AuditActor) async throws -> RequestOutcome? {
        let now = clock.now()
        let today = CivilDate(instant: now)
        let calendar = try await calendar()
        let policy = self.policy
        return try await database.change(by: actor, at: now) { db in
            guard let request = try await RequestRepository(db).find(id), RequestAction.closeLapsed.from.contains(request.state),
                let clock = request.clock(policy: policy, calendar: calendar, today: today), let lapsed = clock.lapsedOutcome
            else { return (nil, AuditEvent("request.closeLapsed.skip", target: "request:\(id)")) }
            // Closed as of the day after the deadline, whenever the monitor notices (issue 18): a
            // lapse on 12-30 belongs to that year's report even if noticed on 01-02.
            let closedOn = min(clock.lapsedOn ?? today, today)
            var closed = request
            closed.outcome = lapsed
            closed.answeredOn = closedOn
            closed.state = .answered
            try await RequestRepository(db).save(closed, at: now)
            return (
                lapsed,
                AuditEvent("request.closeLapsed", target: "request:\(id)", ["outcome": lapsed.rawValue, "closedOn": closedOn.description])
            )
        }
    }
}

/// One action's work inside the transaction; each case returns the audit summary.
struct Step {
    let request: InformationRequest
    let input: RequestActionInput
    let on: CivilDate
    let today: CivilDate
    let staff: StaffIdentity
    let calendar: WorkingDayCalendar
    let policy: ClockPolicy
    let db: any SQLDatabase
    let now: Date

    var requests: RequestRepository { RequestRepository(db) }
    var id: Int { request.id }
    var note: String { PlainText.singleLine(input.note) }

    func event(_ kind: RequestEvent.Kind, until: CivilDate? = nil, days: Int? = nil, party: String = "", detail: String = "") async throws {
        try await requests.append(
            RequestEvent(kind: kind, on: on, until: until, days: days, party: party, detail: detail, actor: staff.username), to: id, at: now)
    }

    /// Moves the request to `state`, with whatever else the step records on it.
    func move(to state: RequestState, _ change: (inout InformationRequest) -> Void = { _ in }) async throws {
        var updated = try await reloaded()
        updated.state = state
        change(&updated)
        try await requests.save(updated, at: now)
    }

    func reloaded() async throws -> InformationRequest { try await requests.find(id)! }

    func requireNote(_ field: String = "note", _ message: String) throws -> String {
        guard !note.isEmpty, note.count <= 2000 else { throw DomainError.invalid(field, message) }
        return note
    }

    func run(_ action: RequestAction, service: RequestService) async throws -> [String: String] {
        switch action {
        case .confirm:
            guard on >= CivilDate(instant: request.submittedAt) else { throw DomainError.invalid("on", "确认日期不能早于提交日期") }
            try await move(to: .accepted) { $0.receivedOn = on }
            try await service.issueLetter(.receipt, for: try await reloaded(), on: on, by: staff.username, db: db, calendar: calendar)
            return ["receivedOn": on.description]
        case .requestCorrection:
            guard !request.events.contains(where: { $0.kind == .correctionRequested }) else {
                throw DomainError(.conflict, field: "action", "补正告知只能发出一次（条例第三十条：一次性告知）")
            }
            let items = try requireNote("note", "请写明需要补正的事项（不超过 2000 字）")
            let deadline = input.deadline ?? calendar.adding(workingDays: policy.correctionWindowDays, to: on).date
            guard deadline > on else { throw DomainError.invalid("deadline", "补正期限应晚于告知之日") }
            try await event(.correctionRequested, until: deadline, detail: items)
            try await move(to: .awaitingCorrection)
            try await service.issueLetter(
                .correction, for: try await reloaded(), on: on, by: staff.username, db: db, calendar: calendar,
                extra: ["补正事项": items, "补正期限": calendar.promise(calendar.workingDay(onOrAfter: deadline), countedFrom: on)])
            let noticeDue = calendar.adding(workingDays: policy.correctionNoticeDays, to: request.receivedOn ?? on).date
            return ["deadline": deadline.description, "late": String(on > noticeDue)]
        case .receiveCorrection:
            // 第三十条: not correcting within the 补正期限 means the application is abandoned; a
            // correction after it cannot revive the case (issue 18). It can be filed as a new one.
            if let lapsedOn = request.clock(policy: policy, calendar: calendar, today: on)?.lapsedOn {
                throw DomainError(
                    .conflict, field: "on",
                    "补正期限已于 \(lapsedOn.adding(days: -1)) 届满，申请已视为放弃（三(六)1）；逾期收到的补正材料请作为新的申请登记")
            }
            // What the applicant corrected, as the clerk notes it (issue 21: a date alone told the
            // reviewer nothing).
            try await event(.correctionReceived, detail: note)
            try await move(to: .accepted)
            return note.isEmpty ? [:] : ["content": note]
        case .consult:
            let party = PlainText.singleLine(input.party)
            guard (1...100).contains(party.count) else { throw DomainError.invalid("party", "请填写征求意见的对象（第三方或其他机关名称）") }
            let kind = input.consultationKind ?? .thirdParty
            try await event(.consultationSent, party: party, detail: kind.rawValue)
            try await move(to: .consulting)
            let window = calendar.adding(workingDays: policy.consultationDays, to: on).date
            try await service.issueLetter(
                .consultation, for: try await reloaded(), on: on, by: staff.username, db: db, calendar: calendar, addressee: party,
                extra: ["征询对象": party, "征询期限": calendar.promise(window, countedFrom: on)])
            return ["kind": kind.rawValue, "window": window.description]
        case .recordOpinion:
            let open = request.openConsultations
            let party = input.party.isEmpty && open.count == 1 ? open[0] : PlainText.singleLine(input.party)
            guard open.contains(party) else { throw DomainError.invalid("party", "没有向「\(party)」发出且尚未答复的征求意见函") }
            try await event(.opinionReceived, party: party, detail: note)
            try await move(to: open.count > 1 ? .consulting : .accepted)
            return [:]
        case .issueFeeNotice:
            return try await issueFee(service: service)
        case .recordPayment:
            // 国办函〔2020〕109号: not paying within the window means the application is withdrawn.
            if let lapsedOn = request.clock(policy: policy, calendar: calendar, today: on)?.lapsedOn {
                throw DomainError(
                    .conflict, field: "on",
                    "缴费期限已于 \(lapsedOn.adding(days: -1)) 届满，申请已视为放弃（三(六)2）；逾期缴费请退回，如申请人坚持，请作为新的申请登记")
            }
            try await event(.feePaid)
            try await move(to: .accepted)
            return [:]
        case .extend:
            guard !request.events.contains(where: { $0.kind == .extended }) else {
                throw DomainError(.conflict, field: "days", "答复期限只能延长一次（条例第三十三条）")
            }
            guard let days = input.days, (1...policy.maximumExtension).contains(days) else {
                throw DomainError.invalid("days", "延长的期限应为 1–\(policy.maximumExtension) 个工作日（条例第三十三条）")
            }
            let reason = try requireNote("note", "请填写延期理由")
            // 条例第三十三条第二款: an extension is decided within the answer period. One approved
            // after the due date is recorded as it happened, labelled late by the clock, and moves
            // nothing (issue 18); no 延期答复告知书 goes out, since it would promise the applicant a
            // date the law does not give.
            if let due = request.clock(policy: policy, calendar: calendar, today: today)?.due, on > due {
                try await event(.extended, days: days, detail: reason)
                return ["days": String(days), "late": "true", "due": due.description]
            }
            try await event(.extended, days: days, detail: reason)
            let extended = try await reloaded()
            let due = extended.clock(policy: policy, calendar: calendar, today: today)?.due
            try await service.issueLetter(
                .extensionNotice, for: extended, on: on, by: staff.username, db: db, calendar: calendar,
                extra: ["延期天数": String(days), "延期理由": reason])
            return ["days": String(days), "due": due?.description ?? ""]
        case .setCustomDeadline:
            guard let deadline = input.deadline, deadline > on else { throw DomainError.invalid("deadline", "请填写晚于今天的答复期限") }
            let reason = try requireNote("note", "请填写另行确定答复期限的理由（条例第三十五条）")
            try await event(.customDeadline, until: deadline, detail: reason)
            return ["deadline": deadline.description]
        case .draftReply:
            guard let outcome = input.outcome else { throw DomainError.invalid("outcome", "请选择答复类型") }
            guard !outcome.isAutomatic else { throw DomainError.invalid("outcome", "「\(outcome.shortLabel)」由逾期终止记录，不能作为答复") }
            let text = PlainText.sanitize(input.replyText)
            guard (1...5000).contains(text.count) else { throw DomainError.invalid("replyText", "请填写答复内容（不超过 5000 字）") }
            try await move(to: .drafting) {
                $0.outcome = outcome
                $0.replyText = text
                $0.draftedBy = staff.username
            }
            return ["outcome": outcome.rawValue]
        case .submitReply:
            guard request.outcome != nil, !request.replyText.isEmpty else { throw DomainError.invalid("outcome", "请先拟定答复类型和答复内容") }
            try await move(to: .pendingReview)
            return [:]
        case .returnReply:
            _ = try requireNote("note", "退回须写明修改意见")
            try await move(to: .drafting)
            return ["note": note]
        case .approveReply:
            guard request.draftedBy != staff.username else { throw DomainError(.forbidden, field: "action", "不能审核自己拟定的答复") }
            guard let outcome = request.outcome else { throw DomainError.invalid("outcome", "答复没有答复类型") }
            // Released files are scanned before they go out (issue 23 §3).
            if let open = try await RequestService.releasedPrivacyFindings(request.id, on: db).first {
                throw DomainError(
                    .conflict, field: "privacy",
                    "\(open.field)中有未核对的个人信息（\(open.label)）：请对该文件作遮盖处理，或在「答复附件」中确认可以提供并写明理由")
            }
            try await move(to: .answered) { $0.answeredOn = on }
            try await service.issueLetter(.reply, for: try await reloaded(), on: on, by: staff.username, db: db, calendar: calendar)
            return ["outcome": outcome.rawValue]
        case .closeLapsed:
            guard let lapsed = request.clock(policy: policy, calendar: calendar, today: today)?.lapsedOutcome else {
                throw DomainError(.conflict, field: "action", "补正或缴费期限尚未届满，不能逾期终止")
            }
            try await move(to: .answered) {
                $0.outcome = lapsed
                $0.answeredOn = today
            }
            return ["outcome": lapsed.rawValue]
        case .archive:
            try await move(to: .archived)
            return [:]
        case .reassign:
            let target = input.unitCode.trimmingCharacters(in: .whitespaces)
            guard let unit = try await UnitRepository(db).find(target), unit.active else { throw DomainError.invalid("unitCode", "单位 \(target) 不存在") }
            guard target != request.application.unitCode else { throw DomainError.invalid("unitCode", "申请已在本单位") }
            _ = try requireNote("note", "请写明转交理由")
            try await event(.reassigned, party: request.application.unitCode, detail: note)
            var moved = try await reloaded()
            moved.application.unitCode = target
            try await requests.save(moved, at: now)
            return ["from": request.application.unitCode, "to": target]
        }
    }

    /// 收费通知 (收费办法 第三至七条): one method, computed with its breakdown, only when it costs something.
    func issueFee(service: RequestService) async throws -> [String: String] {
        guard !request.events.contains(where: { $0.kind == .feeNoticeIssued }) else {
            throw DomainError(.conflict, field: "action", "本申请已发出过收费通知")
        }
        guard let method = input.feeMethod else { throw DomainError.invalid("feeMethod", "请选择计费方式：按件或按量（二者只能选其一）") }
        let fee: FeeBreakdown
        switch method {
        case .perRequest:
            fee = InformationFee.perRequest(ordinal: try await requests.monthlyOrdinal(of: request, scope: policy.feeCountScope))
        case .byVolume:
            guard let pages = input.pages, (1...1_000_000).contains(pages) else { throw DomainError.invalid("pages", "请填写页数（A4 页）") }
            fee = InformationFee.byVolume(pages: pages)
        }
        guard fee.total > 0 else {
            throw DomainError(.conflict, field: "feeMethod", "按\(method == .perRequest ? "件" : "量")计算不收费（\(fee.explanation.joined(separator: "；"))）")
        }
        let payBy = calendar.adding(workingDays: policy.feePaymentDays, to: on).date
        try await event(.feeNoticeIssued, until: payBy, days: fee.total, detail: method.rawValue + "：" + fee.explanation.joined(separator: "；"))
        try await move(to: .awaitingFee)
        try await service.issueLetter(
            .feeNotice, for: try await reloaded(), on: on, by: staff.username, db: db, calendar: calendar,
            extra: ["收费金额": String(fee.total), "收费明细": fee.explanation.joined(separator: "\n"), "缴费期限": calendar.promise(payBy, countedFrom: on)])
        return ["method": method.rawValue, "amount": String(fee.total)]
    }
}
