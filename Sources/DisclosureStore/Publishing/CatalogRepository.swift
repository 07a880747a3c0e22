import DisclosureCore
import Foundation
import SQLKit

/// Named queries over `catalog_entries`.
public struct CatalogRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func entries(unit: String? = nil) async throws -> [CatalogEntry] {
        var query = db.select().column("*").from("catalog_entries")
        if let unit { query = query.where("unit_code", .equal, unit) }
        return try await query.orderBy("unit_code").orderBy("position").orderBy("id").all().map(Self.decode)
    }

    public func find(_ id: Int) async throws -> CatalogEntry? {
        try await db.select().column("*").from("catalog_entries").where("id", .equal, id).first().map(Self.decode)
    }

    /// Entries that disclose one of the 条例 第二十条 items, for the 法定主动公开内容 page.
    public func statutoryEntries() async throws -> [CatalogEntry] {
        try await db.select().column("*").from("catalog_entries").where("statutory_item", .isNot, SQLLiteral.null)
            .orderBy("statutory_item").orderBy("unit_code").all().map(Self.decode)
    }

    @discardableResult
    public func insert(_ entry: CatalogEntry, position: Int, at now: Date) async throws -> Int {
        let values = Self.columns(entry) + [("position", SQLBind(position)), ("updated_at", SQLBind(Timestamp.text(now)))]
        let row = try await db.insert(into: "catalog_entries").columns(values.map(\.0)).values(values.map { $0.1 as any SQLExpression })
            .returning("id").first()
        return try row?.decode(column: "id", as: Int.self) ?? 0
    }

    public func update(_ entry: CatalogEntry, at now: Date) async throws {
        guard let id = entry.id else { return }
        var update = db.update("catalog_entries").set("updated_at", to: Timestamp.text(now))
        for (column, value) in Self.columns(entry) { update = update.set(SQLIdentifier(column), to: value) }
        try await update.where("id", .equal, id).run()
    }

    public func delete(_ id: Int) async throws {
        try await db.delete(from: "catalog_entries").where("id", .equal, id).run()
    }

    public func isReferenced(_ id: Int) async throws -> Bool {
        try await db.select().column("id").from("documents").where("catalog_entry_id", .equal, id).limit(1).first() != nil
    }

    public func nextPosition(unit: String) async throws -> Int {
        let highest =
            try await db.select().column(SQLFunction("max", args: SQLColumn("position")), as: "m").from("catalog_entries")
            .where("unit_code", .equal, unit).first(decodingColumn: "m", as: Int?.self) ?? nil
        return (highest ?? 0) + 1
    }

    static func columns(_ entry: CatalogEntry) -> [(String, SQLBind)] {
        [
            ("unit_code", SQLBind(entry.unitCode)), ("domain", SQLBind(entry.domain)), ("primary_item", SQLBind(entry.primaryItem)),
            ("secondary_item", SQLBind(entry.secondaryItem)), ("content", SQLBind(entry.content)), ("basis", SQLBind(entry.basis)),
            ("time_limit_text", SQLBind(entry.timeLimitText)), ("rule_anchor", SQLBind(entry.rule.anchor.rawValue)),
            ("rule_days", SQLBind(entry.rule.workingDays)), ("channels", SQLBind(entry.channels.map(\.notation).joined(separator: " "))),
            ("audience", SQLBind(entry.audience.rawValue)), ("mode", SQLBind(entry.mode.rawValue)), ("level", SQLBind(entry.level.rawValue)),
            ("column_name", SQLBind(entry.column)), ("column_kind", SQLBind(entry.columnKind.rawValue)),
            ("statutory_item", SQLBind(entry.statutoryItem?.rawValue)),
        ]
    }

    static func decode(_ row: any SQLRow) throws -> CatalogEntry { try CatalogEntryRow.read(row).entry() }
}

/// A row of `catalog_entries`.
struct CatalogEntryRow: StoredRow {
    static let table = "catalog_entries"

    var id: Int
    var unitCode: String
    var domain: String
    var primaryItem: String
    var secondaryItem: String
    var content: String
    var basis: String
    var timeLimitText: String
    var ruleAnchor: PublicationRule.Anchor
    var ruleDays: Int
    var channels: String
    var audience: Audience
    var mode: DisclosureMode
    var level: AdministrativeLevel
    var columnName: String
    var columnKind: ColumnKind
    var statutoryItem: StatutoryItem?

    func entry() throws -> CatalogEntry {
        func corrupt(_ column: String, _ reason: String) -> CorruptRow { CorruptRow(table: Self.table, column: column, id: "\(id)", reason: reason) }
        let rule: PublicationRule
        do { rule = try PublicationRule(anchor: ruleAnchor, workingDays: ruleDays) } catch { throw corrupt("rule_days", "公开时限 \(ruleDays) 个工作日无效") }
        let parsedChannels: [ChannelChoice]
        do { parsedChannels = try ChannelChoice.parseList(channels) } catch { throw corrupt("channels", "公开渠道「\(channels.prefix(40))」无法识别") }
        return CatalogEntry(
            id: id, unitCode: unitCode, domain: domain, primaryItem: primaryItem, secondaryItem: secondaryItem, content: content, basis: basis,
            timeLimitText: timeLimitText, rule: rule, channels: parsedChannels, audience: audience, mode: mode, level: level, column: columnName,
            columnKind: columnKind, statutoryItem: statutoryItem)
    }
}
