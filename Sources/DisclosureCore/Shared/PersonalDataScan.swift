/// Finds personal data in text before it goes public (issue 23 §3; a leaked 身份证号 on a portal
/// is a 严重错误 under the 国办 website rules and costs points in every county scheme): 居民身份证号
/// with a valid GB 11643 check digit, 统一社会信用代码 (GB 32100), mobile and fixed-line numbers,
/// bank card numbers that pass the Luhn check, e-mail addresses, and a name after 「姓名」.
/// Pure: the same text always gives the same hits, in the order they stand.
public enum PersonalDataScan {
    public enum Kind: String, CaseIterable, Sendable {
        case residentID = "居民身份证号"
        case creditCode = "统一社会信用代码"
        case mobile = "手机号码"
        case landline = "固定电话"
        case bankCard = "银行卡号"
        case email = "电子邮箱"
        case name = "姓名"
    }

    public struct Hit: Equatable, Sendable {
        public let kind: Kind
        /// The text as it stands, for redaction.
        public let text: String
        /// Where it starts, in characters from the start of the text.
        public let offset: Int

        /// What a reviewer's list shows: masked like everywhere else, never the whole number.
        public var masked: String {
            switch kind {
            case .residentID, .creditCode, .bankCard: PersonalDataMask.idNumber(text)
            case .mobile, .landline: PersonalDataMask.phone(text)
            case .email: PersonalDataMask.email(text)
            case .name: PersonalDataMask.personName(text)
            }
        }
    }

    public static func hits(in text: String) -> [Hit] {
        let characters = Array(text)
        var hits: [Hit] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if isRunCharacter(character) {
                var end = index
                while end < characters.count, isRunCharacter(characters[end]) { end += 1 }
                hits += runHits(String(characters[index..<end]), at: index)
                index = end
            } else {
                index += 1
            }
        }
        hits += nameHits(characters)
        return hits.sorted { $0.offset < $1.offset }
    }

    /// Characters that can be part of a number, a code or an e-mail address.
    static func isRunCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "-@._+".contains(character))
    }

    static func runHits(_ run: String, at offset: Int) -> [Hit] {
        if run.contains("@") {
            let trimmed = run.trimmingCharacters(in: .init(charactersIn: "._-+"))
            return ContactDetails.looksLikeEmail(trimmed) ? [Hit(kind: .email, text: trimmed, offset: offset)] : []
        }
        // A fixed-line number: 0 + area code (2–3 more digits), a hyphen, 7–8 digits.
        let parts = run.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 2, parts[0].first == "0", (3...4).contains(parts[0].count), (7...8).contains(parts[1].count),
            parts.allSatisfy({ $0.allSatisfy(\.isNumber) })
        {
            return [Hit(kind: .landline, text: run, offset: offset)]
        }
        var hits: [Hit] = []
        var position = offset
        for piece in parts {
            let word = String(piece)
            if let kind = kind(of: word) { hits.append(Hit(kind: kind, text: word, offset: position)) }
            position += word.count + 1
        }
        return hits
    }

    static func kind(of word: String) -> Kind? {
        if word.count == 18 {
            if IdentityNumbers.isValidResidentID(word) { return .residentID }
            if IdentityNumbers.isValidCreditCode(word) { return .creditCode }
        }
        guard word.allSatisfy(\.isNumber) else { return nil }
        if word.count == 11, IdentityNumbers.normalizedMobile(word) != nil { return .mobile }
        if (16...19).contains(word.count), luhn(word) { return .bankCard }
        return nil
    }

    /// The Luhn check bank card numbers carry (ISO/IEC 7812).
    static func luhn(_ digits: String) -> Bool {
        var sum = 0
        for (index, character) in digits.reversed().enumerated() {
            guard var digit = character.wholeNumberValue else { return false }
            if index % 2 == 1 {
                digit *= 2
                if digit > 9 { digit -= 9 }
            }
            sum += digit
        }
        return sum % 10 == 0
    }

    /// 「姓名：张三」: the two to four CJK characters after the label.
    static func nameHits(_ characters: [Character]) -> [Hit] {
        var hits: [Hit] = []
        var index = 0
        while index + 2 < characters.count {
            if characters[index] == "姓", characters[index + 1] == "名" {
                var start = index + 2
                while start < characters.count, "：: 　".contains(characters[start]) { start += 1 }
                var end = start
                while end < characters.count, end - start < 4, isHan(characters[end]) { end += 1 }
                if end - start >= 2, start > index + 2 {
                    hits.append(Hit(kind: .name, text: String(characters[start..<end]), offset: start))
                }
                index = max(end, index + 2)
            } else {
                index += 1
            }
        }
        return hits
    }

    static func isHan(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) }
    }
}
