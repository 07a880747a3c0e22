import Foundation

/// Reads and writes the `holidays-cn.json` shape: `{"2025": {"holidays": [...], "workdays": [...]}}`.
public enum HolidayFile {
    private struct YearJSON: Codable {
        var holidays: [String]
        var workdays: [String]
    }

    /// Parses a file of one or more years, validating every date; throws a Chinese message naming the bad value.
    public static func parse(_ data: Data) throws(DomainError) -> [HolidayYear] {
        let decoded: [String: YearJSON]
        do {
            decoded = try JSONDecoder().decode([String: YearJSON].self, from: data)
        } catch {
            throw .invalid("file", "日历文件不是有效的 JSON：应为 {\"2027\": {\"holidays\": [...], \"workdays\": [...]}}")
        }
        guard !decoded.isEmpty else { throw .invalid("file", "日历文件中没有任何年份") }
        var years: [HolidayYear] = []
        for (key, value) in decoded.sorted(by: { $0.key < $1.key }) {
            guard key.count == 4, let year = Int(key) else {
                throw .invalid("year", "年份“\(key)”无效，应为四位数字")
            }
            let holidays = try dates(value.holidays, field: "holidays")
            let workdays = try dates(value.workdays, field: "workdays")
            years.append(try HolidayYear(year: year, holidays: holidays, workdays: workdays))
        }
        return years
    }

    private static func dates(_ texts: [String], field: String) throws(DomainError) -> Set<CivilDate> {
        var result = Set<CivilDate>()
        for text in texts {
            guard let date = CivilDate(iso: text) else {
                throw .invalid(field, "\(field) 中的日期“\(text)”无效，应为 YYYY-MM-DD")
            }
            result.insert(date)
        }
        return result
    }
}
