/// One 设定依据: the law or regulation and the article that sets the power up.
public struct LegalBasis: Equatable, Sendable, Codable {
    public var law: String
    public var article: String

    public init(law: String, article: String) {
        self.law = law
        self.article = article
    }

    /// "《中华人民共和国行政许可法》第二十九条".
    public var text: String { article.isEmpty ? law : law + article }

    /// Reads one basis as offices type it: the law in 《》 followed by the article, e.g.
    /// "《中华人民共和国政府采购法》第二十二条". Without 《》 the article starts at the last "第".
    public static func parse(_ text: String, field: String) throws -> LegalBasis {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw DomainError.invalid(field, "设定依据不能为空") }
        let law: String
        let article: String
        if let close = trimmed.lastIndex(of: "》") {
            law = String(trimmed[...close]).trimmingCharacters(in: .whitespaces)
            article = String(trimmed[trimmed.index(after: close)...]).trimmingCharacters(in: .whitespaces)
        } else if let start = trimmed.range(of: "第", options: .backwards), start.lowerBound != trimmed.startIndex {
            law = String(trimmed[..<start.lowerBound]).trimmingCharacters(in: .whitespaces)
            article = String(trimmed[start.lowerBound...]).trimmingCharacters(in: .whitespaces)
        } else {
            law = trimmed
            article = ""
        }
        guard law.count >= 2, law != "《》" else { throw DomainError.invalid(field, "设定依据「\(trimmed)」缺少法律法规名称") }
        guard law.count <= 120, article.count <= 120 else { throw DomainError.invalid(field, "设定依据「\(trimmed.prefix(20))…」过长") }
        return LegalBasis(law: law, article: article)
    }

    /// Several bases in one cell, separated by a line break or "；".
    public static func parseList(_ text: String, field: String) throws -> [LegalBasis] {
        let parts = text.split(whereSeparator: { $0 == "\n" || $0 == "；" || $0 == ";" || $0 == "\r\n" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !parts.isEmpty else { throw DomainError.invalid(field, "请填写设定依据（法律法规名称及条款）") }
        return try parts.map { try parse($0, field: field) }
    }
}
