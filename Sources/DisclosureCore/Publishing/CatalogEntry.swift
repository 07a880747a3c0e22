import Foundation

/// One row of a unit's 基层政务公开标准目录, with exactly the columns of statutes §4.1, plus the
/// portal column it feeds (栏目 and its kind) and the 条例 第二十条 item it serves, if any.
public struct CatalogEntry: Equatable, Sendable, Codable {
    public var id: Int?
    /// 公开主体.
    public var unitCode: String
    /// 领域.
    public var domain: String
    /// 公开事项 一级事项 / 二级事项.
    public var primaryItem: String
    public var secondaryItem: String
    /// 公开内容（要素）.
    public var content: String
    /// 公开依据.
    public var basis: String
    /// 公开时限 as the catalog prints it, and the rule the deadline engine uses.
    public var timeLimitText: String
    public var rule: PublicationRule
    /// 公开渠道和载体 with ■/□.
    public var channels: [ChannelChoice]
    /// 公开对象, 公开方式, 公开层级.
    public var audience: Audience
    public var mode: DisclosureMode
    public var level: AdministrativeLevel
    /// The portal column (栏目) this entry's documents appear in; defaults to the 一级事项.
    public var column: String
    public var columnKind: ColumnKind
    /// 条例 第二十条 item, when the entry discloses one of the mandatory items.
    public var statutoryItem: StatutoryItem?

    public init(
        id: Int? = nil, unitCode: String, domain: String, primaryItem: String, secondaryItem: String, content: String, basis: String,
        timeLimitText: String? = nil, rule: PublicationRule = .statutoryDefault, channels: [ChannelChoice], audience: Audience = .everyone,
        mode: DisclosureMode = .proactive, level: AdministrativeLevel = .county, column: String? = nil, columnKind: ColumnKind = .other,
        statutoryItem: StatutoryItem? = nil
    ) {
        self.id = id
        self.unitCode = unitCode
        self.domain = domain
        self.primaryItem = primaryItem
        self.secondaryItem = secondaryItem
        self.content = content
        self.basis = basis
        self.timeLimitText = timeLimitText ?? rule.text
        self.rule = rule
        self.channels = channels
        self.audience = audience
        self.mode = mode
        self.level = level
        self.column = column ?? primaryItem
        self.columnKind = columnKind
        self.statutoryItem = statutoryItem
    }

    /// Checks the entry the way an office clerk would before accepting it: every column present,
    /// lengths sane, at least one channel and the website among them for proactive items.
    public func validated() throws -> CatalogEntry {
        var entry = self
        for (field, label, value, limit) in [
            ("domain", "领域", domain, 40), ("primaryItem", "一级事项", primaryItem, 80), ("secondaryItem", "二级事项", secondaryItem, 120),
            ("content", "公开内容", content, 2000), ("basis", "公开依据", basis, 2000), ("timeLimitText", "公开时限", timeLimitText, 200),
            ("column", "栏目", column, 40),
        ] {
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw DomainError.invalid(field, "\(label)不能为空") }
            guard trimmed.count <= limit else { throw DomainError.invalid(field, "\(label)不能超过 \(limit) 个字") }
        }
        entry.domain = domain.trimmingCharacters(in: .whitespacesAndNewlines)
        entry.primaryItem = primaryItem.trimmingCharacters(in: .whitespacesAndNewlines)
        entry.secondaryItem = secondaryItem.trimmingCharacters(in: .whitespacesAndNewlines)
        entry.column = column.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...60).contains(rule.workingDays) else { throw DomainError.invalid("ruleDays", "公开时限的工作日数须在 1 到 60 之间") }
        guard !channels.isEmpty else { throw DomainError.invalid("channels", "至少选择一个公开渠道") }
        if mode == .proactive && !channels.contains(where: { $0.channel == .website }) {
            // 条例 第二十三条: proactively disclosed information goes on the 政府网站 among others.
            throw DomainError.invalid("channels", "主动公开事项的公开渠道须包含政府网站")
        }
        return entry
    }
}

/// A portal column (栏目) derived from a unit's catalog: the distinct `column` values of its entries.
public struct PortalColumn: Equatable, Sendable {
    public let unitCode: String
    public let name: String
    public let kind: ColumnKind
    public let domains: [String]

    public init(unitCode: String, name: String, kind: ColumnKind, domains: [String]) {
        self.unitCode = unitCode
        self.name = name
        self.kind = kind
        self.domains = domains
    }

    /// Columns of one unit in catalog order; the first entry of a column decides its kind.
    public static func derive(from entries: [CatalogEntry]) -> [PortalColumn] {
        var order: [String] = []
        var byName: [String: (kind: ColumnKind, unit: String, domains: [String])] = [:]
        for entry in entries {
            if var column = byName[entry.column] {
                if !column.domains.contains(entry.domain) { column.domains.append(entry.domain) }
                byName[entry.column] = column
            } else {
                order.append(entry.column)
                byName[entry.column] = (entry.columnKind, entry.unitCode, [entry.domain])
            }
        }
        return order.map { name in
            let column = byName[name]!
            return PortalColumn(unitCode: column.unit, name: name, kind: column.kind, domains: column.domains)
        }
    }
}
