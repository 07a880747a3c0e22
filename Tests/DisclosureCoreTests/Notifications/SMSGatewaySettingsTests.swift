import DisclosureCore
import Foundation
import Testing

/// Issue 24 §1: the office describes its SMS gateway; the body is JSON whatever the text holds.
@Suite("SMS gateway settings: headers, the JSON body and its placeholders")
struct SMSGatewaySettingsTests {
    static let aliyunLike = SMSGatewaySettings(
        url: "https://sms.example.cn/send", headers: "Authorization: Bearer abc\nX-Tenant: shifan",
        bodyTemplate: #"{"PhoneNumbers": "{{手机号}}", "TemplateCode": "SMS_1", "TemplateParam": {"text": "{{内容}}", "id": "{{编号}}"}}"#,
        successContains: #""Code":"OK""#)

    @Test("a text with quotes, backslashes and line breaks stays inside its JSON string")
    func body() throws {
        let data = try Self.aliyunLike.validated().body(phone: "13812345678", text: "「即将到期」\"申请\"\\\n第二行\u{1}", reference: "42")
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["PhoneNumbers"] as? String == "13812345678")
        let parameters = try #require(json["TemplateParam"] as? [String: Any])
        #expect(parameters["text"] as? String == "「即将到期」\"申请\"\\\n第二行\u{1}")
        #expect(parameters["id"] as? String == "42")
    }

    @Test("headers are read one per line; bad settings are refused naming the field")
    func validation() throws {
        #expect(try Self.aliyunLike.headerFields().map(\.name) == ["Authorization", "X-Tenant"])
        var cases: [(SMSGatewaySettings, String)] = []
        var bad = Self.aliyunLike
        bad.url = "ftp://sms.example.cn"
        cases.append((bad, "smsURL"))
        bad = Self.aliyunLike
        bad.headers = "no colon here"
        cases.append((bad, "smsHeaders"))
        bad = Self.aliyunLike
        bad.headers = "Bad Name: x"
        cases.append((bad, "smsHeaders"))
        bad = Self.aliyunLike
        bad.bodyTemplate = #"{"to": "{{手机号}}"}"#
        cases.append((bad, "smsBody"))
        bad = Self.aliyunLike
        bad.bodyTemplate = #"{"to": "{{手机号}}", "text": {{内容}}}"#
        cases.append((bad, "smsBody"))
        for (settings, field) in cases {
            do {
                _ = try settings.validated()
                Issue.record("accepted bad settings for \(field)")
            } catch let error as DomainError {
                #expect(error.field == field)
            }
        }
    }

    @Test("the mail server: login only over TLS, a valid sender, the port in range")
    func mailServer() throws {
        let good = MailServerSettings(
            host: "smtp.shifan.gov.cn", port: 587, security: .startTLS, username: "zwgk", password: "pw", fromAddress: "zwgk@shifan.gov.cn",
            fromName: "示范县政务公开办")
        #expect(try good.validated() == good)
        var plainLogin = good
        plainLogin.security = .none
        var badPort = good
        badPort.port = 70000
        var badFrom = good
        badFrom.fromAddress = "zwgk"
        var badHost = good
        badHost.host = "smtp.example.cn\r\nX"
        for (settings, field) in [(plainLogin, "smtpSecurity"), (badPort, "smtpPort"), (badFrom, "smtpFrom"), (badHost, "smtpHost")] {
            do {
                _ = try settings.validated()
                Issue.record("accepted bad settings for \(field)")
            } catch let error as DomainError {
                #expect(error.field == field)
            }
        }
    }
}
