import DisclosureCore

/// View model of one year of the working-day calendar: twelve month grids and the year's facts.
struct CalendarPage: Sendable {
    struct Day: Sendable {
        /// The day of the month; nil for the blank cells around a month (the template's section
        /// would print a 0 for them: a number is always "true" there).
        let number: Int?
        let date: String
        /// CSS class: `work`, `rest`, `holiday`, `makeup`, `blank`.
        let kind: String
        let title: String
        let isToday: Bool
    }

    struct Week: Sendable { let days: [Day] }

    struct Month: Sendable {
        let name: String
        let weeks: [Week]
        let workingDays: Int
    }

    struct OverrideRow: Sendable {
        let date: String
        let kindLabel: String
        let note: String
    }

    struct Calculation: Sendable {
        let from: String
        let days: Int
        let due: String
        let explanation: String
    }

    let year: Int
    let previousYear: Int
    let nextYear: Int
    let confirmed: Bool
    let months: [Month]
    let holidays: String
    let makeUpDays: [String]
    let workingDaysInYear: Int
    let overrides: [OverrideRow]
    let calculation: Calculation?
    let canEdit: Bool
    let kinds: [SelectOption]

    init(year: Int, calendar: WorkingDayCalendar, overrides: [CalendarOverride], today: CivilDate, calculation: Calculation?, canEdit: Bool) {
        self.year = year
        self.previousYear = year - 1
        self.nextYear = year + 1
        self.confirmed = calendar.isConfirmed(year)
        self.months = (1...12).map { Self.month($0, year: year, calendar: calendar, today: today) }
        let data = calendar.years[year]
        self.holidays = WorkingDayResult.ranges(data?.holidays.sorted() ?? [])
        self.makeUpDays = (data?.workdays.sorted() ?? []).map { "\($0)（\($0.chineseWeekday)）" }
        self.workingDaysInYear = months.reduce(0) { $0 + $1.workingDays }
        self.overrides = overrides.filter { $0.date.year == year }.map {
            OverrideRow(date: $0.date.description, kindLabel: $0.kind.label, note: $0.note)
        }
        self.calculation = calculation
        self.canEdit = canEdit
        self.kinds = CalendarOverride.Kind.allCases.map { .init(value: $0.rawValue, label: $0.label, selected: false) }
    }

    static func month(_ month: Int, year: Int, calendar: WorkingDayCalendar, today: CivilDate) -> Month {
        let first = CivilDate(year: year, month: month, day: 1)!
        let count = CivilDate.daysIn(month: month, year: year)
        var cells: [Day] = Array(repeating: Day(number: nil, date: "", kind: "blank", title: "", isToday: false), count: first.isoWeekday - 1)
        var working = 0
        for offset in 0..<count {
            let date = first.adding(days: offset)
            let isWorking = calendar.isWorkingDay(date)
            if isWorking { working += 1 }
            let data = calendar.years[year]
            let kind =
                data?.workdays.contains(date) == true
                ? "makeup"
                : data?.holidays.contains(date) == true ? "holiday" : isWorking ? "work" : "rest"
            cells.append(Day(number: date.day, date: date.description, kind: kind, title: calendar.reason(for: date), isToday: date == today))
        }
        while cells.count % 7 != 0 { cells.append(Day(number: nil, date: "", kind: "blank", title: "", isToday: false)) }
        let weeks = stride(from: 0, to: cells.count, by: 7).map { Week(days: Array(cells[$0..<$0 + 7])) }
        return Month(name: "\(month)月", weeks: weeks, workingDays: working)
    }
}
