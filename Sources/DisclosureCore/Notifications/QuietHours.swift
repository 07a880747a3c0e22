import Foundation

/// The night hours (Beijing time) in which no SMS goes to staff: a reminder queued then waits for
/// the morning. E-mail is not held, since it does not wake anyone.
public struct QuietHours: Equatable, Sendable, Codable {
    /// Minutes after midnight, Beijing time. Equal values mean no quiet hours.
    public var startMinute: Int
    public var endMinute: Int

    public static let standard = QuietHours(startMinute: 21 * 60, endMinute: 8 * 60)

    public init(startMinute: Int, endMinute: Int) {
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    public func validated() throws -> QuietHours {
        guard (0..<1440).contains(startMinute) else { throw DomainError.invalid("quietStart", "免打扰开始时间无效") }
        guard (0..<1440).contains(endMinute) else { throw DomainError.invalid("quietEnd", "免打扰结束时间无效") }
        return self
    }

    private static let beijingOffset = 8 * 3600

    /// Minutes after midnight in Beijing at `instant`.
    public static func minuteOfDay(_ instant: Date) -> Int {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + beijingOffset
        return ((seconds % 86_400 + 86_400) % 86_400) / 60
    }

    public func contains(_ instant: Date) -> Bool {
        let minute = Self.minuteOfDay(instant)
        if startMinute == endMinute { return false }
        if startMinute < endMinute { return minute >= startMinute && minute < endMinute }
        return minute >= startMinute || minute < endMinute
    }

    /// `instant` itself when it is outside the quiet hours, else the minute they end.
    public func release(_ instant: Date) -> Date {
        guard contains(instant) else { return instant }
        let whole = instant.timeIntervalSince1970.rounded(.down)
        let minute = Self.minuteOfDay(instant)
        let wait = (endMinute - minute + 1440) % 1440
        let secondsIntoMinute = (Int(whole) + Self.beijingOffset) % 60
        return Date(timeIntervalSince1970: whole + TimeInterval(wait * 60 - secondsIntoMinute))
    }

    /// «21:00» for the form.
    public static func clockText(_ minute: Int) -> String {
        String(format: "%02d:%02d", minute / 60, minute % 60)
    }

    /// Reads «21:00» or «8:30».
    public static func parseClock(_ text: String, field: String) throws -> Int {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":")
        guard parts.count == 2, parts[0].count <= 2, parts[1].count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
            (0..<24).contains(hour), (0..<60).contains(minute)
        else { throw DomainError.invalid(field, "时间须写作 时:分，例如 21:00") }
        return hour * 60 + minute
    }
}
