/// The county's outgoing mail server, as the office enters it on the settings page (issue 24 §1).
public struct MailServerSettings: Equatable, Sendable, Codable {
    /// How the connection is protected: STARTTLS on the submission port (587), TLS from the first
    /// byte (465), or nothing (only for a relay on the same machine or the county intranet).
    public enum Security: String, CaseIterable, Sendable, Codable {
        case startTLS = "starttls"
        case implicitTLS = "tls"
        case none

        public var label: String {
            switch self {
            case .startTLS: "STARTTLS（通常为 587 端口）"
            case .implicitTLS: "SSL/TLS（通常为 465 端口）"
            case .none: "不加密（仅限本机或内网中继）"
            }
        }
    }

    public var host: String
    public var port: Int
    public var security: Security
    /// Empty: the server takes mail without authentication (an intranet relay).
    public var username: String
    public var password: String
    /// The county's sender, e.g. zwgk@shifan.gov.cn; a unit's reminders are sent in its name.
    public var fromAddress: String
    public var fromName: String
    /// A PEM file of the certificate authorities to trust instead of the system's (a county CA).
    public var trustRootsFile: String

    public init(
        host: String, port: Int, security: Security, username: String, password: String, fromAddress: String, fromName: String,
        trustRootsFile: String = ""
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.fromAddress = fromAddress
        self.fromName = fromName
        self.trustRootsFile = trustRootsFile
    }

    public func validated() throws -> MailServerSettings {
        var copy = self
        copy.host = host.trimmingCharacters(in: .whitespaces)
        guard !copy.host.isEmpty, copy.host.count <= 253, copy.host.allSatisfy({ $0.isLetter || $0.isNumber || "-.:".contains($0) }) else {
            throw DomainError.invalid("smtpHost", "邮件服务器地址无效")
        }
        guard (1...65535).contains(port) else { throw DomainError.invalid("smtpPort", "端口须在 1 至 65535 之间") }
        copy.username = username.trimmingCharacters(in: .whitespaces)
        guard copy.username.count <= 200, password.count <= 200, !password.contains(where: \.isNewline) else {
            throw DomainError.invalid("smtpPassword", "用户名或密码过长或含换行")
        }
        guard copy.username.isEmpty || security != .none else {
            throw DomainError.invalid("smtpSecurity", "需要登录的邮件服务器必须加密连接，密码不能明文传输")
        }
        copy.fromAddress = try MailAddress.validated(fromAddress, field: "smtpFrom")
        copy.fromName = PlainText.singleLine(fromName)
        guard copy.fromName.count <= 60 else { throw DomainError.invalid("smtpFromName", "发件人名称最多 60 字") }
        copy.trustRootsFile = trustRootsFile.trimmingCharacters(in: .whitespaces)
        guard copy.trustRootsFile.count <= 500 else { throw DomainError.invalid("smtpTrustRoots", "证书文件路径过长") }
        return copy
    }
}
