/// The sections of the public portal, in navigation order (DESIGN §5).
struct PortalSection: Sendable {
    let path: String
    let title: String
    /// What the section offers, shown on the home page.
    let summary: String
    /// Whether the module behind it is in service yet; closed sections say how to get help instead.
    let isOpen: Bool

    static let all: [PortalSection] = [
        PortalSection(path: "/guide", title: "公开指南", summary: "政府信息公开的分类、编排体系、获取方式和公开工作机构联系方式。", isOpen: true),
        PortalSection(path: "/catalog", title: "公开目录", summary: "按单位、栏目浏览主动公开的政府信息，查看法定主动公开内容。", isOpen: true),
        PortalSection(path: "/search", title: "信息检索", summary: "按标题、正文、文号或索引号检索已公开的政府信息。", isOpen: true),
        PortalSection(path: "/apply", title: "依申请公开", summary: "在线提交政府信息公开申请，并凭查询码查询办理进度。", isOpen: true),
        PortalSection(path: "/track", title: "申请查询", summary: "凭受理编号和查询码查看依申请公开和投诉举报的办理进度与答复。", isOpen: true),
        PortalSection(path: "/complain", title: "投诉举报", summary: "对政务公开工作中的违法违规行为进行投诉举报，凭受理编号查询答复。", isOpen: true),
        PortalSection(path: "/ask", title: "留言咨询", summary: "就政务公开事项留言咨询，答复公开发布。", isOpen: true),
        PortalSection(path: "/powers", title: "权责清单", summary: "各单位行政权力清单、办事指南和运行流程图。", isOpen: true),
        PortalSection(path: "/reports", title: "年度报告", summary: "各单位政府信息公开工作年度报告，按官方格式列明主动公开、依申请公开和复议诉讼数据。", isOpen: true),
        PortalSection(path: "/assessments", title: "考核结果", summary: "全县政务公开工作年度考核结果、等次和通报。", isOpen: true),
    ]
}
