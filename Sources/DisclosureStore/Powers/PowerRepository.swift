import DisclosureCore
import Foundation
import SQLKit

/// Named queries over `powers`, `power_versions` and `power_counts`. A power's facts, flow and guide
/// are JSON documents in their row; the columns beside them are the ones lists filter and sort on.
public struct PowerRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public struct Filter: Sendable {
        public var units: [String]?
        public var category: PowerCategory?
        public var status: PowerStatus?
        public var ids: [Int]?

        public init(units: [String]? = nil, category: PowerCategory? = nil, status: PowerStatus? = nil, ids: [Int]? = nil) {
            self.units = units
            self.category = category
            self.status = status
            self.ids = ids
        }
    }

    public func insert(_ power: AdministrativePower, by actor: String, at now: Date) async throws -> Int {
        let columns: [(String, any Encodable & Sendable)] = [
            ("code", power.draft.code), ("unit_code", power.draft.unitCode), ("category", power.draft.category.rawValue), ("name", power.draft.name),
            ("status", power.status.rawValue), ("status_since", power.statusSince.description), ("version", power.version),
            ("facts_json", try PowerJSON.encode(power.draft)), ("workflow_json", try PowerJSON.encode(power.workflow)),
            ("guide_json", try power.guide.map(PowerJSON.encode)), ("guide_published_on", power.guidePublishedOn?.description),
            ("created_by", actor), ("created_at", Timestamp.text(now)), ("updated_at", Timestamp.text(now)),
        ]
        return try await db.insertReturningID(into: "powers", columns, failure: "权力事项保存失败")
    }

    /// Writes every column of the power as it now stands.
    public func update(_ power: AdministrativePower, at now: Date) async throws {
        try await db.updateRow(
            "powers", id: power.id, at: now,
            [
                "code": power.draft.code, "unit_code": power.draft.unitCode, "category": power.draft.category.rawValue, "name": power.draft.name,
                "status": power.status.rawValue, "status_since": power.statusSince.description, "version": power.version,
                "facts_json": try PowerJSON.encode(power.draft), "workflow_json": try PowerJSON.encode(power.workflow),
                "guide_json": try power.guide.map(PowerJSON.encode), "guide_published_on": power.guidePublishedOn?.description,
            ])
    }

    public func find(_ id: Int) async throws -> AdministrativePower? {
        try await db.select().column("*").from("powers").where("id", .equal, id).first().map(Self.decode)
    }

    public func find(code: String) async throws -> AdministrativePower? {
        try await db.select().column("*").from("powers").where("code", .equal, code.uppercased()).first().map(Self.decode)
    }

    /// Powers matching the filter, by unit, then code.
    public func list(_ filter: Filter, offset: Int = 0, limit: Int = 10_000) async throws -> [AdministrativePower] {
        guard let query = select(filter, columns: ["*"]) else { return [] }
        return try await query.orderBy("unit_code").orderBy("code").offset(max(0, offset)).limit(max(1, limit)).all().map(Self.decode)
    }

    public func count(_ filter: Filter) async throws -> Int {
        guard let query = select(filter, columns: []) else { return 0 }
        return try await query.column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").first(decodingColumn: "n", as: Int.self) ?? 0
    }

    /// How many powers each category has under the filter (the category itself ignored), for the portal's facets.
    public func categoryCounts(_ filter: Filter) async throws -> [PowerCategory: Int] {
        var open = filter
        open.category = nil
        guard let query = select(open, columns: ["category"]) else { return [:] }
        let rows = try await query.column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").groupBy("category").all()
        var counts: [PowerCategory: Int] = [:]
        for row in rows {
            if let category = PowerCategory(rawValue: try row.decode(column: "category", as: String.self)) {
                counts[category] = try row.decode(column: "n", as: Int.self)
            }
        }
        return counts
    }

    /// The filter as a query over `powers` selecting `columns`; nil when it can match nothing.
    func select(_ filter: Filter, columns: [String]) -> SQLSelectBuilder? {
        var query = db.select().from("powers")
        for column in columns { query = query.column(column) }
        if let units = filter.units {
            guard !units.isEmpty else { return nil }
            query = query.where("unit_code", .in, units)
        }
        if let ids = filter.ids {
            guard !ids.isEmpty else { return nil }
            query = query.where("id", .in, ids)
        }
        if let category = filter.category { query = query.where("category", .equal, category.rawValue) }
        if let status = filter.status { query = query.where("status", .equal, status.rawValue) }
        return query
    }

    // MARK: History

    public func addVersion(_ powerID: Int, _ version: PowerVersion, snapshot: AdministrativePower, at now: Date) async throws {
        try await db.insert(into: "power_versions")
            .columns("power_id", "version", "change", "reason", "status", "effective_on", "snapshot_json", "changed_by", "changed_at")
            .values(
                SQLBind(powerID), SQLBind(version.version), SQLBind(version.change.rawValue), SQLBind(version.reason),
                SQLBind(version.status.rawValue), SQLBind(version.effectiveOn.description), SQLBind(try PowerJSON.snapshot(snapshot)),
                SQLBind(version.changedBy), SQLBind(Timestamp.text(now))
            ).run()
    }

    /// The power's history, newest first.
    public func versions(_ powerID: Int) async throws -> [PowerVersion] {
        try await PowerVersionRow.all(
            db.select().column("*").from(PowerVersionRow.table).where("power_id", .equal, powerID).orderBy("version", .descending)
                .orderBy("id", .descending)
        ).map(\.powerVersion)
    }

    /// The snapshot stored with one version, as JSON text.
    public func snapshot(_ powerID: Int, version: Int) async throws -> String? {
        try await db.select().column("snapshot_json").from("power_versions").where("power_id", .equal, powerID).where("version", .equal, version)
            .orderBy("id", .descending).first(decodingColumn: "snapshot_json", as: String.self)
    }

    // MARK: Yearly figures

    public func setCount(_ count: PowerYearCount, by actor: String, at now: Date) async throws {
        try await db.insert(into: "power_counts").columns("power_id", "year", "decisions", "fee_fen", "updated_by", "updated_at")
            .values(
                SQLBind(count.powerID), SQLBind(count.year), SQLBind(count.decisions), SQLBind(count.feeFen), SQLBind(actor),
                SQLBind(Timestamp.text(now))
            )
            .onConflict(with: ["power_id", "year"]) { conflict in
                conflict.set(excludedValueOf: "decisions").set(excludedValueOf: "fee_fen").set(excludedValueOf: "updated_by")
                    .set(excludedValueOf: "updated_at")
            }.run()
    }

    public func counts(powerIDs: [Int], year: Int) async throws -> [PowerYearCount] {
        guard !powerIDs.isEmpty else { return [] }
        return try await PowerCountRow.all(
            db.select().column("*").from(PowerCountRow.table).where("power_id", .in, powerIDs).where("year", .equal, year)
        ).map(\.count)
    }

    public func counts(powerID: Int) async throws -> [PowerYearCount] {
        try await PowerCountRow.all(db.select().column("*").from(PowerCountRow.table).where("power_id", .equal, powerID).orderBy("year", .descending))
            .map(\.count)
    }

    static func decode(_ row: any SQLRow) throws -> AdministrativePower { try PowerRow.read(row).power() }
}

