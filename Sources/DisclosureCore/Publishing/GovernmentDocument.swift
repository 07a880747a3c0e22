import Foundation

/// A stored 政府信息 with its lifecycle facts. Due dates and validity are derived, never stored.
public struct GovernmentDocument: Equatable, Sendable {
    public let id: Int
    /// 索引号.
    public let indexNumber: String
    public var draft: DocumentDraft
    public var state: DocumentState
    /// 1 for the first publication; each correction adds one and keeps the earlier text.
    public var version: Int
    public var correctionNotice: String?
    public var publishAt: Date?
    public var publishedOn: CivilDate?
    public var withdrawnReason: String?

    public init(
        id: Int, indexNumber: String, draft: DocumentDraft, state: DocumentState, version: Int = 1, correctionNotice: String? = nil,
        publishAt: Date? = nil, publishedOn: CivilDate? = nil, withdrawnReason: String? = nil
    ) {
        self.id = id
        self.indexNumber = indexNumber
        self.draft = draft
        self.state = state
        self.version = version
        self.correctionNotice = correctionNotice
        self.publishAt = publishAt
        self.publishedOn = publishedOn
        self.withdrawnReason = withdrawnReason
    }

    /// Only 主动公开 + 已发布 documents are ever shown to the public (issue 3 §3).
    public var isPublic: Bool { state == .published && draft.attribute == .proactive }

    /// 有效性 as shown on the portal: only 规范性文件 carry one.
    public func validityStatus(on today: CivilDate) -> ValidityStatus? {
        draft.isNormative ? draft.validity.status(on: today) : nil
    }
}
