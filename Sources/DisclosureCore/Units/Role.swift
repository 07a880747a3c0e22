/// Staff roles (DESIGN §1). `public` is not a role of an account: it is the anonymous visitor.
public enum Role: String, CaseIterable, Sendable, Codable {
    /// Drafts documents and handles its unit's cases.
    case editor
    /// 保密审查 sign-off; approves extensions and replies in its unit.
    case reviewer
    /// The 政务公开办: units, users, catalog, calendar; sees every unit.
    case office
    /// Scores assessments.
    case assessor
    /// Read-only everything, including the audit log.
    case auditor

    public var label: String {
        switch self {
        case .editor: "编辑"
        case .reviewer: "审核人"
        case .office: "政务公开办"
        case .assessor: "考核人员"
        case .auditor: "审计人员"
        }
    }

    public init?(text: String) {
        if let role = Role(rawValue: text.lowercased()) {
            self = role
        } else if let role = Role.allCases.first(where: { $0.label == text }) {
            self = role
        } else {
            return nil
        }
    }

    /// Roles that see every unit regardless of the account's own unit.
    public var seesAllUnits: Bool { self == .office || self == .auditor || self == .assessor }

    /// Editors and reviewers work for one unit (and its sub-units): they draft, handle and reply.
    public var isUnitStaff: Bool { self == .editor || self == .reviewer }

    /// Who keeps a unit's own records (work records, the power list): unit staff, and the office
    /// for any unit.
    public var maintainsRecords: Bool { self == .office || isUnitStaff }
}
