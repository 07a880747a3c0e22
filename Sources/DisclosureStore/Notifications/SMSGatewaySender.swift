import AsyncHTTPClient
import DisclosureCore
import Foundation
import NIOCore

/// Sends SMS through the office's HTTP gateway (issue 24 §1) with AsyncHTTPClient: one POST per
/// message with the configured headers and JSON body. A 2xx whose body holds the success mark is
/// sent; 429, 5xx, a timeout or no connection are passing; any other answer is permanent, and the
/// gateway's words are kept either way.
public struct SMSGatewaySender: MessageSender {
    let settings: SMSGatewaySettings
    let client: HTTPClient
    let timeout: TimeAmount

    public init(settings: SMSGatewaySettings, client: HTTPClient = .shared, timeout: TimeAmount = .seconds(30)) {
        self.settings = settings
        self.client = client
        self.timeout = timeout
    }

    /// The most of a gateway's answer that is read and kept.
    static let answerLimit = 64 * 1024

    public func send(_ message: PreparedMessage) async throws(DeliveryFailure) -> String {
        guard case .sms(let phone, let text, let reference) = message else { throw .permanent("短信通道不能发送邮件") }
        guard let mobile = IdentityNumbers.normalizedMobile(phone) else { throw .permanent("手机号码无效") }
        var request = HTTPClientRequest(url: settings.url)
        request.method = .POST
        do {
            for field in try settings.headerFields() { request.headers.add(name: field.name, value: field.value) }
            if !request.headers.contains(name: "Content-Type") { request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8") }
            request.body = .bytes(ByteBuffer(data: try settings.body(phone: mobile, text: text, reference: reference)))
        } catch {
            throw .permanent("短信网关设置无效：\(error)")
        }
        let status: Int
        let answer: String
        do {
            let response = try await client.execute(request, timeout: timeout)
            status = Int(response.status.code)
            let body = try await response.body.collect(upTo: Self.answerLimit)
            answer = String(buffer: body)
        } catch {
            throw .transient("无法连接短信网关（\(String(describing: error).prefix(200))）")
        }
        let words = "短信网关答复 \(status) \(answer.prefix(300))"
        switch status {
        case 200..<300:
            guard settings.successContains.isEmpty || answer.contains(settings.successContains) else { throw .permanent(words) }
            return words
        case 429, 500..<600: throw .transient(words)
        default: throw .permanent(words)
        }
    }
}
