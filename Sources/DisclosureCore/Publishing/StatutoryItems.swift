/// 条例 第二十条: the fifteen items every agency must disclose proactively, used to build the
/// portal's 「法定主动公开内容」 page and to tag catalog entries.
public enum StatutoryItem: Int, CaseIterable, Sendable, Codable {
    case regulations = 1, organization, plans, statistics, licensing, penalties, budgets, fees, procurement
    case majorProjects, livelihood, emergencies, inspections, civilServiceRecruitment, otherRequired

    public var numeral: String {
        ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"][rawValue - 1]
    }

    public var title: String {
        switch self {
        case .regulations: "行政法规、规章和规范性文件"
        case .organization: "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名"
        case .plans: "国民经济和社会发展规划、专项规划、区域规划及相关政策"
        case .statistics: "国民经济和社会发展统计信息"
        case .licensing: "办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果"
        case .penalties: "实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定"
        case .budgets: "财政预算、决算信息"
        case .fees: "行政事业性收费项目及其依据、标准"
        case .procurement: "政府集中采购项目的目录、标准及实施情况"
        case .majorProjects: "重大建设项目的批准和实施情况"
        case .livelihood: "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况"
        case .emergencies: "突发公共事件的应急预案、预警信息及应对情况"
        case .inspections: "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况"
        case .civilServiceRecruitment: "公务员招考的职位、名额、报考条件等事项以及录用结果"
        case .otherRequired: "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息"
        }
    }

    /// 「（七）财政预算、决算信息」 as the 条例 prints it.
    public var label: String { "（\(numeral)）\(title)" }
}

/// The 26 试点领域 of the 基层政务公开 standard guidelines (statutes §4.3; the list is ◐, names as
/// county catalogs use them). A catalog may also use a domain outside this list.
public enum StandardDomains {
    public static let all = [
        "城乡规划", "重大建设项目", "公共资源交易", "财政预决算", "安全生产", "税收管理", "征地补偿", "国有土地上房屋征收与补偿",
        "生态环境", "公共文化服务", "公共法律服务", "乡村振兴", "保障性住房", "救灾", "社会救助", "养老服务", "户籍管理", "涉农补贴",
        "就业", "社会保险", "义务教育", "卫生健康", "食品药品监管", "城市综合执法", "农村危房改造", "市政服务",
    ]
}
