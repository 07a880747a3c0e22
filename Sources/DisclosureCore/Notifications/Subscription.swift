/// 政策找人 (issue 24 §2): a citizen's e-mail subscription to a unit, a category or a saved
/// search. No account: the address is confirmed by a link (double opt-in) and every message
/// carries a one-click unsubscribe.
public enum SubscriptionKind: String, CaseIterable, Sendable, Codable {
    case unit
    case category
    case search

    public var label: String {
        switch self {
        case .unit: "单位"
        case .category: "信息类别"
        case .search: "关键词"
        }
    }
}

/// A new publication as the digest sees it.
public struct PublishedItem: Equatable, Sendable {
    public let id: Int
    public let unitCode: String
    public let category: String
    public let title: String
    public let docNumber: String
    public let body: String
    public let publishedOn: CivilDate

    public init(id: Int, unitCode: String, category: String, title: String, docNumber: String, body: String, publishedOn: CivilDate) {
        self.id = id
        self.unitCode = unitCode
        self.category = category
        self.title = title
        self.docNumber = docNumber
        self.body = body
        self.publishedOn = publishedOn
    }
}

public enum SubscriptionRules {
    /// A search subscription: 1–40 characters, with at least one word to look for.
    public static func validated(kind: SubscriptionKind, value: String) throws -> String {
        let value = PlainText.singleLine(value)
        switch kind {
        case .search:
            guard (1...40).contains(value.count), !SearchQuery(value).isEmpty else {
                throw DomainError.invalid("value", "请填写 1 至 40 字的关键词")
            }
        case .unit, .category:
            guard (1...100).contains(value.count) else { throw DomainError.invalid("value", "请选择要订阅的单位或类别") }
        }
        return value
    }

    /// Whether a publication belongs in a subscription's digest. A unit's subscription includes
    /// its internal offices (`scope`); a search finds what the portal's search would: every word
    /// as it stands in the title, 文号 or text.
    public static func matches(kind: SubscriptionKind, value: String, scope: Set<String>, item: PublishedItem) -> Bool {
        switch kind {
        case .unit: return scope.contains(item.unitCode)
        case .category: return item.category == value
        case .search:
            let text = (item.title + "\n" + item.docNumber + "\n" + item.body).lowercased()
            let terms = SearchQuery(value).terms
            return !terms.isEmpty && terms.allSatisfy { text.contains($0.lowercased()) }
        }
    }

    /// At most this many subscriptions per address, confirmed or waiting.
    public static let perAddress = 20
    /// A confirmation link works this long.
    public static let confirmHours = 72
}
