import DisclosureCore
import DisclosureStore

/// The clerk's case view: the deadline and its line-by-line explanation first, then the
/// application, the actions the account may take, the letters and the appeals.
struct RequestCasePage: Sendable {
    struct Step: Sendable {
        let event: String
        let dates: String
        let treatment: String
        let counted: String
        let remaining: Int
    }

    struct Letter: Sendable {
        let id: Int
        let number: String
        let title: String
        let issuedOn: String
        let delivery: String
        let needsDelivery: Bool
        /// The e-mail to the applicant, when they chose 电子邮件 (issue 24): sent, waiting or failed with the reason.
        var mail: String?
        var mailFailed = false
    }

    /// Puts each letter's e-mail beside it (the newest message per letter).
    mutating func attachMail(_ deliveries: [Delivery]) {
        letters = letters.map { letter in
            var letter = letter
            guard let delivery = deliveries.first(where: { $0.message.letterID == letter.id }) else { return letter }
            switch delivery.status {
            case .sent: letter.mail = "已发送至申请人邮箱（\(delivery.sentAt.map { CivilDateTime(instant: $0).text } ?? "")）"
            case .queued where delivery.lastError != nil:
                letter.mail = "邮件未发出，将于 \(CivilDateTime(instant: delivery.nextAttemptAt).text) 重试：\(delivery.lastError ?? "")"
            case .queued, .sending: letter.mail = "邮件等待发送"
            case .failed:
                letter.mail = "邮件发送失败：\(delivery.lastError ?? "")。请在「消息发送」中重新发送，或改用其他方式送达并登记。"
                letter.mailFailed = true
            }
            return letter
        }
    }

    /// A file the reply releases to the applicant.
    struct File: Sendable {
        let id: Int
        let name: String
        let size: String
        let addedBy: String
        /// 「遮盖后的文件」 or 「原件，不提供给申请人」 (部分公开).
        let note: String?
        /// A PDF original the clerk may still redact.
        let canRedact: Bool
    }

    struct AppealRow: Sendable {
        let id: Int
        let kind: String
        let filedOn: String
        let authority: String
        let result: String
        let decidedOn: String
        let isPending: Bool
    }

    struct Event: Sendable {
        let on: String
        let label: String
        let text: String
        let actor: String
        /// 「逾期告知」 and the like: the step came after its time and moved nothing (issue 18).
        let lateLabel: String?
    }

    let id: Int
    let reference: String
    let state: String
    let unitName: String
    let due: String
    let severity: String
    let internalTarget: String
    let correctionNoticeDue: String
    let steps: [Step]
    let unconfirmed: String
    let hasUnconfirmed: Bool
    let applicant: RequestView.Applicant
    let channel: String
    let submittedAt: String
    let receivedOn: String
    let sought: String
    let docNumber: String?
    let description: [String]
    let requestedForm: String
    let delivery: String
    let outcome: String
    let replyText: [String]
    let events: [Event]
    let actions: [RequestActionForm]
    var letters: [Letter]
    let files: [File]
    /// The handling unit's staff may add or remove reply files while the case is open.
    let canChangeFiles: Bool
    let appeals: [AppealRow]
    let canRecordAppeal: Bool
    let appealKinds: [SelectOption]
    let appealResults: [SelectOption]
    let deliveries: [SelectOption]
    let today: String
    /// Personal data in the released files still to confirm before approval (issue 23 §3).
    var privacyQuestions: [PrivacyQuestion] = []
    var hasPrivacyQuestions = false
    let privacyScope = "files"
    /// 依申请转主动 (条例 第四十四条), set by the controller.
    var publication: RequestPublicationSection?
    var published: RequestPublishedSection?
    var repeats: RequestRepeatSection?
    // Stored, not computed: templates read values by reflection.
    let hasSteps: Bool
    let hasActions: Bool

