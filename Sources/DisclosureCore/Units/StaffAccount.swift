import Foundation

/// A staff account as stored (without its password hash).
public struct StaffAccount: Equatable, Sendable, Codable {
    public var id: Int
    public var username: String
    public var displayName: String
    public var role: Role
    public var unitCode: String
    public var active: Bool
    public var lockedUntil: Date?

    public init(id: Int, username: String, displayName: String, role: Role, unitCode: String, active: Bool, lockedUntil: Date?) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.role = role
        self.unitCode = unitCode
        self.active = active
        self.lockedUntil = lockedUntil
    }

    public var identity: StaffIdentity {
        StaffIdentity(userID: id, username: username, role: role, unitCode: unitCode)
    }
}

/// The fields needed to create an account, validated.
public struct NewStaffAccount: Sendable {
    public let username: String
    public let displayName: String
    public let role: Role
    public let unitCode: String

    public init(username: String, displayName: String, role: String, unitCode: String) throws(DomainError) {
        let username = username.trimmingCharacters(in: .whitespaces).lowercased()
        guard (3...32).contains(username.count),
            username.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-") }),
            username.first?.isLetter == true
        else {
            throw .invalid("username", "用户名须为 3–32 位英文字母、数字、点、下划线或连字符，并以字母开头")
        }
        let displayName = displayName.trimmingCharacters(in: .whitespaces)
        guard displayName.count <= 40 else { throw .invalid("displayName", "姓名不能超过 40 个字") }
        guard let role = Role(text: role) else {
            throw .invalid("role", "角色无效，应为：" + Role.allCases.map { "\($0.rawValue)（\($0.label)）" }.joined(separator: "、"))
        }
        let unit = unitCode.trimmingCharacters(in: .whitespaces).uppercased()
        guard !unit.isEmpty else { throw .invalid("unit", "必须指定所属单位") }
        self.username = username
        self.displayName = displayName.isEmpty ? username : displayName
        self.role = role
        self.unitCode = unit
    }
}
