/// 「先查一查」 (issue 24 §3): what an applicant describes, turned into searches of what is
/// already published, and the published documents ranked by how closely their titles match.
/// When the information is already public, 条例 第三十六条第（一）项 has the agency only tell the
/// applicant where to find it; the steering spares both sides an application.
public enum PublishedMatches {
    /// Words that every application uses and no document title distinguishes.
    static let filler = [
        "政府信息", "请求", "要求", "申请", "提供", "公开", "关于", "有关", "相关", "信息", "情况", "资料", "材料", "文件", "内容", "查询", "获取",
        "复印件", "一份", "本人", "我要", "需要", "请", "的", "和", "及", "与", "等",
    ]

    /// The distinctive fragments of a title: filler words and punctuation removed, a year such as
    /// «2025年» kept apart so a document of the same subject in another wording still matches.
    public static func fragments(_ title: String) -> [String] {
        var text = title
        for word in filler { text = text.replacingOccurrences(of: word, with: " ") }
        var fragments: [String] = []
        var current = ""
        func flush() {
            if current.count >= 2 { fragments.append(current) }
            current = ""
        }
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            // A year: four digits and 年, on its own.
            if character.isASCII && character.isNumber, index + 4 < characters.count,
                characters[index..<index + 4].allSatisfy({ $0.isASCII && $0.isNumber }),
                characters[index + 4] == "年"
            {
                flush()
                current = String(characters[index...index + 4])
                flush()
                index += 5
                continue
            }
            let isCJK = character.unicodeScalars.allSatisfy(SearchTokenizer.isCJK)
            let isWord = character.isASCII && (character.isLetter || character.isNumber)
            if isCJK || isWord { current.append(character) } else { flush() }
            index += 1
        }
        flush()
        var seen: Set<String> = []
        return fragments.filter { seen.insert($0).inserted }.prefix(6).map { $0 }
    }

    /// The searches to run, most specific first: every fragment, then each fragment left out in
    /// turn, then the longest that is not a year, alone. Each is a query string for `SearchQuery`.
    public static func searches(title: String) -> [String] {
        let parts = fragments(title)
        guard !parts.isEmpty else { return [] }
        var searches = [parts.joined(separator: " ")]
        if parts.count > 1 {
            for index in parts.indices { searches.append(parts.enumerated().filter { $0.offset != index }.map(\.element).joined(separator: " ")) }
            // A year alone finds everything of that year: the longest other fragment instead.
            let subjects = parts.filter { !($0.count == 5 && $0.hasSuffix("年") && $0.prefix(4).allSatisfy(\.isNumber)) }
            if let longest = subjects.max(by: { $0.count < $1.count }) { searches.append(longest) }
        }
        var seen: Set<String> = []
        return searches.filter { seen.insert($0).inserted }
    }

    /// How closely a document's title matches what is asked (0…1): the overlap of their bigrams,
    /// with filler words left out of both.
    public static func similarity(asked title: String, description: String = "", documentTitle: String) -> Double {
        func cleaned(_ text: String) -> String {
            var text = text
            for word in filler where word.count > 1 { text = text.replacingOccurrences(of: word, with: " ") }
            return text
        }
        let asked = SimilarRequests.tokens([cleaned(title)])
        let found = SimilarRequests.tokens([cleaned(documentTitle)])
        var score = SimilarRequests.dice(asked, found)
        // A description that names most of the document's title counts nearly as much as the title.
        if !description.isEmpty, !found.isEmpty {
            let named = asked.union(SimilarRequests.tokens([cleaned(description)]))
            score = max(score, Double(found.intersection(named).count) / Double(found.count) * 0.8)
        }
        return score
    }

    /// Below this a document is not shown as the information asked for.
    public static let threshold = 0.35

    /// The reply that tells the applicant where each document is (三(一) 予以公开, 第三十六条第（一）项).
    public static func replyText(_ documents: [(title: String, docNumber: String, publishedOn: CivilDate?, link: String)]) -> String {
        var lines = ["您申请获取的政府信息，本机关已经主动公开，您可以通过以下途径获取："]
        for (index, document) in documents.enumerated() {
            let number = document.docNumber.isEmpty ? "" : "（\(document.docNumber)）"
            let date = document.publishedOn.map { "，\($0.chineseText)发布" } ?? ""
            lines.append("\(index + 1). 《\(document.title)》\(number)\(date)，网址：\(document.link)")
        }
        lines.append("上述信息也可以在本机关政府信息公开平台「搜索」栏目中按标题查到。")
        return lines.joined(separator: "\n")
    }
}
