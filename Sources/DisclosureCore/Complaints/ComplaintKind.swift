/// What a 投诉举报 about disclosure work alleges (条例 第四十七条第二款, 第五十一条; issue 5 §1).
public enum ComplaintKind: String, CaseIterable, Sendable, Codable {
    case notDisclosed = "应公开未公开"
    case notTimely = "公开不及时"
    case inaccurate = "内容不真实/不全面"
    case improperProcedure = "未按规定程序审批和公开"
    case improperReply = "依申请答复不当"
    case other = "其他"
}

/// How a complaint reached the platform: the portal, or staff entering a hotline call, a letter or a visit.
public enum ComplaintChannel: String, CaseIterable, Sendable, Codable {
    case online = "网上投诉"
    case hotline = "电话"
    case letter = "来信"
    case visit = "来访"
}

/// The finding of the handling unit (issue 5 §1).
public enum ComplaintOutcome: String, CaseIterable, Sendable, Codable {
    case substantiated = "属实"
    case partlySubstantiated = "部分属实"
    case unsubstantiated = "不属实"

    /// A complaint found (partly) true must say what was put right (整改).
    public var needsRectification: Bool { self != .unsubstantiated }
}
