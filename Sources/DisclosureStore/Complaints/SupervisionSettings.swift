import DisclosureCore
import Foundation
import SQLKit

/// The office's complaint and message limits, kept as one JSON settings record so every instance
/// reads the same numbers (DESIGN §8: no process-local state that matters).
public struct SupervisionSettings: Sendable {
    let database: Database
    let clock: any WallClock
    static let key = "supervision.policy"

    public init(database: Database, clock: any WallClock) {
        self.database = database
        self.clock = clock
    }

    public func policy() async throws -> SupervisionPolicy {
        try await Self.policy(on: database.sql)
    }

    static func policy(on db: any SQLDatabase) async throws -> SupervisionPolicy {
        try await SettingsTable(db).decoded(key, as: SupervisionPolicy.self) ?? .standard
    }

    /// Only the office sets the limits; the change is audited with the old and new numbers.
    public func save(_ policy: SupervisionPolicy, by staff: StaffIdentity) async throws {
        guard staff.role == .office else { throw DomainError(.forbidden, field: "role", "只有县政务公开办可以设置办理时限") }
        let policy = try policy.validated()
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(policy), as: UTF8.self)
        let now = clock.now()
        try await database.change(by: .staff(staff), at: now) { db in
            let old = try await Self.policy(on: db)
            try await SettingsTable(db).set(Self.key, text, by: staff.username, at: now)
            return ((), AuditEvent("settings.supervision", target: "settings:\(Self.key)", ["old": Self.summary(old), "new": Self.summary(policy)]))
        }
    }

    static func summary(_ policy: SupervisionPolicy) -> String {
        let kinds = ComplaintKind.allCases.map { "\($0.rawValue)=\(policy.days(for: $0))" }.joined(separator: ",")
        return "投诉[\(kinds)] 预警\(policy.complaintWarningDays) 留言\(policy.messageDays) 预警\(policy.messageWarningDays) 字数\(policy.replyLimit)"
    }
}
