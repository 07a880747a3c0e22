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

    static func decode(_ row: any SQLRow) throws -> AnnualReportRecord { try AnnualReportRow.read(row).record() }
}

/// A row of `annual_reports` as read: the narrative, the entered figures and the filed tables are
/// JSON documents.
struct AnnualReportRow: StoredRow {
    static let table = "annual_reports"

    var id: Int
    var unitCode: String
    var year: Int
    /// NULL on rows written before the status column was filled: a draft.
    var status: ReportStatus?
    var narrativeJson: String?
    var enteredJson: String?
    var rollupUnits: String?
    var tablesJson: String?
    var checksJson: String?
    var filedOn: CivilDate?
    var filedBy: String?
    var returnedReason: String?
    var publishedOn: CivilDate?
    var publishedBy: String?
    var version: Int

    func record() throws -> AnnualReportRecord {
        func object<T: Decodable>(_ text: String?, _ type: T.Type, column: String) throws -> T? {
            guard let text else { return nil }
            do { return try JSONDecoder().decode(T.self, from: Data(text.utf8)) } catch {
                throw CorruptRow(table: Self.table, column: column, id: "\(id)", reason: "JSON 无法读取")
            }
        }
        var entered: [String: Decimal] = [:]
        for (cell, text) in try object(enteredJson, [String: String].self, column: "entered_json") ?? [:] {
            guard let value = Decimal(string: text) else {
                throw CorruptRow(table: Self.table, column: "entered_json", id: "\(id)", reason: "单元格 \(cell) 的数字「\(text.prefix(20))」无效")
            }
            entered[cell] = value
        }
        return AnnualReportRecord(
            id: id, unitCode: unitCode, year: year, status: status ?? .draft,
            narrative: try object(narrativeJson, ReportNarrative.self, column: "narrative_json") ?? ReportNarrative(), entered: entered,
            rollupUnits: (rollupUnits ?? "").split(separator: ",").map(String.init),
            filedTables: try object(tablesJson, AnnualReportTables.self, column: "tables_json"),
            filedChecks: try object(checksJson, [ReportCheck].self, column: "checks_json") ?? [], filedOn: filedOn, filedBy: filedBy,
            returnedReason: returnedReason, publishedOn: publishedOn, publishedBy: publishedBy, version: version)
    }
}
