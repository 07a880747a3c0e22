import PropertyBased
import Testing

@testable import DisclosureCore

@Suite("Search tokenizer and query (DESIGN §4)")
struct SearchTokenizerTests {
    @Test(
        "document tokens: CJK bigrams closed by a unigram, lowercased words",
        arguments: [
            ("县政府关于2025年财政预算", "县 县政 政府 府关 关于 于 2025 年 年财 财政 政预 预算 算"),
            ("税", "税"),
            ("ABC公司 Ｘ２０２５", "abc 公 公司 司 x2025"),
            ("示财〔2025〕12号", "示 示财 财 2025 12 号"),
            ("二〇二五年", "二 二〇 〇二 二五 五年 年"),
            ("  \n\t", ""),
        ])
    func documentTokens(text: String, expected: String) {
        #expect(SearchTokenizer.indexText(text) == expected)
    }

    @Test("the index builder's tokens are the ones indexText joins, for any text")
    func tokensOneByOne() async {
        let pool: [Character] = [
            "县", "政", "府", "〇", "二", "a", "B", "Ｘ", "２", "9", " ", "，", "\n", "é", "Ⅱ", "-", "𠀋", "\u{0}", "、", "〔", "々",
            "“", "…", "Ａ", "İ", "😀", "丽",
        ]
        let text = Gen.int(in: 0...(pool.count - 1)).array(of: 0...60).map { String($0.map { pool[$0] }) }
        await propertyCheck(count: 400, input: text) { text in
            var tokens: [String] = []
            SearchTokenizer.forEachToken(in: text) { tokens.append(String(decoding: $0, as: UTF8.self)) }
            #expect(tokens == SearchTokenizer.tokens(text))
        }
    }

    @Test("a word is cut at its fortieth character, by the builder's tokens as by indexText")
    func longWords() {
        let text = String(repeating: "ab", count: 30) + "，县政" + String(repeating: "é", count: 45)
        var tokens: [String] = []
        SearchTokenizer.forEachToken(in: text) { tokens.append(String(decoding: $0, as: UTF8.self)) }
        #expect(tokens == [String(repeating: "ab", count: 20), "县", "县政", "政", String(repeating: "é", count: 40)])
        #expect(tokens == SearchTokenizer.tokens(text))
    }

    @Test("every character of the Basic Multilingual Plane folds and classifies as the Unicode tables say")
    func characterTable() {
        var differing: [UInt32] = []
        for value in UInt32(0x80)..<0x1_0000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let word = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            if SearchTokenizer.CharacterTable.isWordCharacter(scalar) != word
                || SearchTokenizer.CharacterTable.isUppercase(scalar) != scalar.properties.isUppercase
            {
                differing.append(value)
            }
        }
        #expect(differing.isEmpty)
    }

    @Test(
        "query phrases for FTS5 and PostgreSQL",
        arguments: [
            ("政务公开", "\"政务 务公 公开\"", "('政务' <-> '务公' <-> '公开')"),
            ("预算", "\"预算\"", "'预算'"),
            ("税", "\"税\" *", "'税':*"),
            ("2025 预算", "\"2025\" * AND \"预算\"", "'2025':* & '预算'"),
            ("2025年", "\"2025 年\"", "('2025' <-> '年')"),
            ("2025年度", "\"2025 年 年度\"", "('2025' <-> '年' <-> '年度')"),
            ("预算2025", "\"预算 算 2025\" *", "('预算' <-> '算' <-> '2025':*)"),
            ("Open", "\"open\" *", "'open':*"),
        ])
    func queryPhrases(raw: String, fts: String, tsquery: String) {
        let query = SearchQuery(raw)
        #expect(query.fts5Expression == fts)
        #expect(query.tsqueryExpression == tsquery)
    }

    @Test("hostile input never becomes index syntax", arguments: ["\"", "*", "NEAR(", "a\" OR \"b", "'; DROP TABLE x; --", "\u{0}\u{1}", ""])
    func hostileInput(raw: String) {
        let query = SearchQuery(raw)
        for phrase in query.phrases {
            for token in phrase {
                #expect(token.text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil })
            }
        }
    }

    @Test("a 10 KB query is cut to a bounded number of terms")
    func longQuery() {
        let query = SearchQuery(String(repeating: "政府 公开 ", count: 1000) + String(repeating: "测", count: 10_000))
        #expect(query.phrases.count <= SearchQuery.maxTerms)
        #expect(query.terms.allSatisfy { $0.count <= SearchQuery.maxLength })
    }

    /// A query term's phrase must occur in the document's token sequence exactly when the term is a
    /// substring of the document (for CJK text), which is what the index relies on.
    @Test(
        "phrase matching agrees with substring matching",
        arguments: [
            ("县政府关于财政预算的报告", "财政预算", true), ("县政府关于财政预算的报告", "预算的", true), ("县政府关于财政预算的报告", "政预", true), ("2024年度预算", "2024年", true),
            ("2024年度预算", "2024年度", true),
            ("预算：2024年", "算：2024", true),
            ("县政府关于财政预算的报告", "预执", false), ("财政。预算", "政预", false), ("个人所得税。", "税", true), ("税务局", "税", true),
            ("通知第3号", "第3号", true),
        ])
    func phraseAgreesWithSubstring(document: String, term: String, expected: Bool) {
        let tokens = SearchTokenizer.tokens(document)
        let phrase = SearchQuery(term).phrases[0]
        let found = tokens.indices.contains { start in
            guard start + phrase.count <= tokens.count else { return false }
            return phrase.enumerated().allSatisfy { offset, token in
                token.prefix ? tokens[start + offset].hasPrefix(token.text) : tokens[start + offset] == token.text
            }
        }
        #expect(found == expected)
        #expect(document.contains(term) == expected)
    }

    @Test("snippets highlight every occurrence inside the window")
    func snippet() {
        let parts = Snippet.make("关于做好2025年预算编制工作的通知。预算编制要求如下。", terms: ["预算"], radius: 40)
        #expect(parts.filter(\.highlighted).map(\.text) == ["预算", "预算"])
        #expect(parts.map(\.text).joined().contains("2025年"))
        // Latin terms match in any case and keep the document's spelling; line breaks read as spaces.
        let latin = Snippet.make("开放\nOPEN Data 平台，open data。", terms: ["open data"], radius: 40)
        #expect(latin.filter(\.highlighted).map(\.text) == ["OPEN Data", "open data"])
        #expect(latin.map(\.text).joined() == "开放 OPEN Data 平台，open data。")
    }
}
