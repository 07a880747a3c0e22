import DisclosureCore
import DisclosureStore

/// Anything that holds the application's clock knows today's date in China Standard Time, the
/// date every deadline and page is drawn against.
protocol ClockReading {
    var clock: any WallClock { get }
}

extension ClockReading {
    var today: CivilDate { CivilDate(instant: clock.now()) }
}
