/// Check digits of the identity numbers an applicant gives (条例 第二十九条 身份证明).
///
/// A typo in a 身份证号 or 信用代码 would make the request impossible to attribute later (the
/// 按件 fee counts requests per applicant per month), so both are checked at intake.
public enum IdentityNumbers {
    /// 居民身份证号码 (GB 11643-1999): 17 digits, then a check character from the weighted sum mod 11.
    public static func isValidResidentID(_ text: String) -> Bool {
        let chars = Array(text.uppercased())
        guard chars.count == 18 else { return false }
        var sum = 0
        for (index, char) in chars.prefix(17).enumerated() {
            guard let digit = char.wholeNumberValue, char.isASCII else { return false }
            sum += digit * residentWeights[index]
        }
        guard chars[17] == residentCheck[sum % 11] else { return false }
        // The birth date (positions 7–14) must be a real date.
        guard let year = Int(String(chars[6..<10])), let month = Int(String(chars[10..<12])), let day = Int(String(chars[12..<14])),
            year >= 1900, CivilDate(year: year, month: month, day: day) != nil
        else { return false }
        return true
    }

    /// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-symbol alphabet (no I, O, Z, S, V);
    /// the last is 31 − (weighted sum mod 31), with 31 written as 0.
    public static func isValidCreditCode(_ text: String) -> Bool {
        let chars = Array(text.uppercased())
        guard chars.count == 18 else { return false }
        var sum = 0
        for (index, char) in chars.prefix(17).enumerated() {
            guard let value = creditAlphabet.firstIndex(of: char) else { return false }
            sum += value * creditWeights[index]
        }
        let check = (31 - sum % 31) % 31
        return chars[17] == creditAlphabet[check]
    }

    /// A mainland mobile number: 11 digits starting 13–19. A leading +86 or 86 is accepted.
    public static func normalizedMobile(_ text: String) -> String? {
        var digits = text.filter { !" -".contains($0) }
        if digits.hasPrefix("+86") { digits.removeFirst(3) } else if digits.hasPrefix("86"), digits.count == 13 { digits.removeFirst(2) }
        guard digits.count == 11, digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.hasPrefix("1"),
            let second = digits.dropFirst().first?.wholeNumberValue, second >= 3
        else { return nil }
        return digits
    }

    /// A fixed-line number such as 0791-12345678 (counties publish these as contact phones).
    public static func isFixedLine(_ text: String) -> Bool {
        let digits = text.filter { $0 != "-" && $0 != " " }
        return (7...12).contains(digits.count) && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    static let residentWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let residentCheck: [Character] = Array("10X98765432")
    static let creditAlphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let creditWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
}

/// How personal data is shown to anyone but the handling clerk (issue 4 §10).
public enum PersonalDataMask {
    /// `110***********1234`: the first 3 and last 4 characters stay.
    public static func idNumber(_ text: String) -> String { keep(text, head: 3, tail: 4) }
    /// `138****5678`.
    public static func phone(_ text: String) -> String { keep(text, head: 3, tail: 4) }
    /// `z***@example.com`.
    public static func email(_ text: String) -> String {
        guard let at = text.firstIndex(of: "@"), at > text.startIndex else { return keep(text, head: 1, tail: 0) }
        return String(text[text.startIndex]) + "***" + String(text[at...])
    }
    /// 张** for a person; organisations' names are public and stay whole.
    public static func personName(_ text: String) -> String {
        guard let first = text.first else { return text }
        return String(first) + String(repeating: "*", count: max(1, text.count - 1))
    }

    static func keep(_ text: String, head: Int, tail: Int) -> String {
        let chars = Array(text)
        guard chars.count > head + tail else { return String(repeating: "*", count: chars.count) }
        return String(chars.prefix(head)) + String(repeating: "*", count: chars.count - head - tail) + String(chars.suffix(tail))
    }
}
