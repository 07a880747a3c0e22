import PropertyBased
import Testing

@testable import DisclosureCore

/// Issue 23 §3: personal data found before anything goes public.
@Suite("Personal-data scan: ID and credit-code check digits, phones, Luhn cards, e-mail, names")
struct PersonalDataScanTests {
    /// A 居民身份证号 with a correct GB 11643 check character.
    static func residentID(area: String, birth: String, sequence: Int) -> String {
        let body = area + birth + String(format: "%03d", sequence)
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(body, weights).reduce(0) { $0 + $1.0.wholeNumberValue! * $1.1 }
        return body + String(Array("10X98765432")[sum % 11])
    }

    @Test("a table of texts and what the scan finds in them")
    func table() {
        let id = Self.residentID(area: "110105", birth: "19491231", sequence: 2)
        let cases: [(String, [PersonalDataScan.Kind])] = [
            ("申请人身份证号\(id)，请核实。", [.residentID]),
            ("身份证号\(id.dropLast())0 有误", []),
            ("统一社会信用代码：91350100M000100Y43。", [.creditCode]),
            ("联系电话13812345678或0791-86123456", [.mobile, .landline]),
            ("银行卡号6222021234567890128，户名略", [.bankCard]),
            ("银行卡号6222021234567890127（校验位错）", []),
            ("邮箱 zhang.san@example.com。", [.email]),
            ("姓名：张三，性别：男", [.name]),
            ("文号示财〔2026〕3号，共 12 页，预算 1234567 元", []),
            ("索引号 CZJ/2026-00001", []),
        ]
        for (text, kinds) in cases {
            #expect(PersonalDataScan.hits(in: text).map(\.kind) == kinds, "\(text)")
        }
    }

    @Test("a valid ID number anywhere in any text is found, at its place, and only ever shown masked")
    func idAlwaysFound() async {
        let birth = Gen.int(in: 0...20_000).map { CivilDate(iso: "1950-01-01")!.adding(days: $0) }
        let pool = Array("的申请人政府信息公开，。：（）abc 12")
        let filler = Gen.int(in: 0...(pool.count - 1)).array(of: 0...30).map { String($0.map { pool[$0] }) }
        await propertyCheck(count: 300, input: birth, Gen.int(in: 0...999), filler, filler) { day, sequence, before, after in
            let birthText = String(day.description.filter { $0 != "-" })
            let id = Self.residentID(area: "360421", birth: birthText, sequence: sequence)
            // A digit or letter touching the number makes it part of a longer run, which is not an ID.
            let text = before + "，" + id + "。" + after
            let hits = PersonalDataScan.hits(in: text).filter { $0.kind == .residentID }
            #expect(hits.count == 1)
            #expect(hits.first?.text == id)
            #expect(hits.first.map { Array(Array(text)[$0.offset..<($0.offset + 18)]) == Array(id) } == true)
            #expect(hits.first?.masked.contains(id) == false)
        }
    }

    @Test("the byte check and the reading by scalars find exactly what reading every character finds")
    func quickCheckMissesNothing() async {
        let id = Self.residentID(area: "110105", birth: "19491231", sequence: 2)
        // Hits and near misses (six digits, a word split by a hyphen, 姓 and 名 apart, an ASCII
        // digit joined to a combining mark, CR LF), in texts of CJK, digits and separators: some
        // texts are read by scalars, the ones with a mark or a CR by characters.
        let pieces = [
            id, "13812345678", "0791-8612345", "0791-861234", "6222021234567890128", "a@b.cn", "@", "姓名：张三", "姓 名", "名姓",
            "123456", "12345-67890", "1\u{0301}234567", "\r\n", "信息", "公开", "，", " ", "7", "x", "-", "2025年", "姓名 李四", "（", "　",
        ]
        let text = Gen.int(in: 0...(pieces.count - 1)).array(of: 0...12).map { $0.map { pieces[$0] }.joined() }
        var held = 0
        await propertyCheck(count: 400, input: text) { text in
            let byCharacter = PersonalDataScan.everyHit(in: Array(text))
            #expect(PersonalDataScan.hits(in: text) == byCharacter, "\(text)")
            #expect(
                PersonalDataScan.everyHit(in: Array(text.unicodeScalars)) == byCharacter
                    || !text.unicodeScalars.allSatisfy(Unicode.Scalar.standsAlone), "\(text)")
            if PersonalDataScan.mayHold(text) { held += 1 } else { #expect(byCharacter.isEmpty, "\(text)") }
        }
        #expect(held > 0)
    }
}
