import DisclosureCore
import Foundation

/// One action's form on the case page: which fields it asks for, so a clerk sees exactly what
/// the step records. The same field names are read back by `input(from:)`.
struct RequestActionForm: Sendable {
    struct Field: Sendable {
        let name: String
        let label: String
        let value: String
        let options: [SelectOption]
        // Stored flags, not computed ones: templates read values by reflection.
        let isDate: Bool
        let isText: Bool
        let isTextarea: Bool
        let isNumber: Bool
        let isSelect: Bool

        init(name: String, label: String, kind: String, value: String, options: [SelectOption]) {
            self.name = name
            self.label = label
            self.value = value
            self.options = options
            isDate = kind == "date"
            isText = kind == "text"
            isTextarea = kind == "textarea"
            isNumber = kind == "number"
            isSelect = kind == "select"
        }
    }

    let action: String
    let label: String
    let href: String
    let fields: [Field]
    /// The step the case's state makes likely: listed first and open (issue 22 §2).
    let isLikely: Bool
    /// The letter this step sends, as it will read (the reviewer approves what the applicant gets).
    var preview: [String] = []
    var hasPreview = false

    /// The same form showing the letter it will send.
    func previewing(_ letter: String) -> RequestActionForm {
        var form = self
        form.preview = PlainText.paragraphs(letter)
        form.hasPreview = !form.preview.isEmpty
        return form
    }

    /// The step a case in `state` usually takes next.
    static func likely(for state: RequestState) -> RequestAction? {
        switch state {
        case .pendingConfirmation: .confirm
        case .accepted: .draftReply
        case .awaitingCorrection: .receiveCorrection
        case .consulting: .recordOpinion
        case .awaitingFee: .recordPayment
        case .drafting: .submitReply
        case .pendingReview: .approveReply
        case .answered: .archive
        case .archived: nil
        }
    }

    static func forms(for request: InformationRequest, role: Role, units: [OrgUnit], today: CivilDate) -> [RequestActionForm] {
        let likely = likely(for: request.state)
        let allowed = RequestAction.allCases.filter { $0.from.contains(request.state) && $0.allowed(for: role) }
        // The likely step first, the others in workflow order.
        let ordered = allowed.filter { $0 == likely } + allowed.filter { $0 != likely }
        return ordered.map { action in
            RequestActionForm(
                action: action.rawValue, label: action.label, href: "/staff/requests/\(request.id)/actions/\(action.rawValue)",
                fields: fields(action, request: request, units: units, today: today), isLikely: action == likely)
        }
    }

    static func fields(_ action: RequestAction, request: InformationRequest, units: [OrgUnit], today: CivilDate) -> [Field] {
        let on = Field(name: "on", label: dateLabel(action), kind: "date", value: today.description, options: [])
        func text(_ name: String, _ label: String, _ kind: String = "text") -> Field {
            Field(name: name, label: label, kind: kind, value: "", options: [])
        }
        func select(_ name: String, _ label: String, _ options: [(String, String)], selected: String? = nil) -> Field {
            Field(
                name: name, label: label, kind: "select", value: "",
                options: options.map { SelectOption(value: $0.0, label: $0.1, selected: $0.0 == selected) })
        }
        switch action {
        case .confirm, .receiveCorrection, .recordPayment, .approveReply: return [on]
        case .requestCorrection: return [on, text("note", "需要补正的事项（一次性告知全部事项）", "textarea"), text("deadline", "补正期限（不填则按办公室设定的工作日数）", "date")]
        case .consult:
            return [
                on,
                select(
                    "consultationKind", "征求对象类型", RequestTimeline.Consultation.Kind.allCases.map { ($0.rawValue, "\($0.rawValue)（\($0.article)）") }),
                text("party", "征求意见对象名称"),
            ]
        case .recordOpinion: return [on, select("party", "意见来自", request.openConsultations.map { ($0, $0) }), text("note", "意见摘要", "textarea")]
        case .issueFeeNotice:
            return [
                on, select("feeMethod", "计费方式（按件、按量只能选其一）", FeeMethod.allCases.map { ($0.rawValue, $0.rawValue) }),
                text("pages", "页数（按量计费时填写，A4）", "number"),
            ]
        case .extend: return [on, text("days", "延长工作日数（最多 20）", "number"), text("note", "延期理由", "textarea")]
        case .setCustomDeadline: return [text("deadline", "另行确定的答复期限", "date"), text("note", "理由（条例第三十五条）", "textarea")]
        case .draftReply:
            let outcomes = RequestOutcome.allCases.filter { !$0.isAutomatic }.map {
                ($0.rawValue, "\($0.group) \($0 == .disclosed || $0 == .partlyDisclosed ? "" : $0.label)")
            }
            return [
                select("outcome", "答复类型（即年度报告表三的行）", outcomes, selected: request.outcome?.rawValue),
                Field(name: "replyText", label: "答复内容", kind: "textarea", value: request.replyText, options: []),
            ]
        case .returnReply: return [text("note", "修改意见", "textarea")]
        case .reassign:
            return [
                select("unitCode", "转交至", units.filter { $0.code != request.application.unitCode }.map { ($0.code, $0.name) }),
                text("note", "转交理由", "textarea"),
            ]
        case .submitReply, .closeLapsed, .archive: return []
        }
    }

    static func dateLabel(_ action: RequestAction) -> String {
        switch action {
        case .confirm: "收到申请之日（双方确认之日）"
        case .receiveCorrection: "收到补正之日"
        case .recordPayment: "缴费之日"
        case .approveReply: "答复日期"
        case .recordOpinion: "收到意见之日"
        case .extend: "批准日期"
        default: "发出日期"
        }
    }

    /// Reads an action form (or the JSON API's equivalent fields) into the service's input.
    static func input(from values: [String: String]) throws -> RequestActionInput {
        func text(_ key: String) -> String { (values[key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        func date(_ key: String, _ name: String) throws -> CivilDate? {
            let raw = text(key)
            guard !raw.isEmpty else { return nil }
            guard let date = CivilDate(iso: raw) else { throw DomainError.invalid(key, "\(name)应为 YYYY-MM-DD 格式的日期") }
            return date
        }
        func number(_ key: String, _ name: String) throws -> Int? {
            let raw = text(key)
            guard !raw.isEmpty else { return nil }
            guard let value = Int(raw) else { throw DomainError.invalid(key, "\(name)应为整数") }
            return value
        }
        var input = RequestActionInput(
            on: try date("on", "日期"), deadline: try date("deadline", "期限"), days: try number("days", "延长天数"), party: text("party"),
            note: values["note"] ?? "", replyText: values["replyText"] ?? "", pages: try number("pages", "页数"), unitCode: text("unitCode"))
        if !text("consultationKind").isEmpty {
            guard let kind = RequestTimeline.Consultation.Kind(rawValue: text("consultationKind")) else {
                throw DomainError.invalid("consultationKind", "征求对象类型应为「第三方」或「其他机关」")
            }
            input.consultationKind = kind
        }
        if !text("outcome").isEmpty {
            guard let outcome = RequestOutcome(text: text("outcome")) else { throw DomainError.invalid("outcome", "答复类型无效：应为年度报告表三的行号，如 r3.1") }
            input.outcome = outcome
        }
        if !text("feeMethod").isEmpty {
            guard let method = FeeMethod(rawValue: text("feeMethod")) else { throw DomainError.invalid("feeMethod", "计费方式应为「按件」或「按量」") }
            input.feeMethod = method
        }
        return input
    }
}
