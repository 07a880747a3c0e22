import DisclosureCore
import Foundation
import SQLKit

/// A scheme as stored: schemes are versioned by name and never edited once imported, so a
/// campaign's scores can always be recomputed from the scheme it used.
public struct StoredScheme: Equatable, Sendable {
    public let id: Int
    public let version: Int
    public let scheme: AssessmentScheme
    public let importedBy: String
}

/// Named queries over schemes, campaigns and campaign entries.
public struct AssessmentRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    // MARK: schemes

    public func insertScheme(_ scheme: AssessmentScheme, by user: String, at now: Date) async throws -> StoredScheme {
        let latest =
            try await db.select().column(SQLFunction("MAX", args: SQLColumn("version")), as: "v").from("assessment_schemes")
            .where("name", .equal, scheme.name).first().flatMap { try $0.decode(column: "v", as: Int?.self) } ?? 0
        let id = try await db.insertReturningID(
            into: "assessment_schemes",
            [
                ("name", scheme.name), ("version", latest + 1), ("body", try JSONText.encode(scheme)), ("imported_by", user),
                ("imported_at", Timestamp.text(now)),
            ], failure: "指标体系保存失败")
        return StoredScheme(id: id, version: latest + 1, scheme: scheme, importedBy: user)
    }

    public func scheme(_ id: Int) async throws -> StoredScheme? {
        try await db.select().column("*").from("assessment_schemes").where("id", .equal, id).first().map(Self.decodeScheme)
    }

    public func schemes() async throws -> [StoredScheme] {
        try await db.select().column("*").from("assessment_schemes").orderBy("name").orderBy("version", .descending).all().map(Self.decodeScheme)
    }

    static func decodeScheme(_ row: any SQLRow) throws -> StoredScheme { try SchemeRow.read(row).stored() }

    // MARK: campaigns

    public func insertCampaign(_ campaign: AssessmentCampaign, by user: String, at now: Date) async throws -> Int {
        guard try await self.campaign(year: campaign.year) == nil else {
            throw DomainError(.conflict, field: "year", "\(campaign.year)年度的考核已经建立")
        }
        // The same typed values an update writes, plus who created the campaign and when.
        let insert = try db.insert(into: CampaignRow.table).model(CampaignRow.Values(campaign, at: now), with: CampaignRow.insertEncoder)
        insert.insert.columns += [SQLIdentifier("created_by"), SQLIdentifier("created_at")]
        insert.insert.values[0] += [SQLBind(user), SQLBind(Timestamp.text(now))]
        guard let id = try await insert.returning("id").first(decodingColumn: "id", as: Int.self) else {
            throw DomainError(.conflict, "考核保存失败")
        }
        return id
    }

    public func updateCampaign(_ campaign: AssessmentCampaign, at now: Date) async throws {
        try await db.update(CampaignRow.table).set(model: CampaignRow.Values(campaign, at: now), with: CampaignRow.encoder)
            .where("id", .equal, campaign.id).run()
    }

    public func campaign(_ id: Int) async throws -> AssessmentCampaign? {
        try await db.select().column("*").from("assessment_campaigns").where("id", .equal, id).first().map(Self.decodeCampaign)
    }

    public func campaign(year: Int) async throws -> AssessmentCampaign? {
        try await db.select().column("*").from("assessment_campaigns").where("year", .equal, year).first().map(Self.decodeCampaign)
    }

    public func campaigns(publishedOnly: Bool = false) async throws -> [AssessmentCampaign] {
        var query = db.select().column("*").from("assessment_campaigns")
        if publishedOnly { query = query.where("published_on", .isNot, SQLLiteral.null) }
        return try await query.orderBy("year", .descending).all().map(Self.decodeCampaign)
    }

    static func decodeCampaign(_ row: any SQLRow) throws -> AssessmentCampaign { try CampaignRow.read(row).campaign() }

    // MARK: entries

    public func insertEntry(campaign: Int, unit: String, at now: Date) async throws {
        try await db.insert(into: "assessment_entries")
            .columns("campaign_id", "unit_code", "self_facts", "self_report", "defaulted", "drawn", "draw_reason", "spot_notes", "updated_at")
            .values(
                SQLBind(campaign), SQLBind(unit), SQLBind("{}"), SQLBind(""), SQLBind(false), SQLBind(false), SQLBind(""), SQLBind(""),
                SQLBind(Timestamp.text(now))
            )
            .run()
    }

    public func entry(campaign: Int, unit: String) async throws -> CampaignEntry? {
        try await db.select().column("*").from("assessment_entries").where("campaign_id", .equal, campaign).where("unit_code", .equal, unit).first()
            .map(Self.decodeEntry)
    }

    public func entries(campaign: Int) async throws -> [CampaignEntry] {
        try await db.select().column("*").from("assessment_entries").where("campaign_id", .equal, campaign).orderBy("unit_code").all()
            .map(Self.decodeEntry)
    }

    public func updateEntry(_ entry: CampaignEntry, at now: Date) async throws {
        try await db.update("assessment_entries")
            .set("self_facts", to: String(decoding: entry.selfFacts.json(), as: UTF8.self)).set("self_report", to: entry.selfReport)
            .set("self_submitted_on", to: entry.selfSubmittedOn?.description).set("self_submitted_by", to: entry.selfSubmittedBy).set(
                "defaulted", to: entry.defaulted
            )
            .set("drawn", to: entry.drawn).set("draw_reason", to: entry.drawReason)
            .set("spot_facts", to: entry.spotFacts.map { String(decoding: $0.json(), as: UTF8.self) }).set("spot_notes", to: entry.spotNotes)
            .set("spot_scored_on", to: entry.spotScoredOn?.description).set("spot_scored_by", to: entry.spotScoredBy)
            .set("updated_at", to: Timestamp.text(now))
            .where("campaign_id", .equal, entry.campaignID).where("unit_code", .equal, entry.unitCode).run()
    }

    static func decodeEntry(_ row: any SQLRow) throws -> CampaignEntry { try EntryRow.read(row).entry() }
}

