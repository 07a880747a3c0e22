import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation

/// A county with staff who receive reminders, a loopback SMTP server, our SMS gateway stub and
/// the office's settings pointing at both (issue 24).
struct DeliveryFixture {
    let base: PublishingFixture
    let smtp: LoopbackSMTPServer
    let gateway: SMSGatewayStub
    let files: FolderFileStore
    var database: Database { base.database }
    var clock: FixedClock { base.clock }

    init(_ database: Database) async throws {
        base = try await PublishingFixture(database)
        smtp = try LoopbackSMTPServer()
        gateway = SMSGatewayStub()
        try await gateway.start()
        files = FolderFileStore(root: URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("disclosure-24-\(UUID().uuidString)"))
        let accounts = AccountService(database: database, clock: base.clock, hasher: PasswordHasher(cost: 4))
        for (username, role, email, mobile, by) in [
            ("czj-clerk", "editor", "clerk@shifan.gov.cn", "", ReminderPreference.email),
            ("czj-lead", "reviewer", "lead@shifan.gov.cn", "13900000001", .both),
            ("czj-quiet", "editor", "", "", .none),
            ("jyj-clerk", "editor", "jyj@shifan.gov.cn", "", .email),
        ] {
            let unit = username.hasPrefix("jyj") ? "JYJ" : "CZJ"
            try await accounts.create(
                try NewStaffAccount(username: username, displayName: "职员\(username.suffix(5))", role: role, unitCode: unit),
                password: "Delivery2026test",
                by: .system)
            try await accounts.setContact(username: username, email: email, mobile: mobile, remindersBy: by, by: .system)
        }
        try await save(mail: mail(), sms: sms())
    }

    func mail(security: MailServerSettings.Security = .startTLS, password: String = LoopbackSMTPServer.password, port: Int? = nil)
        -> MailServerSettings
    {
        MailServerSettings(
            host: "localhost", port: port ?? (security == .implicitTLS ? smtp.tlsPort : smtp.plainPort), security: security,
            username: LoopbackSMTPServer.username, password: password, fromAddress: "zwgk@shifan.gov.cn", fromName: "示范县政务公开办",
            trustRootsFile: smtp.certificateFile)
    }

    func sms() -> SMSGatewaySettings {
        SMSGatewaySettings(
            url: gateway.url, headers: "Authorization: Bearer test-key",
            bodyTemplate: #"{"PhoneNumbers": "{{手机号}}", "TemplateCode": "SMS_24", "TemplateParam": {"text": "{{内容}}"}, "OutId": "{{编号}}"}"#,
            successContains: #""Code":"OK""#)
    }

    func save(mail: MailServerSettings?, sms: SMSGatewaySettings?, retries: RetrySchedule = .standard) async throws {
        try await NotificationSettingsStore(database: database, clock: clock).save(
            NotificationSettings(mail: mail, sms: sms, quietHours: .standard, retries: retries, siteURL: "https://gk.shifan.gov.cn/"), by: base.office
        )
    }

    func dispatcher(_ instance: String = "instance-a", on database: Database? = nil) -> DeliveryDispatcher {
        DeliveryDispatcher(database: database ?? self.database, clock: clock, files: files, instance: instance)
    }

    func deliveries(status: DeliveryStatus? = nil) async throws -> [Delivery] {
        try await DeliveryQueue(database.sql).recent(units: ["XZF", "CZJ", "JYJ"], status: status, limit: 1000).reversed()
    }

    func test(_ recipient: String, channel: DeliveryChannel = .email, purpose: DeliveryPurpose = .test, key: String? = nil) -> OutgoingDelivery {
        OutgoingDelivery(
            key: key ?? "test:\(recipient)", purpose: purpose, channel: channel, recipient: recipient, recipientLabel: "测试", unitCode: "CZJ",
            subject: "测试消息", body: "这是一条测试消息。")
    }

    func stop() {
        gateway.stop()
    }
}
