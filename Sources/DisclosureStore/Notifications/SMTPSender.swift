import DisclosureCore
import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Sends e-mail through the county's SMTP server (issue 24 §1), on SwiftNIO with NIOSSL:
/// STARTTLS or TLS from the first byte, AUTH PLAIN or LOGIN, one connection per message.
///
/// Replies in 4xx, a refused or dropped connection, a failed TLS handshake, a refused login and a
/// timeout are passing failures (retried); a 5xx to the sender, the recipient or the message is
/// permanent. A bounce that arrives later, by mail, is not seen here.
public struct SMTPSender: MessageSender {
    let settings: MailServerSettings
    let tls: NIOSSLContext?
    /// The name this machine gives in EHLO.
    let heloName: String
    let timeout: TimeAmount

    public init(settings: MailServerSettings, heloName: String = "disclosure.localdomain", timeout: TimeAmount = .seconds(60)) throws(DeliveryFailure)
    {
        self.settings = settings
        self.heloName = heloName
        self.timeout = timeout
        guard settings.security != .none else {
            self.tls = nil
            return
        }
        do {
            var configuration = TLSConfiguration.makeClientConfiguration()
            if !settings.trustRootsFile.isEmpty {
                configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(settings.trustRootsFile))
            }
            self.tls = try NIOSSLContext(configuration: configuration)
        } catch {
            throw .transient("无法读取邮件服务器的证书设置：\(settings.trustRootsFile.isEmpty ? "系统证书" : settings.trustRootsFile)")
        }
    }

    public func send(_ message: PreparedMessage) async throws(DeliveryFailure) -> String {
        guard case .email(let mail) = message else { throw .permanent("邮件通道不能发送短信") }
        guard MailAddress.isDeliverable(mail.to) else { throw .permanent("收件地址无效：\(mail.to.prefix(60))") }
        let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
        do {
            channel = try await connect()
        } catch {
            throw .transient("无法连接邮件服务器 \(settings.host):\(settings.port)（\(Self.describe(error))）")
        }
        let timer = channel.channel.eventLoop.scheduleTask(in: timeout) { channel.channel.close(promise: nil) }
        defer { timer.cancel() }
        do {
            return try await channel.executeThenClose { inbound, outbound in
                var session = SMTPSession(inbound: inbound.makeAsyncIterator(), outbound: outbound)
                return try await converse(&session, mail: mail, channel: channel.channel)
            }
        } catch let failure as DeliveryFailure {
            throw failure
        } catch {
            throw .transient("与邮件服务器的连接中断（\(Self.describe(error))）")
        }
    }

    private func connect() async throws -> NIOAsyncChannel<ByteBuffer, ByteBuffer> {
        let (tls, implicit, hostname) = (tls, settings.security == .implicitTLS, Self.sniName(settings.host))
        return try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(15))
            .connect(host: settings.host, port: settings.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if implicit, let tls {
                        try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: tls, serverHostname: hostname))
                    }
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
    }

    /// The whole conversation for one message; returns the server's words on accepting it.
    private func converse(_ session: inout SMTPSession, mail: MailMessage, channel: any Channel) async throws -> String {
        try await session.expect(220, "连接")
        var capabilities = try await session.command("EHLO \(heloName)", expect: 250, step: "EHLO").extensions
        if settings.security == .startTLS {
            guard capabilities["STARTTLS"] != nil else { throw DeliveryFailure.transient("邮件服务器不支持 STARTTLS，请改用 SSL/TLS 或检查端口") }
            try await session.command("STARTTLS", expect: 220, step: "STARTTLS")
            guard let tls else { throw DeliveryFailure.transient("TLS 未配置") }
            try await channel.pipeline.addHandler(
                try NIOSSLClientHandler(context: tls, serverHostname: Self.sniName(settings.host)), position: .first
            ).get()
            // RFC 3207 §4.2: forget what was learnt before TLS and ask again.
            capabilities = try await session.command("EHLO \(heloName)", expect: 250, step: "EHLO").extensions
        }
        if !settings.username.isEmpty { try await authenticate(&session, capabilities: capabilities) }
        try await session.command("MAIL FROM:<\(mail.fromAddress)>", expect: 250, step: "发件人")
        try await session.command("RCPT TO:<\(mail.to)>", expect: 250, step: "收件人", accepting: [251])
        try await session.command("DATA", expect: 354, step: "DATA")
        let accepted = try await session.data(Self.dotStuffed(mail.rendered()))
        _ = try? await session.command("QUIT", expect: 221, step: "QUIT")
        return accepted.text
    }

    private func authenticate(_ session: inout SMTPSession, capabilities: [String: [String]]) async throws {
        let mechanisms = capabilities["AUTH"] ?? []
        if mechanisms.contains("PLAIN") {
            let token = Data("\0\(settings.username)\0\(settings.password)".utf8).base64EncodedString()
            try await session.command("AUTH PLAIN \(token)", expect: 235, step: "登录", secret: true)
        } else if mechanisms.contains("LOGIN") {
            try await session.command("AUTH LOGIN", expect: 334, step: "登录")
            try await session.command(Data(settings.username.utf8).base64EncodedString(), expect: 334, step: "登录", secret: true)
            try await session.command(Data(settings.password.utf8).base64EncodedString(), expect: 235, step: "登录", secret: true)
        } else {
            throw DeliveryFailure.transient("邮件服务器未提供 PLAIN 或 LOGIN 登录方式")
        }
    }

    /// RFC 5321 §4.5.2: a line that starts with a dot gets another; the message ends with «.».
    static func dotStuffed(_ data: Data) -> Data {
        var out = Data(capacity: data.count + 16)
        var atLineStart = true
        for byte in data {
            if atLineStart && byte == UInt8(ascii: ".") { out.append(UInt8(ascii: ".")) }
            out.append(byte)
            atLineStart = byte == UInt8(ascii: "\n")
        }
        if !out.isEmpty && !out.ends(with: [13, 10]) { out.append(contentsOf: [13, 10]) }
        out.append(contentsOf: Array(".\r\n".utf8))
        return out
    }

    /// TLS's server name must be a host name, not an address.
    static func sniName(_ host: String) -> String? {
        host.contains(":") || host.allSatisfy({ $0.isNumber || $0 == "." }) ? nil : host
    }

    static func describe(_ error: any Error) -> String {
        if let failure = error as? DeliveryFailure { return failure.reason }
        if error is NIOSSLError || error is BoringSSLError { return "TLS 握手失败：\(error)".prefix(200).description }
        if let connect = error as? NIOConnectionError { return "连接失败：\(connect.connectionErrors.first.map { "\($0.error)" } ?? "\(connect)")" }
        if error is ChannelError { return "连接已关闭或超时" }
        return String(describing: error).prefix(200).description
    }
}

