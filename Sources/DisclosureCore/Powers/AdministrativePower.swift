/// A power as listed: its facts, where it stands, its flow and its guide. `version` counts every
/// change; each change is kept with its reason in the power's history.
public struct AdministrativePower: Equatable, Sendable {
    public let id: Int
    public var draft: PowerDraft
    public var status: PowerStatus
    /// The day the status took effect (the day a cleared power was 取消).
    public var statusSince: CivilDate
    public var version: Int
    public var workflow: Workflow
    public var guide: ServiceGuide?
    /// The day the 办事指南 was published; nil while it is a draft or absent.
    public var guidePublishedOn: CivilDate?

    public init(
        id: Int, draft: PowerDraft, status: PowerStatus = .active, statusSince: CivilDate, version: Int = 1, workflow: Workflow = Workflow(),
        guide: ServiceGuide? = nil, guidePublishedOn: CivilDate? = nil
    ) {
        self.id = id
        self.draft = draft
        self.status = status
        self.statusSince = statusSince
        self.version = version
        self.workflow = workflow
        self.guide = guide
        self.guidePublishedOn = guidePublishedOn
    }

    public var hasPublishedGuide: Bool { guide != nil && guidePublishedOn != nil }

    /// What the guide still lacks before it may be published (all of it when there is none).
    public var missingGuideElements: [GuideElement] {
        (guide ?? ServiceGuide()).missing(for: draft, workflow: workflow)
    }
}

/// The kinds of change kept in a power's history.
public enum PowerChange: String, CaseIterable, Sendable, Codable {
    case created, edited, status, workflow, guide, guidePublished, guideWithdrawn, imported

    public var label: String {
        switch self {
        case .created: "新增"
        case .edited: "修改"
        case .status: "状态变更"
        case .workflow: "修改办理流程"
        case .guide: "修改办事指南"
        case .guidePublished: "发布办事指南"
        case .guideWithdrawn: "撤回办事指南"
        case .imported: "导入更新"
        }
    }
}

/// One line of a power's history: what changed, why, by whom and when it took effect.
public struct PowerVersion: Equatable, Sendable {
    public let version: Int
    public let change: PowerChange
    public let reason: String
    public let status: PowerStatus
    public let effectiveOn: CivilDate
    public let changedBy: String

    public init(version: Int, change: PowerChange, reason: String, status: PowerStatus, effectiveOn: CivilDate, changedBy: String) {
        self.version = version
        self.change = change
        self.reason = reason
        self.status = status
        self.effectiveOn = effectiveOn
        self.changedBy = changedBy
    }

    /// Every change after the first needs a reason (issue 6 §1: version history with the reason for each change).
    public static func reason(_ text: String) throws -> String {
        try FieldText.line(text, field: "reason", label: "变更原因", limit: 200)
    }
}
