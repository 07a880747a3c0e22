/// Chinese working days: an announced 调休 make-up workday, or Monday–Friday not inside an
/// announced holiday (spec/statutes.md §1.4, by analogy with 行政许可法 第八十二条).
///
/// Years without announced data fall back to the weekday rule and are reported as unconfirmed,
/// so every deadline that crosses them can be flagged in the UI.
public struct WorkingDayCalendar: Sendable {
    public let years: [Int: HolidayYear]
    /// Years whose whole 放假安排 is known (bundled or imported), as opposed to a year that only
    /// carries a few office overrides.
    public let confirmedYears: Set<Int>

    /// - Parameter confirmed: the confirmed years; by default every year given.
    public init(years: [HolidayYear], confirmed: Set<Int>? = nil) {
        self.years = Dictionary(years.map { ($0.year, $0) }, uniquingKeysWith: { _, last in last })
        self.confirmedYears = confirmed ?? Set(years.map(\.year))
    }

    /// Whether the State Council data for `year` is loaded.
    public func isConfirmed(_ year: Int) -> Bool { confirmedYears.contains(year) }

    public func isWorkingDay(_ date: CivilDate) -> Bool {
        guard let data = years[date.year] else { return !date.isWeekend }
        if data.workdays.contains(date) { return true }
        return !date.isWeekend && !data.holidays.contains(date)
    }

    /// Why a date is or is not a working day, in the words a clerk checks against the 通知.
    public func reason(for date: CivilDate) -> String {
        guard let data = years[date.year], isConfirmed(date.year) || data.holidays.contains(date) || data.workdays.contains(date) else {
            return date.isWeekend ? "\(date.chineseWeekday)（\(date.year)年放假安排未公布）" : "工作日（\(date.year)年放假安排未公布，按周一至周五推算）"
        }
        if data.workdays.contains(date) { return "调休上班（\(date.chineseWeekday)）" }
        if data.holidays.contains(date) { return "法定节假日放假" }
        return date.isWeekend ? "周末（\(date.chineseWeekday)）" : "工作日"
    }

    /// The date `count` working days after `anchor`; the anchor day itself is never counted
    /// (counting starts the next day, statutes §1.4).
    public func adding(workingDays count: Int, to anchor: CivilDate) -> WorkingDayResult {
        precondition(count >= 0, "working-day counts are never negative")
        var date = anchor
        var counted = 0
        var skipped: [CivilDate] = []
        var makeUpDays: [CivilDate] = []
        var unconfirmed = Set<Int>()
        while counted < count {
            date = date.adding(days: 1)
            if !isConfirmed(date.year) { unconfirmed.insert(date.year) }
            if isWorkingDay(date) {
                counted += 1
                if date.isWeekend { makeUpDays.append(date) }
            } else if !date.isWeekend || years[date.year]?.holidays.contains(date) == true {
                skipped.append(date)
            }
        }
        return WorkingDayResult(
            anchor: anchor, workingDays: count, date: date, holidaysSkipped: skipped,
            makeUpWorkdaysCounted: makeUpDays, unconfirmedYears: unconfirmed.sorted())
    }

    /// `date` itself when it is a working day, else the next working day: a period a person sets
    /// that ends on a rest day ends on the next working day (民法典 第二百零三条; statutes §1.4).
    public func workingDay(onOrAfter date: CivilDate) -> CivilDate {
        var day = date
        var guardDays = 0
        while !isWorkingDay(day), guardDays < 60 {
            day = day.adding(days: 1)
            guardDays += 1
        }
        return day
    }

    /// How many working days lie after `start` up to and including `end` (0 when `end <= start`).
    public func workingDays(from start: CivilDate, to end: CivilDate) -> Int {
        guard end > start else { return 0 }
        var count = 0
        var date = start.adding(days: 1)
        while date <= end {
            if isWorkingDay(date) { count += 1 }
            date = date.adding(days: 1)
        }
        return count
    }

    /// Years between two dates (inclusive) whose data is not loaded.
    public func unconfirmedYears(from start: CivilDate, to end: CivilDate) -> [Int] {
        let low = min(start.year, end.year)
        let high = max(start.year, end.year)
        return (low...high).filter { !isConfirmed($0) }
    }
}

/// A counted deadline with the facts a clerk needs to check it by hand.
public struct WorkingDayResult: Equatable, Sendable {
    public let anchor: CivilDate
    public let workingDays: Int
    public let date: CivilDate
    /// Weekday holidays and holiday-range weekend days passed over (ordinary weekends are not listed).
    public let holidaysSkipped: [CivilDate]
    /// 调休 Saturdays and Sundays that counted as working days.
    public let makeUpWorkdaysCounted: [CivilDate]
    /// Years crossed whose 放假安排 is not loaded; the date is provisional when non-empty.
    public let unconfirmedYears: [Int]

    public var isConfirmed: Bool { unconfirmedYears.isEmpty }

    /// One-paragraph explanation in Chinese, e.g. for a deadline tooltip or a printed letter.
    public var explanation: String {
        var parts = ["自 \(anchor) 次日起算 \(workingDays) 个工作日，至 \(date)（\(date.chineseWeekday)）"]
        if !holidaysSkipped.isEmpty {
            parts.append("期间跳过节假日 \(holidaysSkipped.count) 天（\(Self.ranges(holidaysSkipped))）")
        }
        if !makeUpWorkdaysCounted.isEmpty {
            parts.append("计入调休上班日 \(makeUpWorkdaysCounted.map(\.description).joined(separator: "、"))")
        }
        if !unconfirmedYears.isEmpty {
            let list = unconfirmedYears.map { "\($0)年" }.joined(separator: "、")
            parts.append("\(list)放假安排尚未公布，按周一至周五推算，日期待确认")
        }
        return parts.joined(separator: "；") + "。"
    }

    /// Collapses consecutive dates into `A至B` runs so long holidays read as one range.
    public static func ranges(_ dates: [CivilDate]) -> String {
        var runs: [(CivilDate, CivilDate)] = []
        for date in dates {
            if let last = runs.last, last.1.adding(days: 1) == date {
                runs[runs.count - 1].1 = date
            } else {
                runs.append((date, date))
            }
        }
        return runs.map { $0 == $1 ? "\($0)" : "\($0)至\($1)" }.joined(separator: "、")
    }
}
