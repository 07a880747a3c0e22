import Foundation

/// Everything the office configures about sending (issue 24 §1), kept as one settings value so
/// every instance sends the same way.
public struct NotificationSettings: Equatable, Sendable, Codable {
    /// nil: e-mail is not configured; messages wait in the queue (and the console says so).
    public var mail: MailServerSettings?
    public var sms: SMSGatewaySettings?
    public var quietHours: QuietHours
    public var retries: RetrySchedule
    /// The platform's address as staff and citizens reach it (https://gk.example.gov.cn), so a
    /// message can link to the case or the document; empty: messages name the page without a link.
    public var siteURL: String

    public static let unconfigured = NotificationSettings(mail: nil, sms: nil, quietHours: .standard, retries: .standard, siteURL: "")

    public init(mail: MailServerSettings?, sms: SMSGatewaySettings?, quietHours: QuietHours, retries: RetrySchedule, siteURL: String) {
        self.mail = mail
        self.sms = sms
        self.quietHours = quietHours
        self.retries = retries
        self.siteURL = siteURL
    }

    public func validated() throws -> NotificationSettings {
        var site = siteURL.trimmingCharacters(in: .whitespaces)
        while site.hasSuffix("/") { site.removeLast() }
        if !site.isEmpty {
            guard site.count <= 200, let url = URL(string: site), ["https", "http"].contains(url.scheme?.lowercased() ?? ""),
                url.host?.isEmpty == false,
                url.query == nil
            else { throw DomainError.invalid("siteURL", "平台网址须为 https:// 开头的网址") }
        }
        return NotificationSettings(
            mail: try mail?.validated(), sms: try sms?.validated(), quietHours: try quietHours.validated(), retries: try retries.validated(),
            siteURL: site)
    }

    /// «https://gk.example.gov.cn/staff/requests/3», or the path alone when no address is set.
    public func link(_ path: String) -> String { siteURL + path }

    public func isConfigured(_ channel: DeliveryChannel) -> Bool {
        switch channel {
        case .email: mail != nil
        case .sms: sms != nil
        }
    }
}
