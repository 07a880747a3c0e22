import DisclosureCore

/// Who an audit entry names: a staff account, or the command line / system for changes made outside the web.
public struct AuditActor: Sendable, Equatable {
    public let name: String
    public let unitCode: String?

    public init(name: String, unitCode: String?) {
        self.name = name
        self.unitCode = unitCode
    }

    public static func staff(_ identity: StaffIdentity) -> AuditActor {
        AuditActor(name: identity.username, unitCode: identity.unitCode)
    }

    /// An operator at the server's console (`disclosure user add`, `calendar import`, …).
    public static let commandLine = AuditActor(name: "cli", unitCode: nil)
    /// The program itself (demo loading, scheduled jobs).
    public static let system = AuditActor(name: "system", unitCode: nil)
    /// An anonymous visitor (e.g. a failed login for an unknown user).
    public static let anonymous = AuditActor(name: "anonymous", unitCode: nil)
}

/// What changed: a dotted action, the target, and a small summary that is stored as sorted JSON.
public struct AuditEvent: Sendable, Equatable {
    public let action: String
    public let target: String
    public let summary: [String: String]

    public init(_ action: String, target: String, _ summary: [String: String] = [:]) {
        self.action = action
        self.target = target
        self.summary = summary
    }
}
