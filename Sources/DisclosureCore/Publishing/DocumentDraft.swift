import Foundation

/// What an editor fills in for a 政府信息 (issue 3 §2). `validated` is the one gate every path
/// (form, API, import) goes through.
public struct DocumentDraft: Equatable, Sendable {
    public var unitCode: String
    public var title: String
    /// 文号, e.g. 示财〔2025〕12号; empty when the document has none.
    public var docNumber: String
    /// 发布机构; defaults to the unit's name.
    public var issuer: String
    /// 主题分类.
    public var topic: String
    /// The 标准目录 entry this document discloses, and the portal column/category it lands in.
    public var catalogEntryID: Int?
    public var category: String
    /// 生成日期: the day the information was formed or changed (条例 第二十六条 anchor).
    public var generatedOn: CivilDate
    public var body: String
    public var attribute: DisclosureAttribute
    public var withholdingReason: WithholdingReason?
    public var channels: [PublicationChannel]
    /// Set for 规范性文件; their 有效性 is then shown and indexed.
    public var isNormative: Bool
    public var validity: DocumentValidity
    /// For a 政策解读: the document it interprets.
    public var interpretsDocumentID: Int?

    public init(
        unitCode: String, title: String, docNumber: String = "", issuer: String = "", topic: String = "综合政务", catalogEntryID: Int? = nil,
        category: String = "", generatedOn: CivilDate, body: String, attribute: DisclosureAttribute = .proactive,
        withholdingReason: WithholdingReason? = nil, channels: [PublicationChannel] = [.website], isNormative: Bool = false,
        validity: DocumentValidity = DocumentValidity(), interpretsDocumentID: Int? = nil
    ) {
        self.unitCode = unitCode
        self.title = title
        self.docNumber = docNumber
        self.issuer = issuer
        self.topic = topic
        self.catalogEntryID = catalogEntryID
        self.category = category
        self.generatedOn = generatedOn
        self.body = body
        self.attribute = attribute
        self.withholdingReason = withholdingReason
        self.channels = channels
        self.isNormative = isNormative
        self.validity = validity
        self.interpretsDocumentID = interpretsDocumentID
    }

    public static let titleLimit = 200
    public static let bodyLimit = 200_000

    /// Cleans the text fields and checks every rule that needs no database: lengths, a 生成日期 not
    /// in the future, a reason for 不予公开 (条例 第十四至十六条), validity dates only for 规范性文件.
    public func validated(today: CivilDate) throws -> DocumentDraft {
        var draft = self
        draft.title = PlainText.singleLine(title)
        draft.docNumber = PlainText.singleLine(docNumber)
        draft.issuer = PlainText.singleLine(issuer)
        draft.topic = PlainText.singleLine(topic)
        draft.category = PlainText.singleLine(category)
        draft.body = PlainText.sanitize(body)
        guard !draft.title.isEmpty else { throw DomainError.invalid("title", "标题不能为空") }
        guard draft.title.count <= Self.titleLimit else { throw DomainError.invalid("title", "标题不能超过 \(Self.titleLimit) 个字") }
        guard draft.docNumber.count <= 60 else { throw DomainError.invalid("docNumber", "文号不能超过 60 个字") }
        guard draft.issuer.count <= 100 else { throw DomainError.invalid("issuer", "发布机构不能超过 100 个字") }
        guard draft.topic.count <= 40, !draft.topic.isEmpty else { throw DomainError.invalid("topic", "主题分类不能为空，且不超过 40 个字") }
        guard draft.category.count <= 40 else { throw DomainError.invalid("category", "信息类别不能超过 40 个字") }
        guard draft.body.count <= Self.bodyLimit else { throw DomainError.invalid("body", "正文不能超过 \(Self.bodyLimit) 个字") }
        guard generatedOn <= today else { throw DomainError.invalid("generatedOn", "生成日期不能晚于今天（\(today)）") }
        guard generatedOn.year >= 1949 else { throw DomainError.invalid("generatedOn", "生成日期无效") }
        switch attribute {
        case .withheld:
            guard withholdingReason != nil else { throw DomainError.invalid("withholdingReason", "不予公开须选择条例第十四至十六条规定的理由") }
        case .proactive, .onRequest:
            draft.withholdingReason = nil
        }
        if attribute == .proactive && !channels.contains(.website) {
            throw DomainError.invalid("channels", "主动公开的信息须在政府网站公开（条例第二十三条）")
        }
        if isNormative {
            draft.validity = try validity.validated()
        } else {
            draft.validity = DocumentValidity()
        }
        return draft
    }
}
