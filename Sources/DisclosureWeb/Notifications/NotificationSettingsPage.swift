import DisclosureCore
import DisclosureStore
import Foundation

/// The office's sending settings as a form: the mail server, the SMS gateway, quiet hours and
/// retries. The password is never shown; left empty it stays as stored.
struct NotificationSettingsPage: Sendable {
    struct Option: Sendable {
        let value: String
        let label: String
        let selected: Bool
    }

    let mailEnabled: Bool
    let smtpHost: String
    let smtpPort: String
    let securities: [Option]
    let smtpUsername: String
    let passwordStored: Bool
    let smtpFrom: String
    let smtpFromName: String
    let smtpTrustRoots: String
    let smsEnabled: Bool
    let smsURL: String
    let smsHeaders: String
    let smsBody: String
    let smsSuccess: String
    let quietStart: String
    let quietEnd: String
    let retryMinutes: String
    let siteURL: String

    static let exampleBody = #"{"PhoneNumbers": "{{手机号}}", "TemplateCode": "SMS_000000", "TemplateParam": {"text": "{{内容}}"}, "OutId": "{{编号}}"}"#

    init(_ settings: NotificationSettings) {
        let mail = settings.mail
        mailEnabled = mail != nil
        smtpHost = mail?.host ?? ""
        smtpPort = mail.map { String($0.port) } ?? "587"
        securities = Self.options(mail?.security ?? .startTLS)
        smtpUsername = mail?.username ?? ""
        passwordStored = !(mail?.password.isEmpty ?? true)
        smtpFrom = mail?.fromAddress ?? ""
        smtpFromName = mail?.fromName ?? ""
        smtpTrustRoots = mail?.trustRootsFile ?? ""
        smsEnabled = settings.sms != nil
        smsURL = settings.sms?.url ?? ""
        smsHeaders = settings.sms?.headers ?? ""
        smsBody = settings.sms?.bodyTemplate ?? Self.exampleBody
        smsSuccess = settings.sms?.successContains ?? ""
        quietStart = QuietHours.clockText(settings.quietHours.startMinute)
        quietEnd = QuietHours.clockText(settings.quietHours.endMinute)
        retryMinutes = settings.retries.text
        siteURL = settings.siteURL
    }

    /// The form as typed, after an error (the password is never sent back).
    init(typed form: FormData) {
        mailEnabled = form["mailEnabled"] == "1"
        smtpHost = form["smtpHost"] ?? ""
        smtpPort = form["smtpPort"] ?? ""
        securities = Self.options(MailServerSettings.Security(rawValue: form["smtpSecurity"] ?? "") ?? .startTLS)
        smtpUsername = form["smtpUsername"] ?? ""
        passwordStored = false
        smtpFrom = form["smtpFrom"] ?? ""
        smtpFromName = form["smtpFromName"] ?? ""
        smtpTrustRoots = form["smtpTrustRoots"] ?? ""
        smsEnabled = form["smsEnabled"] == "1"
        smsURL = form["smsURL"] ?? ""
        smsHeaders = form["smsHeaders"] ?? ""
        smsBody = form["smsBody"] ?? ""
        smsSuccess = form["smsSuccess"] ?? ""
        quietStart = form["quietStart"] ?? ""
        quietEnd = form["quietEnd"] ?? ""
        retryMinutes = form["retryMinutes"] ?? ""
        siteURL = form["siteURL"] ?? ""
    }

    static func options(_ chosen: MailServerSettings.Security) -> [Option] {
        MailServerSettings.Security.allCases.map { Option(value: $0.rawValue, label: $0.label, selected: $0 == chosen) }
    }

    /// Reads the form; every field bounded before use, errors name the field.
    static func settings(from form: FormData) throws -> NotificationSettings {
        var mail: MailServerSettings?
        if form["mailEnabled"] == "1" {
            let portText = form.text("smtpPort")
            guard portText.count <= 5, let port = Int(portText) else { throw DomainError.invalid("smtpPort", "端口须为 1 至 65535 的整数") }
            guard let security = MailServerSettings.Security(rawValue: form["smtpSecurity"] ?? "") else {
                throw DomainError.invalid("smtpSecurity", "请选择连接加密方式")
            }
            mail = MailServerSettings(
                host: form.text("smtpHost"), port: port, security: security, username: form.text("smtpUsername"),
                password: form["smtpPassword"] ?? "",
                fromAddress: form.text("smtpFrom"), fromName: form.text("smtpFromName"), trustRootsFile: form.text("smtpTrustRoots"))
        }
        var sms: SMSGatewaySettings?
        if form["smsEnabled"] == "1" {
            sms = SMSGatewaySettings(
                url: form.text("smsURL"), headers: form["smsHeaders"] ?? "", bodyTemplate: form["smsBody"] ?? "",
                successContains: form["smsSuccess"] ?? "")
        }
        let quiet = QuietHours(
            startMinute: try QuietHours.parseClock(form["quietStart"] ?? "", field: "quietStart"),
            endMinute: try QuietHours.parseClock(form["quietEnd"] ?? "", field: "quietEnd"))
        guard (form["retryMinutes"] ?? "").count <= 100 else { throw DomainError.invalid("retryMinutes", "重试间隔过长") }
        return NotificationSettings(
            mail: mail, sms: sms, quietHours: quiet, retries: try RetrySchedule.parse(form["retryMinutes"] ?? ""), siteURL: form.text("siteURL"))
    }
}
