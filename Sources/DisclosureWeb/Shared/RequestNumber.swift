import DisclosureCore

/// Numbers read from a URL or form, bounded before any arithmetic.
///
/// Issue 17: `GET /ask?page=9223372036854775807` once overflowed `(page - 1) * pageSize` and
/// took the server down. Every page number and year a request carries comes through here: text
/// that is not a whole number is refused with a 400 naming the field; a page number outside its
/// range is clamped (a citizen who edits the URL still gets a page).
enum RequestNumber {
    /// The 1-based page number, 1 when absent or empty, at most `maximum`.
    static func page(_ text: String?, maximum: Int, field: String = "page") throws(DomainError) -> Int {
        guard let text, !text.isEmpty else { return 1 }
        guard text.count <= 20, let value = Int(text) else {
            throw DomainError.invalid(field, "页码（\(field)）应为 1–\(maximum) 的整数")
        }
        return min(max(value, 1), maximum)
    }

    /// A statistical year, `fallback` when absent or empty; refused outside 2000–2100.
    static func year(_ text: String?, fallback: Int, field: String = "year") throws(DomainError) -> Int {
        guard let text, !text.isEmpty else { return fallback }
        guard text.count <= 4, let value = Int(text), (2000...2100).contains(value) else {
            throw DomainError.invalid(field, "年度（\(field)）应为 2000–2100 之间的四位年份")
        }
        return value
    }

    /// A count limit, `fallback` when absent; refused when not a whole number, clamped to `range`.
    static func limit(_ text: String?, fallback: Int, range: ClosedRange<Int>, field: String = "limit") throws(DomainError) -> Int {
        guard let text, !text.isEmpty else { return fallback }
        guard text.count <= 20, let value = Int(text) else {
            throw DomainError.invalid(field, "数量（\(field)）应为 \(range.lowerBound)–\(range.upperBound) 的整数")
        }
        return min(max(value, range.lowerBound), range.upperBound)
    }
}
