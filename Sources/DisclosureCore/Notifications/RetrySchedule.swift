import Foundation

/// When a message that failed for a passing reason (a server that is down, a 4xx SMTP reply, a
/// gateway's 5xx or 429) is tried again, and when the queue gives up (issue 24 «Bad input»: marked
/// failed with the reason, retried as configured, never lost).
public struct RetrySchedule: Equatable, Sendable, Codable {
    /// Minutes to wait after the first, second, … failed attempt. Its count is the number of
    /// retries: after the last, the message is failed for good.
    public var delaysInMinutes: [Int]

    public static let standard = RetrySchedule(delaysInMinutes: [1, 5, 30, 120, 360])

    public init(delaysInMinutes: [Int]) {
        self.delaysInMinutes = delaysInMinutes
    }

    /// Bounds the office's input: 0–10 retries, each from 1 minute to 2 days.
    public func validated() throws -> RetrySchedule {
        guard delaysInMinutes.count <= 10 else { throw DomainError.invalid("retryMinutes", "重试次数最多 10 次") }
        guard delaysInMinutes.allSatisfy({ (1...2880).contains($0) }) else {
            throw DomainError.invalid("retryMinutes", "每次重试间隔须在 1 至 2880 分钟之间")
        }
        return self
    }

    /// The time of the next attempt after `attempts` attempts have failed, the last at
    /// `failedAt`; nil when the retries are spent.
    public func nextAttempt(afterFailedAttempts attempts: Int, failedAt: Date) -> Date? {
        guard attempts >= 1, attempts <= delaysInMinutes.count else { return nil }
        return failedAt.addingTimeInterval(TimeInterval(delaysInMinutes[attempts - 1] * 60))
    }

    /// «1、5、30 分钟» as the settings page shows it, and the form's text read back.
    public var text: String { delaysInMinutes.map(String.init).joined(separator: "、") }

    public static func parse(_ text: String) throws -> RetrySchedule {
        let parts = text.split(whereSeparator: { "、,，; ".contains($0) }).map { String($0) }
        var delays: [Int] = []
        for part in parts {
            guard part.count <= 5, let minutes = Int(part) else { throw DomainError.invalid("retryMinutes", "重试间隔须为分钟数，用顿号或逗号分隔") }
            delays.append(minutes)
        }
        return try RetrySchedule(delaysInMinutes: delays).validated()
    }
}
