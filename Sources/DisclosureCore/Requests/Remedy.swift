/// Where an applicant turns when they disagree with a reply (救济途径): the 复议机关 and the court
/// a reply letter names with the time limits (60 days, 行政复议法 第二十条; 6 months, 行政诉讼法
/// 第四十六条). Each unit may set its own; these defaults follow the 2023 行政复议法: a county
/// department's or a township's acts go to the county government (第二十四条), the county
/// government's to the government one level up, a vertically managed agency's to its superior
/// department (第二十七条); a suit against a county government goes to an intermediate court
/// (行政诉讼法 第十五条).
public struct Remedy: Equatable, Sendable {
    public var reviewAuthority: String
    public var court: String

    public init(reviewAuthority: String, court: String) {
        self.reviewAuthority = reviewAuthority
        self.court = court
    }

    public static let anyCourt = "有管辖权的人民法院"

    public static func defaults(for unit: OrgUnit, in units: [OrgUnit]) -> Remedy {
        switch unit.kind {
        case .countyGovernment:
            return Remedy(reviewAuthority: "上一级人民政府", court: "有管辖权的中级人民法院")
        case .verticalAgency:
            return Remedy(reviewAuthority: "上一级主管部门", court: anyCourt)
        case .countyDepartment, .township, .publicEnterprise, .other:
            let government = units.first { $0.kind == .countyGovernment && $0.parentCode == nil } ?? units.first { $0.kind == .countyGovernment }
            return Remedy(reviewAuthority: government?.name ?? "本级人民政府", court: anyCourt)
        }
    }

    /// Checks what the office types for a unit; an empty field falls back to the default.
    public static func validated(reviewAuthority: String, court: String) throws -> (reviewAuthority: String?, court: String?) {
        let authority = PlainText.singleLine(reviewAuthority)
        let court = PlainText.singleLine(court)
        guard authority.count <= 60 else { throw DomainError.invalid("reviewAuthority", "复议机关名称不超过 60 字") }
        guard court.count <= 60 else { throw DomainError.invalid("court", "人民法院名称不超过 60 字") }
        return (authority.isEmpty ? nil : authority, court.isEmpty ? nil : court)
    }
}
