/// Where a complaint is: with the unit, its reply awaiting the unit's reviewer, or closed.
public enum ComplaintState: String, CaseIterable, Sendable, Codable {
    case handling
    case pendingReview
    case closed

    public var label: String {
        switch self {
        case .handling: "办理中"
        case .pendingReview: "答复待审核"
        case .closed: "已办结"
        }
    }
}

/// Every step staff take on a complaint, with where it may start and who may take it. Escalation
/// is not a step: `monitor run` records it when the deadline passes (issue 5 §1).
public enum ComplaintAction: String, CaseIterable, Sendable, Codable {
    case draftReply, returnReply, approveReply, reassign

    public var label: String {
        switch self {
        case .draftReply: "拟写答复并提交审核"
        case .returnReply: "退回修改"
        case .approveReply: "审核通过并答复"
        case .reassign: "转交其他单位"
        }
    }

    public var from: Set<ComplaintState> {
        switch self {
        case .draftReply: [.handling]
        case .returnReply, .approveReply: [.pendingReview]
        case .reassign: [.handling, .pendingReview]
        }
    }

    public var to: ComplaintState {
        switch self {
        case .draftReply: .pendingReview
        case .returnReply, .reassign: .handling
        case .approveReply: .closed
        }
    }

    /// The handling unit's editor or reviewer drafts; only its reviewer approves or returns;
    /// only the office reassigns.
    public func allowed(_ role: Role) -> Bool {
        switch self {
        case .draftReply: role.isUnitStaff
        case .returnReply, .approveReply: role == .reviewer
        case .reassign: role == .office
        }
    }

    /// Refuses the step in the complaint's current state, naming why.
    public func check(_ state: ComplaintState) throws {
        guard from.contains(state) else {
            if state == .closed { throw DomainError(.conflict, field: "state", "该投诉已办结，不能再次答复或修改") }
            throw DomainError(.conflict, field: "state", "投诉当前为「\(state.label)」，不能\(label)")
        }
    }
}
