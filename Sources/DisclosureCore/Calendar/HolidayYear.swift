/// One year of the State Council's 节假日安排: the days off and the 调休 make-up workdays.
///
/// Shape of `holidays-cn.json` (spec/statutes.md §6): `holidays` lists every date inside an
/// announced 放假 range, weekends included; `workdays` lists exactly the announced 上班 days.
public struct HolidayYear: Equatable, Sendable {
    public let year: Int
    public private(set) var holidays: Set<CivilDate>
    public private(set) var workdays: Set<CivilDate>

    /// Validates the rules of a real 通知: every date inside the year, every make-up workday on a
    /// Saturday or Sunday, and no date both a holiday and a workday.
    public init(year: Int, holidays: Set<CivilDate>, workdays: Set<CivilDate>) throws(DomainError) {
        guard (1900...2999).contains(year) else {
            throw .invalid("year", "年份 \(year) 不在 1900–2999 之间")
        }
        for date in holidays.union(workdays).sorted() where date.year != year {
            throw .invalid("date", "日期 \(date) 不在 \(year) 年内")
        }
        for date in workdays.sorted() where !date.isWeekend {
            throw .invalid("workdays", "调休上班日 \(date) 是\(date.chineseWeekday)，调休上班日必须是周六或周日")
        }
        if let both = holidays.intersection(workdays).sorted().first {
            throw .invalid("date", "日期 \(both) 不能既是放假日又是调休上班日")
        }
        self.year = year
        self.holidays = holidays
        self.workdays = workdays
    }

    /// An empty year with no announced days: weekdays work, weekends rest.
    public static func plain(_ year: Int) -> HolidayYear {
        // An empty set of dates always passes validation for a year in range.
        (try? HolidayYear(year: year, holidays: [], workdays: [])) ?? HolidayYear(unchecked: year)
    }

    private init(unchecked year: Int) {
        self.year = year
        self.holidays = []
        self.workdays = []
    }

    /// Applies one office override to this year (the office corrects a day in the console).
    public func applying(_ override: CalendarOverride) throws(DomainError) -> HolidayYear {
        var holidays = self.holidays
        var workdays = self.workdays
        holidays.remove(override.date)
        workdays.remove(override.date)
        switch override.kind {
        case .holiday: holidays.insert(override.date)
        case .workday: workdays.insert(override.date)
        case .normal: break
        }
        return try HolidayYear(year: year, holidays: holidays, workdays: workdays)
    }
}

/// What the office says about one day, overriding the bundled 通知 data.
public struct CalendarOverride: Equatable, Sendable {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        /// 放假: not a working day even if Monday–Friday.
        case holiday
        /// 调休上班: a working Saturday or Sunday.
        case workday
        /// 按常规: back to the plain weekday rule.
        case normal

        public var label: String {
            switch self {
            case .holiday: "放假"
            case .workday: "调休上班"
            case .normal: "按常规（周一至周五上班）"
            }
        }
    }

    public let date: CivilDate
    public let kind: Kind
    public let note: String

    public init(date: CivilDate, kind: Kind, note: String = "") throws(DomainError) {
        if kind == .workday && !date.isWeekend {
            throw .invalid("kind", "\(date) 是\(date.chineseWeekday)，只有周六或周日可以设为调休上班日")
        }
        guard note.count <= 200 else { throw .invalid("note", "备注不能超过 200 个字") }
        self.date = date
        self.kind = kind
        self.note = note
    }
}
