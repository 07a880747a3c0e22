/// Where a request is in its handling (issue 4 §4; 条例 第四十五条 登记、审核、办理、答复、归档).
public enum RequestState: String, CaseIterable, Sendable, Codable {
    case pendingConfirmation
    case accepted
    case awaitingCorrection
    case consulting
    case awaitingFee
    case drafting
    case pendingReview
    case answered
    case archived

    public var label: String {
        switch self {
        case .pendingConfirmation: "待确认"
        case .accepted: "已受理"
        case .awaitingCorrection: "补正中"
        case .consulting: "征求意见中"
        case .awaitingFee: "待缴费"
        case .drafting: "拟答复"
        case .pendingReview: "待审核"
        case .answered: "已答复"
        case .archived: "已归档"
        }
    }

    /// Open cases are the ones whose clock runs (or waits); they are carried over at year end.
    public var isOpen: Bool { self != .answered && self != .archived }
    /// States in which the answer clock is suspended or not yet started.
    public var isPaused: Bool { self == .awaitingCorrection || self == .consulting || self == .awaitingFee }
}

/// Every step staff can take on a request: the states it starts from, where it leads and who may
/// take it — the whole workflow in one place.
public enum RequestAction: String, CaseIterable, Sendable, Codable {
    case confirm, requestCorrection, receiveCorrection, consult, recordOpinion, issueFeeNotice, recordPayment
    case extend, setCustomDeadline, draftReply, submitReply, returnReply, approveReply, closeLapsed, archive, reassign

    public var label: String {
        switch self {
        case .confirm: "确认收到申请"
        case .requestCorrection: "一次性告知补正"
        case .receiveCorrection: "收到补正"
        case .consult: "征求意见"
        case .recordOpinion: "登记意见"
        case .issueFeeNotice: "发出收费通知"
        case .recordPayment: "登记缴费"
        case .extend: "批准延期答复"
        case .setCustomDeadline: "另行确定答复期限"
        case .draftReply: "拟定答复"
        case .submitReply: "提交审核"
        case .returnReply: "退回修改"
        case .approveReply: "审核通过并答复"
        case .closeLapsed: "逾期终止"
        case .archive: "归档"
        case .reassign: "转交其他单位"
        }
    }

    public var from: Set<RequestState> {
        switch self {
        case .confirm: [.pendingConfirmation]
        case .requestCorrection: [.accepted]
        case .receiveCorrection: [.awaitingCorrection]
        case .consult: [.accepted, .consulting, .drafting]
        case .recordOpinion: [.consulting]
        case .issueFeeNotice: [.accepted, .drafting]
        case .recordPayment: [.awaitingFee]
        case .extend, .setCustomDeadline: [.accepted, .consulting, .awaitingFee, .drafting, .pendingReview]
        case .draftReply: [.accepted, .drafting]
        case .submitReply: [.drafting]
        case .returnReply, .approveReply: [.pendingReview]
        case .closeLapsed: [.awaitingCorrection, .awaitingFee]
        case .archive: [.answered]
        case .reassign: [.pendingConfirmation, .accepted, .awaitingCorrection, .consulting, .drafting]
        }
    }

    /// The state after the action; nil when it stays where it is (extension, deadline, reassignment,
    /// or an opinion while other consultations are still open).
    public var to: RequestState? {
        switch self {
        case .confirm, .receiveCorrection, .recordOpinion, .recordPayment: .accepted
        case .requestCorrection: .awaitingCorrection
        case .consult: .consulting
        case .issueFeeNotice: .awaitingFee
        case .draftReply, .returnReply: .drafting
        case .submitReply: .pendingReview
        case .approveReply, .closeLapsed: .answered
        case .archive: .archived
        case .extend, .setCustomDeadline, .reassign: nil
        }
    }

    /// Editors and reviewers of the unit handle the case; the head of the 公开工作机构 (the unit's
    /// reviewer) approves extensions (第三十三条), art. 35 deadlines and replies; the office moves a
    /// case to the unit that holds the information.
    public func allowed(for role: Role) -> Bool {
        switch self {
        case .extend, .setCustomDeadline, .returnReply, .approveReply: role == .reviewer
        case .reassign: role == .office
        default: role.isUnitStaff
        }
    }

    public var roleNeeded: String {
        switch self {
        case .extend, .setCustomDeadline, .returnReply, .approveReply: "本单位审核人"
        case .reassign: "政务公开办"
        default: "本单位编辑或审核人"
        }
    }

    public func check(from state: RequestState, role: Role) throws {
        guard allowed(for: role) else { throw DomainError(.forbidden, field: "action", "「\(label)」须由\(roleNeeded)操作") }
        guard from.contains(state) else { throw DomainError(.conflict, field: "action", "申请当前为「\(state.label)」，不能\(label)") }
    }

    public init?(text: String) {
        if let action = RequestAction(rawValue: text) {
            self = action
        } else if let action = RequestAction.allCases.first(where: { $0.label == text }) {
            self = action
        } else {
            return nil
        }
    }
}
