import DisclosureCore
import DisclosureStore
import Foundation

/// An instant shown in China Standard Time, e.g. `2026-11-21 21:53`.
struct CivilDateTime: Sendable {
    let text: String

    init(instant: Date) {
        let seconds = Int(instant.timeIntervalSince1970) + 8 * 3600
        let day = CivilDate(dayNumber: seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400)
        let rest = ((seconds % 86400) + 86400) % 86400
        self.text = String(format: "%@ %02d:%02d", day.description, rest / 3600, rest / 60 % 60)
    }

    /// From a stored UTC timestamp; the raw text when it cannot be read.
    init(stored: String) {
        if let date = Timestamp.date(stored) { self.init(instant: date) } else { self.init(text: stored) }
    }

    /// Parses a `datetime-local` value (`2026-11-21T09:30`) entered in China Standard Time.
    static func parse(_ text: String) -> Date? {
        let parts = text.replacingOccurrences(of: " ", with: "T").split(separator: "T")
        guard parts.count == 2, let day = CivilDate(iso: String(parts[0])) else { return nil }
        let clock = parts[1].split(separator: ":")
        guard clock.count >= 2, let hour = Int(clock[0]), let minute = Int(clock[1]), (0..<24).contains(hour), (0..<60).contains(minute) else {
            return nil
        }
        return Date(timeIntervalSince1970: Double(day.dayNumber * 86400 + hour * 3600 + minute * 60 - 8 * 3600))
    }

    private init(text: String) {
        self.text = text
    }
}
