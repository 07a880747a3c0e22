import Foundation

/// 索引号: assigned when a document is created, unique, from a configurable pattern.
///
/// Placeholders: `{unit}` the unit code, `{year}` the year of the 生成日期, `{seq}` or `{seq:N}` the
/// per-unit, per-year sequence zero-padded to N digits. The default `{unit}/{year}-{seq:5}` gives
/// the 「代码/年份-序号」 shape Chinese portals print (e.g. `CZJ/2025-00012`).
public struct IndexNumberFormat: Equatable, Sendable {
    public let pattern: String

    public static let standard = try! IndexNumberFormat("{unit}/{year}-{seq:5}")

    public init(_ pattern: String) throws {
        guard pattern.contains("{seq"), pattern.contains("{unit}"), pattern.count <= 60 else {
            throw DomainError.invalid("indexFormat", "索引号格式须包含 {unit} 和 {seq}（或 {seq:N}），且不超过 60 个字符")
        }
        self.pattern = pattern
    }

    public func format(unit: String, year: Int, sequence: Int) -> String {
        stem(unit: unit, year: year).number(sequence)
    }

    /// The pattern with the unit and year filled in, split around the sequence: a bulk import
    /// numbers thousands of documents of one unit and year, and matching the pattern for each
    /// was a twentieth of its time.
    public func stem(unit: String, year: Int) -> Stem {
        let text = pattern.replacingOccurrences(of: "{unit}", with: unit).replacingOccurrences(of: "{year}", with: String(year))
        guard let range = text.range(of: "\\{seq(:[0-9]+)?\\}", options: .regularExpression) else {
            return Stem(prefix: text, width: nil, suffix: "")
        }
        let token = text[range]
        let width = token.count > 5 ? Int(token.dropFirst(5).dropLast()) ?? 0 : 0
        return Stem(prefix: String(text[..<range.lowerBound]), width: width, suffix: String(text[range.upperBound...]))
    }

    /// A 索引号 of one unit and year, but for its sequence number.
    public struct Stem: Sendable {
        let prefix: String
        /// Digits the sequence is padded to; nil when the pattern has no sequence placeholder left.
        let width: Int?
        let suffix: String

        public func number(_ sequence: Int) -> String {
            guard let width else { return prefix }
            let digits = String(sequence)
            return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits + suffix
        }
    }
}