    init(
        _ request: InformationRequest, clock: RequestClock?, staff: StaffIdentity, unitNames: [String: String], units: [OrgUnit],
        letters: [IssuedLetter],
        appeals: [Appeal], files: [RequestFile] = [], replyPreview: String? = nil, people: PeopleNames? = nil, today: CivilDate
    ) {
        let application = request.application
        id = request.id
        reference = request.reference
        state = request.state.label
        unitName = unitNames[application.unitCode] ?? application.unitCode
        due = RequestView.dueText(clock, state: request.state)
        severity = RequestView.severity(clock)
        internalTarget = clock?.internalTarget?.description ?? "—"
        correctionNoticeDue = clock?.correctionNoticeDue.description ?? "—"
        steps = (clock?.steps ?? []).map {
            Step(
                event: $0.event, dates: $0.dates, treatment: $0.treatment, counted: $0.counted > 0 ? String($0.counted) : "", remaining: $0.remaining)
        }
        unconfirmed = (clock?.unconfirmedYears ?? []).map { "\($0)年" }.joined(separator: "、")
        hasUnconfirmed = !(clock?.unconfirmedYears ?? []).isEmpty
        self.applicant = RequestView.Applicant(application, unmasked: RequestService.handles(request, staff))
        channel = application.channel.rawValue
        submittedAt = CivilDate(instant: request.submittedAt).description
        receivedOn = request.receivedOn?.description ?? "待确认"
        sought = application.infoTitle
        docNumber = application.infoDocNumber.isEmpty ? nil : application.infoDocNumber
        description = PlainText.paragraphs(application.infoDescription)
        requestedForm = application.requestedForm.rawValue
        delivery = application.delivery.rawValue
        outcome = request.outcome.map { "\($0.group) \($0.label == $0.group ? "" : $0.label)" } ?? "—"
        replyText = PlainText.paragraphs(request.replyText)
        func person(_ name: String) -> String { people?.actor(name) ?? name }
        // 办理记录 is the whole history (issue 22 §4): the submission, the confirmation of receipt and
        // each letter as well as the dated events, oldest first.
        var history: [(on: CivilDate, order: Int, event: Event)] = []
        let submitted = CivilDate(instant: request.submittedAt)
        history.append(
            (
                submitted, 0,
                Event(on: submitted.description, label: "提交申请", text: application.channel.rawValue, actor: person(request.createdBy), lateLabel: nil)
            ))
        if let received = request.receivedOn {
            history.append(
                (received, 1, Event(on: received.description, label: "确认收到申请", text: application.channel.receiptRule, actor: "", lateLabel: nil)))
        }
        for (index, event) in request.events.enumerated() {
            var text = [event.party, event.detail].filter { !$0.isEmpty }.joined(separator: "：")
            if let until = event.until { text += "（期限 \(until)）" }
            if let days = event.days { text += event.kind == .feeNoticeIssued ? "（\(days) 元）" : "（\(days) 个工作日）" }
            let lateKind: LateAction.Kind? =
                switch event.kind {
                case .correctionRequested: .correctionNotice
                case .consultationSent: .consultation
                case .feeNoticeIssued: .feeNotice
                case .extended: .extensionGranted
                case .customDeadline: .customDeadline
                default: nil
                }
            let day = event.on
            let late = clock?.lateActions.first { $0.kind == lateKind && $0.on == day }
            history.append(
                (
                    event.on, 10 + index,
                    Event(on: event.on.description, label: event.kind.label, text: text, actor: person(event.actor), lateLabel: late?.label)
                ))
        }
        for letter in letters {
            history.append(
                (
                    letter.issuedOn, 5_000 + letter.id,
                    Event(on: letter.issuedOn.description, label: "发出\(letter.title)", text: letter.number, actor: "", lateLabel: nil)
                ))
        }
        events = history.sorted { ($0.on, $0.order) < ($1.on, $1.order) }.map(\.event)
        actions = RequestActionForm.forms(for: request, role: staff.role, units: units, today: today).map { form in
            guard form.action == RequestAction.approveReply.rawValue, let replyPreview else { return form }
            return form.previewing(replyPreview)
        }
        self.letters = letters.map { letter in
            Letter(
                id: letter.id, number: letter.number, title: letter.title, issuedOn: letter.issuedOn.description,
                delivery: letter.delivery.map { "\($0.rawValue) \(letter.deliveredOn?.description ?? "") \(letter.trackingNumber ?? "")" } ?? "未登记送达",
                needsDelivery: letter.delivery == nil)
        }
        canChangeFiles = request.state.isOpen && RequestService.handles(request, staff)
        let open = canChangeFiles
        self.files = files.map { file in
            let note: String? =
                file.sourceFileID != nil ? "遮盖后的文件，提供给申请人" : file.withheld ? "原件，已遮盖，不提供给申请人" : nil
            return File(
                id: file.id, name: file.fileName, size: FileSizeText.text(file.size) + (file.pages.map { "，\($0) 页" } ?? ""), addedBy: file.addedBy,
                note: note,
                canRedact: open && ["application/pdf", AttachmentKind.docx.mediaType, "image/png", "image/jpeg"].contains(file.mediaType)
                    && file.sourceFileID == nil
                    && !file.withheld)
        }
        self.appeals = appeals.map {
            AppealRow(
                id: $0.id, kind: $0.kind.rawValue, filedOn: $0.filedOn.description, authority: $0.authority, result: $0.result.rawValue,
                decidedOn: $0.decidedOn?.description ?? "", isPending: $0.result == .pending)
        }
        canRecordAppeal = staff.role == .office || RequestService.handles(request, staff)
        appealKinds = AppealKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.rawValue, selected: false) }
        appealResults = AppealResult.allCases.map { SelectOption(value: $0.rawValue, label: $0.rawValue, selected: $0 == .pending) }
        deliveries = LetterDelivery.allCases.map { SelectOption(value: $0.rawValue, label: $0.rawValue, selected: false) }
        self.today = today.description
        hasSteps = !steps.isEmpty
        hasActions = !actions.isEmpty
    }
}
