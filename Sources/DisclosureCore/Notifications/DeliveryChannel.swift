/// How a message reaches a person (issue 24): e-mail through the county's SMTP server, or SMS
/// through the carrier's or cloud vendor's HTTP gateway.
public enum DeliveryChannel: String, CaseIterable, Sendable, Codable {
    case email
    case sms

    public var label: String {
        switch self {
        case .email: "电子邮件"
        case .sms: "短信"
        }
    }
}

/// Where a queued message stands. A message is never deleted: a failed one stays for the office
/// to read the reason and send again.
public enum DeliveryStatus: String, CaseIterable, Sendable, Codable {
    /// Waiting for its time (`next attempt`), possibly after a failed attempt.
    case queued
    /// Claimed by one instance, which is talking to the server now.
    case sending
    case sent
    /// Given up: a permanent refusal, or the retries are spent.
    case failed

    public var label: String {
        switch self {
        case .queued: "待发送"
        case .sending: "发送中"
        case .sent: "已发送"
        case .failed: "发送失败"
        }
    }
}

/// Why a message was sent; the office filters the log by it and the rules below differ by it
/// (quiet hours apply to staff only).
public enum DeliveryPurpose: String, CaseIterable, Sendable, Codable {
    case staffReminder = "staff-reminder"
    case applicantLetter = "applicant-letter"
    case answer
    case subscription
    case test

    public var label: String {
        switch self {
        case .staffReminder: "工作提醒"
        case .applicantLetter: "告知书电子送达"
        case .answer: "答复通知"
        case .subscription: "订阅推送"
        case .test: "测试消息"
        }
    }

    /// Staff are not woken by SMS at night; a citizen's letter or answer is not held back, since
    /// its sending date can start their deadlines.
    public var respectsQuietHours: Bool { self == .staffReminder }
}