/// A row of `powers` as read: the facts, workflow and guide are JSON documents (`PowerJSON`).
struct PowerRow: StoredRow {
    static let table = "powers"

    var id: Int
    var factsJson: String
    var status: PowerStatus
    var statusSince: CivilDate
    var version: Int
    var workflowJson: String
    var guideJson: String?
    var guidePublishedOn: CivilDate?

    func power() throws -> AdministrativePower {
        AdministrativePower(
            id: id, draft: try PowerJSON.decode(PowerDraft.self, factsJson), status: status, statusSince: statusSince, version: version,
            workflow: try PowerJSON.decode(Workflow.self, workflowJson), guide: try guideJson.map { try PowerJSON.decode(ServiceGuide.self, $0) },
            guidePublishedOn: guidePublishedOn)
    }
}

/// A row of `power_counts`: one power's 办件量 and fees in one year.
struct PowerCountRow: StoredRow {
    static let table = "power_counts"
    static let idColumn = "power_id"

    var powerId: Int
    var year: Int
    var decisions: Int
    var feeFen: Int

    var count: PowerYearCount { PowerYearCount(powerID: powerId, year: year, decisions: decisions, feeFen: feeFen) }
}

/// A row of `power_versions` as read (the snapshot is fetched on its own).
struct PowerVersionRow: StoredRow {
    static let table = "power_versions"

    var id: Int
    var version: Int
    var change: PowerChange
    var reason: String
    var status: PowerStatus
    var effectiveOn: CivilDate
    var changedBy: String

    var powerVersion: PowerVersion {
        PowerVersion(version: version, change: change, reason: reason, status: status, effectiveOn: effectiveOn, changedBy: changedBy)
    }
}

/// The JSON form of a power's documents in the database: sorted keys, so equal content is equal text.
enum PowerJSON {
    struct Snapshot: Codable {
        let facts: PowerDraft
        let status: PowerStatus
        let statusSince: String
        let workflow: Workflow
        let guide: ServiceGuide?
        let guidePublishedOn: String?
    }

    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    static func snapshot(_ power: AdministrativePower) throws -> String {
        try encode(
            Snapshot(
                facts: power.draft, status: power.status, statusSince: power.statusSince.description, workflow: power.workflow, guide: power.guide,
                guidePublishedOn: power.guidePublishedOn?.description))
    }
}
