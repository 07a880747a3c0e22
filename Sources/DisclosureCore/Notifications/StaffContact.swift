/// How a staff member wants reminders, and where they reach them (issue 24 §1).
public enum ReminderPreference: String, CaseIterable, Sendable, Codable {
    case email
    case sms
    case both
    case none

    public var label: String {
        switch self {
        case .email: "电子邮件"
        case .sms: "短信"
        case .both: "电子邮件和短信"
        case .none: "不接收（只在工作台查看）"
        }
    }
}

/// A staff member as the reminder sender sees them.
public struct StaffContact: Equatable, Sendable {
    public let username: String
    public let displayName: String
    public let role: Role
    public let unitCode: String
    public let email: String
    public let mobile: String
    public let remindersBy: ReminderPreference

    public init(username: String, displayName: String, role: Role, unitCode: String, email: String, mobile: String, remindersBy: ReminderPreference) {
        self.username = username
        self.displayName = displayName
        self.role = role
        self.unitCode = unitCode
        self.email = email
        self.mobile = mobile
        self.remindersBy = remindersBy
    }

    /// The channels and addresses a reminder goes to: what they chose, where they left an address.
    public var reminderAddresses: [(channel: DeliveryChannel, address: String)] {
        var addresses: [(DeliveryChannel, String)] = []
        if [.email, .both].contains(remindersBy), MailAddress.isDeliverable(email) { addresses.append((.email, email)) }
        if [.sms, .both].contains(remindersBy), IdentityNumbers.normalizedMobile(mobile) != nil { addresses.append((.sms, mobile)) }
        return addresses
    }
}
