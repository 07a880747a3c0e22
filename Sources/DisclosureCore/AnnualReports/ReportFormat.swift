/// Which official format a year's report uses (statutes §2.1): the 试行 format of
/// 国办公开办函〔2019〕60号 for the 2019 and 2020 reports, the revised format of
/// 国办公开办函〔2021〕30号 from the 2021 reports on.
public enum ReportFormat: String, CaseIterable, Sendable, Codable {
    case trial2019 = "2019"
    case revised2021 = "2021"

    public static func `for`(year: Int) -> ReportFormat { year <= 2020 ? .trial2019 : .revised2021 }

    /// The 2019 条例 took effect on 2019-05-15; no report in these formats predates it.
    public static let firstYear = 2019

    public var title: String {
        switch self {
        case .trial2019: "中华人民共和国政府信息公开工作年度报告格式（试行）（国办公开办函〔2019〕60号）"
        case .revised2021: "中华人民共和国政府信息公开工作年度报告格式（国办公开办函〔2021〕30号）"
        }
    }
}

/// The report's six sections (statutes §2.2), with the 2021 wording.
public enum ReportSection: String, CaseIterable, Sendable {
    case overview = "一、总体情况"
    case active = "二、主动公开政府信息情况"
    case requests = "三、收到和处理政府信息公开申请情况"
    case appeals = "四、政府信息公开行政复议、行政诉讼情况"
    case problems = "五、存在的主要问题及改进情况"
    case other = "六、其他需要报告的事项"
}