extension Data {
    fileprivate func ends(with suffix: [UInt8]) -> Bool { count >= suffix.count && Array(self.suffix(suffix.count)) == suffix }
}

/// Reads SMTP replies line by line and writes commands.
struct SMTPSession {
    var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private var pending: [UInt8] = []

    init(inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator, outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>) {
        self.inbound = inbound
        self.outbound = outbound
    }

    /// Replies longer than this are not SMTP.
    static let maximumLine = 4096

    mutating func readLine() async throws -> String {
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(pending[..<newline])
                pending.removeSubrange(...newline)
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            guard pending.count <= Self.maximumLine else { throw DeliveryFailure.transient("邮件服务器的应答过长") }
            guard var buffer = try await inbound.next() else { throw DeliveryFailure.transient("邮件服务器关闭了连接或应答超时") }
            pending += buffer.readBytes(length: buffer.readableBytes) ?? []
        }
    }

    mutating func reply() async throws -> SMTPReply {
        var parser = SMTPReply.Parser()
        for _ in 0..<100 {
            if let reply = try parser.consume(try await readLine()) { return reply }
        }
        throw DeliveryFailure.transient("邮件服务器的应答行数过多")
    }

    @discardableResult
    mutating func expect(_ code: Int, _ step: String, accepting others: [Int] = []) async throws -> SMTPReply {
        let reply = try await reply()
        guard reply.code == code || others.contains(reply.code) else { throw Self.failure(reply, step: step) }
        return reply
    }

    @discardableResult
    mutating func command(_ line: String, expect code: Int, step: String, accepting others: [Int] = [], secret: Bool = false) async throws
        -> SMTPReply
    {
        try await outbound.write(ByteBuffer(string: line + "\r\n"))
        return try await expect(code, step, accepting: others)
    }

    mutating func data(_ payload: Data) async throws -> SMTPReply {
        try await outbound.write(ByteBuffer(bytes: payload))
        return try await expect(250, "投递")
    }

    /// 4xx is passing; 5xx is permanent, except a refused login, which the office can fix
    /// (a wrong password), so the message waits for the retries instead of failing at once.
    static func failure(_ reply: SMTPReply, step: String) -> DeliveryFailure {
        let words = "邮件服务器在「\(step)」时答复 \(reply.code) \(reply.text.prefix(200))"
        if reply.isTransientFailure || step == "登录" { return .transient(words) }
        return .permanent(words)
    }
}
