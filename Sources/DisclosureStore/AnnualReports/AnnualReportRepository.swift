import DisclosureCore
import Foundation
import SQLKit

/// Named queries over `annual_reports`: one row per unit and year, created on first save.
public struct AnnualReportRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func find(unit: String, year: Int) async throws -> AnnualReportRecord? {
        try await db.select().column("*").from("annual_reports").where("unit_code", .equal, unit).where("year", .equal, year).first()
            .map(Self.decode)
    }

    public func all(year: Int? = nil, status: ReportStatus? = nil) async throws -> [AnnualReportRecord] {
        var query = db.select().column("*").from("annual_reports")
        if let year { query = query.where("year", .equal, year) }
        if let status { query = query.where("status", .equal, status.rawValue) }
        return try await query.orderBy("year", .descending).orderBy("unit_code").all().map(Self.decode)
    }

    /// Inserts or rewrites the record, keyed by unit and year.
    public func save(_ record: AnnualReportRecord, at now: Date) async throws {
        let values: [String: (any Encodable & Sendable)?] = [
            "status": record.status.rawValue, "narrative_json": try Self.json(record.narrative),
            "entered_json": try Self.json(record.entered.mapValues { NSDecimalNumber(decimal: $0).stringValue }),
            "rollup_units": record.rollupUnits.joined(separator: ","), "tables_json": try record.filedTables.map(Self.json),
            "checks_json": try Self.json(record.filedChecks), "filed_on": record.filedOn?.description, "filed_by": record.filedBy,
            "returned_reason": record.returnedReason, "published_on": record.publishedOn?.description, "published_by": record.publishedBy,
            "version": record.version,
        ]
        if let existing = try await db.select().column("id").from("annual_reports").where("unit_code", .equal, record.unitCode)
            .where("year", .equal, record.year).first(decodingColumn: "id", as: Int.self)
        {
            try await db.updateRow("annual_reports", id: existing, at: now, values)
        } else {
            var columns: [(String, any Encodable & Sendable)] = [
                ("unit_code", record.unitCode), ("year", record.year), ("created_at", Timestamp.text(now)), ("updated_at", Timestamp.text(now)),
            ]
            for (column, value) in values.sorted(by: { $0.key < $1.key }) {
                columns.append((column, value.map { $0 as any Encodable & Sendable } ?? Optional<String>.none))
            }
            _ = try await db.insertReturningID(into: "annual_reports", columns, failure: "年度报告保存失败")
        }
    }

    static func json(_ value: some Encodable) throws -> String { try JSONText.encode(value) }

    static func decode(_ row: any SQLRow) throws -> AnnualReportRecord {
        func text(_ column: String) throws -> String? { try row.decode(column: column, as: String?.self) }
        let decoder = JSONDecoder()
        func object<T: Decodable>(_ column: String, _ type: T.Type) throws -> T? {
            try text(column).map { try decoder.decode(T.self, from: Data($0.utf8)) }
        }
        let entered = try object("entered_json", [String: String].self) ?? [:]
        return AnnualReportRecord(
            id: try row.decode(column: "id", as: Int.self), unitCode: try row.decode(column: "unit_code", as: String.self),
            year: try row.decode(column: "year", as: Int.self), status: ReportStatus(rawValue: try text("status") ?? "") ?? .draft,
            narrative: try object("narrative_json", ReportNarrative.self) ?? ReportNarrative(),
            entered: entered.compactMapValues { Decimal(string: $0) },
            rollupUnits: (try text("rollup_units") ?? "").split(separator: ",").map(String.init),
            filedTables: try object("tables_json", AnnualReportTables.self), filedChecks: try object("checks_json", [ReportCheck].self) ?? [],
            filedOn: try text("filed_on").flatMap(CivilDate.init(iso:)), filedBy: try text("filed_by"), returnedReason: try text("returned_reason"),
            publishedOn: try text("published_on").flatMap(CivilDate.init(iso:)), publishedBy: try text("published_by"),
            version: try row.decode(column: "version", as: Int.self))
    }
}
