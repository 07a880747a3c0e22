import DisclosureCore
import Foundation
import SQLKit

/// The office's sending settings (issue 24 §1), one value in `settings`, read by every instance
/// before each round of sending so a change takes effect everywhere at once.
public struct NotificationSettingsStore: Sendable {
    let database: Database
    let clock: any WallClock

    public init(database: Database, clock: any WallClock) {
        self.database = database
        self.clock = clock
    }

    static let key = "notify.settings"

    public func load() async throws -> NotificationSettings {
        try await SettingsTable(database.sql).decoded(Self.key, as: NotificationSettings.self) ?? .unconfigured
    }

    /// Saves new settings. An empty password keeps the stored one, so the form never has to show
    /// it. The audit entry names what changed, never the password.
    public func save(_ settings: NotificationSettings, by staff: StaffIdentity) async throws {
        guard staff.role == .office else { throw DomainError(.forbidden, field: "role", "只有县政务公开办可以设置消息发送") }
        var settings = settings
        let stored = try await load()
        if var mail = settings.mail, mail.password.isEmpty, let previous = stored.mail, previous.username == mail.username {
            mail.password = previous.password
            settings.mail = mail
        }
        let valid = try settings.validated()
        let text = String(decoding: try JSONEncoder().encode(valid), as: UTF8.self)
        let now = clock.now()
        try await database.change(by: .staff(staff), at: now) { db in
            try await SettingsTable(db).set(Self.key, text, by: staff.username, at: now)
            var summary = [
                "smtp": valid.mail.map { "\($0.host):\($0.port) \($0.security.rawValue) \($0.fromAddress)" } ?? "未设置",
                "sms": valid.sms.map { $0.url } ?? "未设置",
                "quiet": "\(QuietHours.clockText(valid.quietHours.startMinute))–\(QuietHours.clockText(valid.quietHours.endMinute))",
                "retries": valid.retries.text,
            ]
            if let mail = valid.mail, mail.password != stored.mail?.password { summary["password"] = "已更改" }
            return ((), AuditEvent("settings.notifications", target: "settings:\(Self.key)", summary))
        }
    }
}
