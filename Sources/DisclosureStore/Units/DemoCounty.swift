import DisclosureCore
import Foundation
import SQLKit

/// The 示范县 demo: a county government, its 县直部门, 乡镇 and a few other units, and one account per role.
///
/// The units and usernames are fixed; passwords are random per load (printed once) unless a fixed
/// one is given, because a demo left reachable must not have a guessable password.
public enum DemoCounty {
    public struct Credential: Sendable, Equatable {
        public let role: Role
        public let username: String
        public let password: String
        public let unitName: String
    }

    static let root = OrgUnit(code: "XZF", name: "示范县人民政府", kind: .countyGovernment, parentCode: nil)

    static let units: [OrgUnit] = [
        OrgUnit(code: "ZFB", name: "示范县人民政府办公室", kind: .countyDepartment, parentCode: "XZF"),
        OrgUnit(code: "FGJ", name: "示范县发展和改革局", kind: .countyDepartment, parentCode: "XZF"),
        OrgUnit(code: "JYJ", name: "示范县教育局", kind: .countyDepartment, parentCode: "XZF"),
        OrgUnit(code: "GAJ", name: "示范县公安局", kind: .countyDepartment, parentCode: "XZF"),
        OrgUnit(code: "MZJ", name: "示范县民政局", kind: .countyDepartment, parentCode: "XZF"),
        OrgUnit(code: "SFJ", name: "示范县司法局", kind: .countyDepartment, parentCode: "XZF"),
        OrgUnit(code: "CZJ", name: "示范县财政局", kind: .countyDepartment, parentCode: "XZF"),
        OrgUnit(code: "RSJ", name: "示范县人力资源和社会保障局", kind: .countyDepartment, parentCode: "XZF"),
        OrgUnit(code: "ZRJ", name: "示范县自然资源局", kind: .countyDepartment, parentCode: "XZF"),
        OrgUnit(code: "ZJJ", name: "示范县住房和城乡建设局", kind: .countyDepartment, parentCode: "XZF"),
        OrgUnit(code: "JTJ", name: "示范县交通运输局", kind: .countyDepartment, parentCode: "XZF"),
        OrgUnit(code: "SLJ", name: "示范县水利局", kind: .countyDepartment, parentCode: "XZF"),
        OrgUnit(code: "NYJ", name: "示范县农业农村局", kind: .countyDepartment, parentCode: "XZF"),
        OrgUnit(code: "WJJ", name: "示范县卫生健康局", kind: .countyDepartment, parentCode: "XZF"),
        OrgUnit(code: "YJJ", name: "示范县应急管理局", kind: .countyDepartment, parentCode: "XZF"),
        OrgUnit(code: "SJJ", name: "示范县市场监督管理局", kind: .countyDepartment, parentCode: "XZF"),
        OrgUnit(code: "YBJ", name: "示范县医疗保障局", kind: .countyDepartment, parentCode: "XZF"),
        OrgUnit(code: "CGZ", name: "城关镇人民政府", kind: .township, parentCode: "XZF"),
        OrgUnit(code: "DGZ", name: "东岗镇人民政府", kind: .township, parentCode: "XZF"),
        OrgUnit(code: "XHZ", name: "西河镇人民政府", kind: .township, parentCode: "XZF"),
        OrgUnit(code: "SQZ", name: "石桥镇人民政府", kind: .township, parentCode: "XZF"),
        OrgUnit(code: "LLZ", name: "柳林镇人民政府", kind: .township, parentCode: "XZF"),
        OrgUnit(code: "XJZ", name: "新集镇人民政府", kind: .township, parentCode: "XZF"),
        OrgUnit(code: "NSX", name: "南山乡人民政府", kind: .township, parentCode: "XZF"),
        OrgUnit(code: "BYX", name: "北塬乡人民政府", kind: .township, parentCode: "XZF"),
        OrgUnit(code: "GMX", name: "高庙乡人民政府", kind: .township, parentCode: "XZF"),
        OrgUnit(code: "LQX", name: "龙泉乡人民政府", kind: .township, parentCode: "XZF"),
        OrgUnit(code: "SWJ", name: "国家税务总局示范县税务局", kind: .verticalAgency, parentCode: "XZF"),
        OrgUnit(code: "GDJ", name: "国网示范县供电公司", kind: .publicEnterprise, parentCode: "XZF"),
        OrgUnit(code: "ZLS", name: "示范县自来水公司", kind: .publicEnterprise, parentCode: "XZF"),
        OrgUnit(code: "CZJ-GKK", name: "示范县财政局国库科", kind: .other, parentCode: "CZJ"),
    ]

    static let accounts: [(Role, String, String, String)] = [
        (.office, "office", "县政务公开办管理员", "ZFB"),
        (.editor, "editor", "财政局信息公开编辑", "CZJ"),
        (.reviewer, "reviewer", "财政局保密审查人", "CZJ"),
        (.assessor, "assessor", "县考核组成员", "ZFB"),
        (.auditor, "auditor", "县审计人员", "ZFB"),
    ]

    /// Whether the database has no units yet (the demo only loads into an empty database).
    public static func isEmpty(_ database: Database) async throws -> Bool {
        try await UnitRepository(database.sql).all().isEmpty
    }

    /// Loads the demo; refuses a database that already has units.
    public static func load(
        into database: Database, clock: any WallClock, hasher: PasswordHasher, fixedPassword: String? = nil
    ) async throws -> [Credential] {
        guard try await isEmpty(database) else {
            throw DomainError(.conflict, field: "database", "数据库中已有单位数据，示范县只能载入空数据库")
        }
        let unitsAdmin = UnitService(database: database, clock: clock)
        for unit in [root] + units {
            try await unitsAdmin.create(unit, by: .system)
        }
        let accountsAdmin = AccountService(database: database, clock: clock, hasher: hasher)
        var credentials: [Credential] = []
        for (role, username, name, unit) in accounts {
            let password = fixedPassword ?? randomPassword()
            let new = try NewStaffAccount(username: username, displayName: name, role: role.rawValue, unitCode: unit)
            try await accountsAdmin.create(new, password: password, by: .system)
            // Reminders by e-mail (issue 24): with a mail server set up, the demo's clerks receive them at once.
            try await accountsAdmin.setContact(
                username: username, email: "\(username)@shifan.example.cn", mobile: "", remindersBy: .email, by: .system)
            let unitName = units.first { $0.code == unit }?.name ?? unit
            credentials.append(Credential(role: role, username: username, password: password, unitName: unitName))
        }
        try await DemoCatalog.load(into: database, clock: clock)
        try await DemoRequests.load(into: database, clock: clock)
        try await DemoSupervision.load(into: database, clock: clock)
        try await DemoPowers.load(into: database, clock: clock)
        try await DemoAnnualReports.load(into: database, clock: clock)
        try await DemoAssessments.load(into: database, clock: clock)
        _ = try await SupervisionMonitor(database: database, clock: clock).run()
        return credentials
    }

    /// 14 characters from an alphabet without look-alikes, always with letters and digits.
    static func randomPassword() -> String {
        let letters = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ")
        let digits = Array("23456789")
        var generator = SystemRandomNumberGenerator()
        var chars = (0..<10).map { _ in letters.randomElement(using: &generator)! }
        chars += (0..<4).map { _ in digits.randomElement(using: &generator)! }
        return String(chars.shuffled(using: &generator))
    }
}
