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

    /// Every hit in `text`, in the order they stand.
    public static func hits(in text: String) -> [Hit] {
        guard mayHold(text) else { return [] }
        return everyHit(in: text)
    }

    /// Whether `text` could hold a hit, from its UTF-8 bytes alone: every number or code the scan
    /// finds is a word of at least seven ASCII letters or digits (a landline's shortest part), an
    /// e-mail address has an @, a name follows 姓名. The nightly watch reads every public body —
    /// a million at a province — beside the night's searches, and splitting each into characters
    /// was most of its time; a body with none of these is passed over without that.
    static func mayHold(_ text: String) -> Bool {
        var run = 0
        // The last six bytes, to see 姓名 (E5 A7 93 E5 90 8D) end.
        var window: UInt64 = 0
        for byte in text.utf8 {
            window = window << 8 | UInt64(byte)
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                run += 1
                if run >= 7 { return true }
            case UInt8(ascii: "@"):
                return true
            case 0x8D where window & 0xFFFF_FFFF_FFFF == 0xE5A7_93E5_908D:
                return true
            default:
                run = 0
            }
        }
        return false
    }

    /// The scan itself. Read by Unicode scalars when each character of the text is one scalar
    /// (`ScanUnit.standsAlone`: Chinese prose, ASCII, common punctuation), which is the same
    /// reading without breaking it into grapheme clusters; by characters otherwise.
    static func everyHit(in text: String) -> [Hit] {
        let scalars = Array(text.unicodeScalars)
        if scalars.allSatisfy(Unicode.Scalar.standsAlone) { return everyHit(in: scalars) }
        return everyHit(in: Array(text))
    }

    static func everyHit<Unit: ScanUnit>(in characters: [Unit]) -> [Hit] {
        var hits: [Hit] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character.isRunCharacter {
                var end = index
                while end < characters.count, characters[end].isRunCharacter { end += 1 }
                hits += runHits(Unit.text(characters[index..<end]), at: index)
                index = end
            } else {
                index += 1
            }
        }
        hits += nameHits(characters)
        return hits.sorted { $0.offset < $1.offset }
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
    static func nameHits<Unit: ScanUnit>(_ characters: [Unit]) -> [Hit] {
        let (family, given) = (Unit.of("姓"), Unit.of("名"))
        let separators = "：: 　".unicodeScalars.map(Unit.of)
        var hits: [Hit] = []
        var index = 0
        while index + 2 < characters.count {
            if characters[index] == family, characters[index + 1] == given {
                var start = index + 2
                while start < characters.count, separators.contains(characters[start]) { start += 1 }
                var end = start
                while end < characters.count, end - start < 4, characters[end].isHan { end += 1 }
                if end - start >= 2, start > index + 2 {
                    hits.append(Hit(kind: .name, text: Unit.text(characters[start..<end]), offset: start))
                }
                index = max(end, index + 2)
            } else {
                index += 1
            }
        }
        return hits
    }
}

/// A unit of text the scan reads: a character, or a Unicode scalar that is one.
protocol ScanUnit: Equatable {
    static func of(_ scalar: Unicode.Scalar) -> Self
    static func text(_ units: ArraySlice<Self>) -> String
    /// Can be part of a number, a code or an e-mail address.
    var isRunCharacter: Bool { get }
    /// A CJK ideograph (a name's characters).
    var isHan: Bool { get }
}

extension Character: ScanUnit {
    static func of(_ scalar: Unicode.Scalar) -> Character { Character(scalar) }
    static func text(_ units: ArraySlice<Character>) -> String { String(units) }
    var isRunCharacter: Bool { isASCII && (isLetter || isNumber || "-@._+".contains(self)) }
    var isHan: Bool { unicodeScalars.allSatisfy(\.isHan) }
}

extension Unicode.Scalar: ScanUnit {
    static func of(_ scalar: Unicode.Scalar) -> Unicode.Scalar { scalar }
    static func text(_ units: ArraySlice<Unicode.Scalar>) -> String { String(String.UnicodeScalarView(units)) }

    var isRunCharacter: Bool {
        switch value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        default: "-@._+".unicodeScalars.contains(self)
        }
    }

    var isHan: Bool { (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) }

    /// Whether this scalar is a character of its own whatever stands beside it: none of these
    /// joins a neighbour into one grapheme cluster (CR, which joins a following LF, is left out,
    /// as are combining marks, joiners, Hangul and everything else not listed).
    static func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09, 0x20...0x7E: true
        case 0x3400...0x4DBF, 0x4E00...0x9FFF: true
        case 0x3000...0x3029, 0x3030...0x303F: true
        case 0x2010...0x2027, 0x2030...0x205E: true
        case 0xFF01...0xFF5E: true
        default: false
        }
    }
}
