/// The kinds of unit a county's 政务公开 covers (DESIGN §1; seeds list 县直部门, 乡镇, 中省直驻县单位, 公共企事业单位).
public enum UnitKind: String, CaseIterable, Sendable, Codable {
    case countyGovernment = "county_government"
    case countyDepartment = "county_department"
    case township = "township"
    case verticalAgency = "vertical_agency"
    case publicEnterprise = "public_enterprise"
    case other = "other"

    public var label: String {
        switch self {
        case .countyGovernment: "县人民政府"
        case .countyDepartment: "县直部门"
        case .township: "乡镇人民政府"
        case .verticalAgency: "中省直驻县单位"
        case .publicEnterprise: "公共企事业单位"
        case .other: "其他"
        }
    }

    /// Accepts the stored value or the Chinese label, so CSV and forms can use either.
    public init?(text: String) {
        if let kind = UnitKind(rawValue: text) {
            self = kind
        } else if let kind = UnitKind.allCases.first(where: { $0.label == text }) {
            self = kind
        } else {
            return nil
        }
    }
}
