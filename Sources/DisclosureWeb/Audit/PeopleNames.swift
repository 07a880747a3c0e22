import DisclosureCore
import DisclosureStore

/// Who did it, as people know them (issue 22 §4): an account's name and unit instead of its
/// username, and the platform's own actors in words. Loaded once per page.
struct PeopleNames: Sendable {
    let accounts: [String: (name: String, unit: String)]
    let units: [String: String]

    static func load(accountQueries: AccountQueries, unitQueries: UnitQueries) async throws -> PeopleNames {
        let units = try await unitQueries.names()
        let accounts = Dictionary(
            try await accountQueries.accounts().map { ($0.username, (name: $0.displayName, unit: units[$0.unitCode] ?? $0.unitCode)) },
            uniquingKeysWith: { first, _ in first })
        return PeopleNames(accounts: accounts, units: units)
    }

    /// 「张敏（示范县财政局）」, 「系统（定时任务）」, 「申请人（YSQ2026000001）」 …
    func actor(_ name: String) -> String {
        if let account = accounts[name] { return "\(account.name)（\(account.unit)）" }
        switch name {
        case "system": return "系统（定时任务）"
        case "cli": return "命令行（服务器管理员）"
        case "anonymous", "public": return "公众（未登录）"
        case "applicant": return "申请人"
        default:
            if name.hasPrefix("applicant:") { return "申请人（\(name.dropFirst("applicant:".count))）" }
            return name
        }
    }

    /// What an audit target names: 「申请 #12」 with its page, a unit's or an account's name.
    func target(_ target: String) -> (text: String, href: String?) {
        let parts = target.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return (target, nil) }
        let (kind, id) = (parts[0], parts[1])
        switch kind {
        case "request": return ("依申请公开 #\(id)", "/staff/requests/\(id)")
        case "document": return ("信息 #\(id)", "/staff/documents/\(id)")
        case "complaint": return ("投诉 #\(id)", "/staff/complaints/\(id)")
        case "message": return ("留言 #\(id)", "/staff/messages")
        case "letter": return ("告知书 #\(id)", "/staff/letters/\(id)")
        case "power": return ("权力事项 #\(id)", "/staff/powers/\(id)")
        case "unit": return (units[id] ?? id, "/staff/units/\(id)")
        case "user": return (accounts[id].map { "账号 \($0.name)（\($0.unit)）" } ?? "账号 \(id)", "/staff/users/\(id)")
        case "template": return ("告知书模板", "/staff/letter-templates")
        case "catalog": return ("标准目录 #\(id)", "/staff/catalog")
        case "report": return ("年度报告 \(id)", nil)
        case "campaign": return ("考核 #\(id)", "/staff/assessments/\(id)")
        default: return (target, nil)
        }
    }
}
