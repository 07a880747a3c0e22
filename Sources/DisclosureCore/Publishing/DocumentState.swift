/// Where a document is in its publication lifecycle (issue 3 §3).
public enum DocumentState: String, CaseIterable, Sendable, Codable {
    case draft
    case pendingReview
    case approved
    case scheduled
    case published
    case withdrawn

    public var label: String {
        switch self {
        case .draft: "草稿"
        case .pendingReview: "待审核"
        case .approved: "已审核"
        case .scheduled: "待发布"
        case .published: "已发布"
        case .withdrawn: "已撤回"
        }
    }
}

/// What staff can do to a document. Each action names the states it starts from and the role it needs.
public enum DocumentAction: String, CaseIterable, Sendable, Codable {
    case edit, submit, returnToDraft, approve, publish, schedule, withdraw, correct

    public var label: String {
        switch self {
        case .edit: "修改"
        case .submit: "提交审核"
        case .returnToDraft: "退回修改"
        case .approve: "保密审查通过"
        case .publish: "发布"
        case .schedule: "定时发布"
        case .withdraw: "撤回"
        case .correct: "更正"
        }
    }

    /// The states the action may start from.
    public var from: Set<DocumentState> {
        switch self {
        case .edit, .submit: [.draft]
        case .returnToDraft: [.pendingReview, .approved, .scheduled]
        case .approve: [.pendingReview]
        case .publish, .schedule: [.approved, .scheduled]
        case .withdraw, .correct: [.published]
        }
    }

    /// Editors draft and submit; the unit's reviewer signs the 保密审查 (条例 第十七条) and decides
    /// publication, withdrawal and corrections. An editor may not review their own work.
    public func allowed(for role: Role) -> Bool {
        switch self {
        case .edit, .submit: role.isUnitStaff
        case .returnToDraft, .approve, .publish, .schedule, .withdraw, .correct: role == .reviewer
        }
    }

    /// Throws the Chinese message staff see when the action does not fit the document's state.
    public func check(from state: DocumentState, role: Role) throws {
        guard allowed(for: role) else {
            throw DomainError(.forbidden, field: "action", "「\(label)」须由本单位\(self == .edit || self == .submit ? "编辑" : "审核人")操作")
        }
        guard from.contains(state) else {
            throw DomainError(.conflict, field: "action", "文件当前为「\(state.label)」，不能\(label)")
        }
    }
}
