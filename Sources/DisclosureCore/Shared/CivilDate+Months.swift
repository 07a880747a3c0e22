extension CivilDate {
    /// The same day `months` calendar months later (or earlier), clamped to the month's last day
    /// (2026-08-31 + 6 months = 2027-02-28). Inspection windows such as "6 个月内" and "超过 3 个月"
    /// (statutes §5.2) count in calendar months, not working days.
    public func adding(months: Int) -> CivilDate {
        let index = year * 12 + (month - 1) + months
        let newYear = index >= 0 ? index / 12 : (index - 11) / 12
        let newMonth = index - newYear * 12 + 1
        let newDay = min(day, CivilDate.daysIn(month: newMonth, year: newYear))
        return CivilDate(year: newYear, month: newMonth, day: newDay)!
    }
}
