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

    static func decodeScheme(_ row: any SQLRow) throws -> StoredScheme {
        StoredScheme(
            id: try row.decode(column: "id", as: Int.self), version: try row.decode(column: "version", as: Int.self),
            scheme: try JSONDecoder().decode(AssessmentScheme.self, from: Data(try row.decode(column: "body", as: String.self).utf8)),
            importedBy: try row.decode(column: "imported_by", as: String.self))
    }

    // MARK: campaigns

    public func insertCampaign(_ campaign: AssessmentCampaign, by user: String, at now: Date) async throws -> Int {
        guard try await self.campaign(year: campaign.year) == nil else {
            throw DomainError(.conflict, field: "year", "\(campaign.year)年度的考核已经建立")
        }
        var columns: [(String, any Encodable & Sendable)] = [("created_by", user), ("created_at", Timestamp.text(now))]
        for (column, value) in Self.values(campaign).sorted(by: { $0.key < $1.key }) {
            columns.append((column, value.map { $0 as any Encodable & Sendable } ?? Optional<String>.none))
        }
        return try await db.insertReturningID(into: "assessment_campaigns", columns + [("updated_at", Timestamp.text(now))], failure: "考核保存失败")
    }

    public func updateCampaign(_ campaign: AssessmentCampaign, at now: Date) async throws {
        try await db.updateRow("assessment_campaigns", id: campaign.id, at: now, Self.values(campaign))
    }

    static func values(_ campaign: AssessmentCampaign) -> [String: (any Encodable & Sendable)?] {
        [
            "year": campaign.year, "title": campaign.title, "scheme_id": campaign.schemeID,
            "unit_kinds": campaign.unitKinds.map(\.rawValue).joined(separator: ","),
            "unit_codes": campaign.unitCodes.joined(separator: ","), "self_due": campaign.selfDue.description,
            "spot_from": campaign.spotFrom.description, "spot_to": campaign.spotTo.description, "results_due": campaign.resultsDue.description,
            "draw_seed": campaign.drawSeed.map(String.init), "approved_on": campaign.approvedOn?.description, "approved_by": campaign.approvedBy,
            "published_on": campaign.publishedOn?.description, "published_by": campaign.publishedBy,
        ]
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

    static func decodeCampaign(_ row: any SQLRow) throws -> AssessmentCampaign {
        func text(_ column: String) throws -> String? { try row.decode(column: column, as: String?.self) }
        func date(_ column: String) throws -> CivilDate? { try text(column).flatMap(CivilDate.init(iso:)) }
        return AssessmentCampaign(
            id: try row.decode(column: "id", as: Int.self), year: try row.decode(column: "year", as: Int.self), title: try text("title") ?? "",
            schemeID: try row.decode(column: "scheme_id", as: Int.self),
            unitKinds: (try text("unit_kinds") ?? "").split(separator: ",").compactMap { UnitKind(rawValue: String($0)) },
            unitCodes: (try text("unit_codes") ?? "").split(separator: ",").map(String.init),
            selfDue: try date("self_due")!, spotFrom: try date("spot_from")!, spotTo: try date("spot_to")!, resultsDue: try date("results_due")!,
            drawSeed: try text("draw_seed").flatMap { UInt64($0) }, approvedOn: try date("approved_on"), approvedBy: try text("approved_by"),
            publishedOn: try date("published_on"), publishedBy: try text("published_by"))
    }

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

    static func decodeEntry(_ row: any SQLRow) throws -> CampaignEntry {
        func text(_ column: String) throws -> String? { try row.decode(column: column, as: String?.self) }
        func facts(_ column: String) throws -> AssessmentFacts? { try text(column).map { try AssessmentFacts.parse(Data($0.utf8)) } }
        return CampaignEntry(
            campaignID: try row.decode(column: "campaign_id", as: Int.self), unitCode: try text("unit_code") ?? "",
            selfFacts: try facts("self_facts") ?? AssessmentFacts(), selfReport: try text("self_report") ?? "",
            selfSubmittedOn: try text("self_submitted_on").flatMap(CivilDate.init(iso:)), selfSubmittedBy: try text("self_submitted_by"),
            defaulted: try row.decode(column: "defaulted", as: Bool.self),
            drawn: try row.decode(column: "drawn", as: Bool.self), drawReason: try text("draw_reason") ?? "", spotFacts: try facts("spot_facts"),
            spotNotes: try text("spot_notes") ?? "", spotScoredOn: try text("spot_scored_on").flatMap(CivilDate.init(iso:)),
            spotScoredBy: try text("spot_scored_by"))
    }
}
