/// The checks `monitor run` applies to the portal's own columns and records: the machine-checkable
/// website rules of statutes §5.2 (国办秘函〔2019〕19号) plus the platform's own deadlines. Each
/// names its source and what clears it, because a finding nobody can clear is noise.
public enum InspectionRule: String, CaseIterable, Sendable, Codable {
    case staleDynamicColumn, staleNoticeColumn, blankColumn, staleColumnsVeto, blankColumnsVeto, staleHomePage, unansweredMessage
    case overduePublication, overdueRequest, overdueComplaint
    case personalDataPublished

    public var title: String {
        switch self {
        case .staleDynamicColumn: "动态要闻类栏目 2 周未更新"
        case .staleNoticeColumn: "通知公告、政策文件类栏目 6 个月未更新"
        case .blankColumn: "空白栏目"
        case .staleColumnsVeto: "栏目不更新（累计 5 个及以上，单项否决）"
        case .blankColumnsVeto: "空白栏目 5 个及以上（单项否决）"
        case .staleHomePage: "首页 2 周未更新（单项否决）"
        case .unansweredMessage: "留言超过 3 个月未答复（互动回应差，单项否决）"
        case .overduePublication: "主动公开信息超期未公开"
        case .overdueRequest: "依申请公开超期未答复"
        case .overdueComplaint: "投诉举报超期未办结"
        case .personalDataPublished: "已公开信息含未经确认的个人信息"
        }
    }

    public var source: String {
        switch self {
        case .staleDynamicColumn, .staleNoticeColumn, .blankColumn, .staleColumnsVeto, .blankColumnsVeto:
            "《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）单项否决指标“栏目不更新”"
        case .staleHomePage: "《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）单项否决指标“首页不更新”"
        case .unansweredMessage: "《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）单项否决指标“互动回应差”"
        case .overduePublication: "《政府信息公开条例》第二十六条"
        case .overdueRequest: "《政府信息公开条例》第三十三条"
        case .overdueComplaint: "本县投诉举报办理时限（县政务公开办设定）"
        case .personalDataPublished: "《政府信息公开条例》第十五条（公开后会对第三方合法权益造成损害的个人隐私不得公开）"
        }
    }

    public var clears: String {
        switch self {
        case .staleDynamicColumn: "在该栏目发布一条新信息（近 2 周内有更新即消除）"
        case .staleNoticeColumn: "在该栏目发布一条新信息（近 6 个月内有更新即消除）"
        case .blankColumn: "在该栏目发布信息，或从标准目录中撤销该栏目"
        case .staleColumnsVeto: "更新不更新的栏目，使其少于 5 个"
        case .blankColumnsVeto: "充实或撤销空白栏目，使其少于 5 个"
        case .staleHomePage: "在门户发布新信息（近 2 周内有发布即消除）"
        case .unansweredMessage: "答复该留言"
        case .overduePublication: "公开该信息"
        case .overdueRequest: "作出答复"
        case .overdueComplaint: "经审核答复投诉人"
        case .personalDataPublished: "更正该信息并遮盖个人信息，或撤回该信息（每日巡查后消除）"
        }
    }

    /// Whether the finding alone makes the site 不合格 (statutes §5.1: any single veto).
    public var isVeto: Bool {
        switch self {
        case .staleColumnsVeto, .blankColumnsVeto, .staleHomePage, .unansweredMessage: true
        default: false
        }
    }
}
