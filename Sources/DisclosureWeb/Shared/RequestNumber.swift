import DisclosureCore

/// Numbers read from a URL or form, bounded before any arithmetic.
///
/// Issue 17: `GET /ask?page=9223372036854775807` once overflowed `(page - 1) * pageSize` and
/// took the server down. Every page number and year a request carries comes through here: text
/// that is not a whole number is refused with a 400 naming the field; a page number outside its
/// range is clamped (a citizen who edits the URL still gets a page).
enum RequestNumber {
    /// The statistical years the platform accepts anywhere a year comes from a request.
    static let years = 2000...2100

    /// The 1-based page number, 1 when absent or empty, at most `maximum`.
    static func page(_ text: String?, maximum: Int, field: String = "page") throws(DomainError) -> Int {
        try clamped(text, fallback: 1, range: 1...maximum, label: "页码", field: field)
    }

    /// A statistical year, `fallback` when absent or empty; refused outside `years`.
    static func year(_ text: String?, fallback: Int, field: String = "year") throws(DomainError) -> Int {
        guard let text, !text.isEmpty else { return fallback }
        guard text.count <= 4, let value = Int(text), years.contains(value) else {
            throw DomainError.invalid(field, "年度（\(field)）应为 \(years.lowerBound)–\(years.upperBound) 之间的四位年份")
        }
        return value
    }

    /// A count limit, `fallback` when absent; refused when not a whole number, clamped to `range`.
    static func limit(_ text: String?, fallback: Int, range: ClosedRange<Int>, field: String = "limit") throws(DomainError) -> Int {
        try clamped(text, fallback: fallback, range: range, label: "数量", field: field)
    }

    /// `fallback` when absent or empty; a 400 naming the field when not a whole number; else clamped.
    private static func clamped(
        _ text: String?, fallback: Int, range: ClosedRange<Int>, label: String, field: String
    ) throws(DomainError) -> Int {
        guard let text, !text.isEmpty else { return fallback }
        guard text.count <= 20, let value = Int(text) else {
            throw DomainError.invalid(field, "\(label)（\(field)）应为 \(range.lowerBound)–\(range.upperBound) 的整数")
        }
        return min(max(value, range.lowerBound), range.upperBound)
    }
}
