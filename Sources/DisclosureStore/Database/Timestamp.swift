import DisclosureCore
import Foundation

/// Instants are stored as UTC text `yyyy-MM-ddTHH:mm:ss.SSSZ`: sortable, identical on SQLite and
/// PostgreSQL, and hashed verbatim by the audit chain.
public enum Timestamp {
    public static func text(_ date: Date) -> String {
        let millis = Int((date.timeIntervalSince1970 * 1000).rounded(.down))
        let days = millis >= 0 ? millis / 86_400_000 : (millis - 86_399_999) / 86_400_000
        let rest = millis - days * 86_400_000
        let day = CivilDate(dayNumber: days)
        let h = rest / 3_600_000, m = rest / 60_000 % 60, s = rest / 1000 % 60, ms = rest % 1000
        return String(format: "%@T%02d:%02d:%02d.%03dZ", day.description, h, m, s, ms)
    }

    public static func date(_ text: String) -> Date? {
        let parts = text.split(separator: "T")
        guard parts.count == 2, let day = CivilDate(iso: String(parts[0])) else { return nil }
        let time = parts[1].dropLast().split(separator: ":")
        guard time.count == 3, let h = Int(time[0]), let m = Int(time[1]), let s = Double(time[2]) else { return nil }
        let seconds = Double(day.dayNumber) * 86400 + Double(h * 3600 + m * 60) + s
        return Date(timeIntervalSince1970: seconds)
    }
}

/// The seam for "now" (DESIGN §2: a protocol only where a fake is needed — the clock).
public protocol WallClock: Sendable {
    func now() -> Date
}

public struct SystemWallClock: WallClock {
    public init() {}
    public func now() -> Date { Date() }
}