/// A row of `assessment_campaigns`.
struct CampaignRow: StoredRow {
    /// What a campaign's value fills: everything but its id and creation record.
    struct Values: Encodable {
        var year: Int
        var title: String
        var schemeId: Int
        var unitKinds: String
        var unitCodes: String
        var selfDue: CivilDate
        var spotFrom: CivilDate
        var spotTo: CivilDate
        var resultsDue: CivilDate
        var drawSeed: String?
        var approvedOn: CivilDate?
        var approvedBy: String?
        var publishedOn: CivilDate?
        var publishedBy: String?
        var updatedAt: String

        init(_ campaign: AssessmentCampaign, at now: Date) {
            year = campaign.year
            title = campaign.title
            schemeId = campaign.schemeID
            unitKinds = campaign.unitKinds.map(\.rawValue).joined(separator: ",")
            unitCodes = campaign.unitCodes.joined(separator: ",")
            selfDue = campaign.selfDue
            spotFrom = campaign.spotFrom
            spotTo = campaign.spotTo
            resultsDue = campaign.resultsDue
            drawSeed = campaign.drawSeed.map(String.init)
            approvedOn = campaign.approvedOn
            approvedBy = campaign.approvedBy
            publishedOn = campaign.publishedOn
            publishedBy = campaign.publishedBy
            updatedAt = Timestamp.text(now)
        }
    }

    static let table = "assessment_campaigns"

    var id: Int
    var year: Int
    var title: String?
    var schemeId: Int
    var unitKinds: String?
    var unitCodes: String?
    var selfDue: CivilDate
    var spotFrom: CivilDate
    var spotTo: CivilDate
    var resultsDue: CivilDate
    var drawSeed: String?
    var approvedOn: CivilDate?
    var approvedBy: String?
    var publishedOn: CivilDate?
    var publishedBy: String?

    func campaign() throws -> AssessmentCampaign {
        var kinds: [UnitKind] = []
        for name in (unitKinds ?? "").split(separator: ",") {
            guard let kind = UnitKind(rawValue: String(name)) else {
                throw CorruptRow(table: Self.table, column: "unit_kinds", id: "\(id)", reason: "单位类型「\(name.prefix(40))」无法识别")
            }
            kinds.append(kind)
        }
        var seed: UInt64?
        if let drawSeed {
            guard let value = UInt64(drawSeed) else { throw CorruptRow(table: Self.table, column: "draw_seed", id: "\(id)", reason: "种子不是数字") }
            seed = value
        }
        return AssessmentCampaign(
            id: id, year: year, title: title ?? "", schemeID: schemeId, unitKinds: kinds,
            unitCodes: (unitCodes ?? "").split(separator: ",").map(String.init),
            selfDue: selfDue, spotFrom: spotFrom, spotTo: spotTo, resultsDue: resultsDue, drawSeed: seed, approvedOn: approvedOn,
            approvedBy: approvedBy, publishedOn: publishedOn, publishedBy: publishedBy)
    }
}

/// A row of `assessment_entries`: facts are JSON documents in the exchange format.
struct EntryRow: StoredRow {
    static let table = "assessment_entries"
    static let idColumn = "unit_code"

    var campaignId: Int
    var unitCode: String
    var selfFacts: String?
    var selfReport: String?
    var selfSubmittedOn: CivilDate?
    var selfSubmittedBy: String?
    var defaulted: Bool
    var drawn: Bool
    var drawReason: String?
    var spotFacts: String?
    var spotNotes: String?
    var spotScoredOn: CivilDate?
    var spotScoredBy: String?

    func entry() throws -> CampaignEntry {
        func facts(_ text: String?, column: String) throws -> AssessmentFacts? {
            guard let text else { return nil }
            do { return try AssessmentFacts.parse(Data(text.utf8)) } catch {
                throw CorruptRow(table: Self.table, column: column, id: "\(campaignId)/\(unitCode)", reason: "事实 JSON 无法读取")
            }
        }
        return CampaignEntry(
            campaignID: campaignId, unitCode: unitCode, selfFacts: try facts(selfFacts, column: "self_facts") ?? AssessmentFacts(),
            selfReport: selfReport ?? "", selfSubmittedOn: selfSubmittedOn, selfSubmittedBy: selfSubmittedBy, defaulted: defaulted, drawn: drawn,
            drawReason: drawReason ?? "", spotFacts: try facts(spotFacts, column: "spot_facts"), spotNotes: spotNotes ?? "",
            spotScoredOn: spotScoredOn, spotScoredBy: spotScoredBy)
    }
}

/// A row of `assessment_schemes`: the scheme is a JSON document in the exchange format.
struct SchemeRow: StoredRow {
    static let table = "assessment_schemes"

    var id: Int
    var version: Int
    var body: String
    var importedBy: String

    func stored() throws -> StoredScheme {
        do {
            return StoredScheme(
                id: id, version: version, scheme: try JSONDecoder().decode(AssessmentScheme.self, from: Data(body.utf8)), importedBy: importedBy)
        } catch {
            throw CorruptRow(table: Self.table, column: "body", id: "\(id)", reason: "指标体系 JSON 无法读取")
        }
    }
}
