import DisclosureStore
import Foundation
import NIOConcurrencyHelpers

/// A clock tests set and move by hand (e.g. past a 15-minute login lock).
public final class FixedClock: WallClock {
    private let current: NIOLockedValueBox<Date>

    /// 2026-11-20 02:00 UTC (10:00 China Standard Time, a Friday working day).
    public static let t0 = Date(timeIntervalSince1970: 1_795_140_000)

    public init(_ date: Date = FixedClock.t0) {
        current = NIOLockedValueBox(date)
    }

    public func now() -> Date { current.withLockedValue { $0 } }

    public func advance(by seconds: TimeInterval) {
        current.withLockedValue { $0 = $0.addingTimeInterval(seconds) }
    }
}
