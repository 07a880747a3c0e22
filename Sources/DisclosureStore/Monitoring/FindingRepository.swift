import DisclosureCore
import Foundation
import SQLKit

/// An inspection finding as recorded: opened the first run that saw it, closed the first run that
/// did not. Rows are never deleted, so a year's history stays complete.
public struct RecordedFinding: Equatable, Sendable {
    public let id: Int
    public let key: String
    public let unitCode: String
    public let rule: InspectionRule
    public let subject: String
    public let detail: String
    public let since: CivilDate
    public let openedOn: CivilDate
    public let closedOn: CivilDate?

    public var isOpen: Bool { closedOn == nil }
}

/// Named queries over `findings`.
public struct FindingRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func open(units: [String]? = nil) async throws -> [RecordedFinding] {
        var query = db.select().column("*").from("findings").where("closed_on", .is, SQLLiteral.null)
        if let units {
            guard !units.isEmpty else { return [] }
            query = query.where("unit_code", .in, units)
        }
        return try await query.orderBy("since").orderBy("id").all().map(Self.decode)
    }

    /// Findings open at any time during `year`: opened before its end and not closed before its start.
    public func history(year: Int, units: [String]?) async throws -> [RecordedFinding] {
        var query = db.select().column("*").from("findings").where("opened_on", .lessThanOrEqual, "\(year)-12-31")
            .where { $0.where("closed_on", .is, SQLLiteral.null).orWhere("closed_on", .greaterThanOrEqual, "\(year)-01-01") }
        if let units {
            guard !units.isEmpty else { return [] }
            query = query.where("unit_code", .in, units)
        }
        return try await query.orderBy("opened_on", .descending).orderBy("id", .descending).all().map(Self.decode)
    }

    func insert(_ finding: InspectionFinding, on day: CivilDate) async throws {
        try await db.insert(into: "findings").columns("key", "unit_code", "rule", "subject", "detail", "since", "opened_on")
            .values(
                SQLBind(finding.key), SQLBind(finding.unitCode), SQLBind(finding.rule.rawValue), SQLBind(finding.subject), SQLBind(finding.detail),
                SQLBind(finding.since.description), SQLBind(day.description)
            ).run()
    }

    func refresh(_ id: Int, detail: String, subject: String) async throws {
        try await db.update("findings").set("detail", to: detail).set("subject", to: subject).where("id", .equal, id).run()
    }

    func close(_ id: Int, on day: CivilDate) async throws {
        try await db.update("findings").set("closed_on", to: day.description).where("id", .equal, id).run()
    }

    static func decode(_ row: any SQLRow) throws -> RecordedFinding { try FindingRow.read(row).finding }
}

/// A row of `findings` as read.
struct FindingRow: StoredRow {
    static let table = "findings"

    var id: Int
    var key: String
    var unitCode: String
    var rule: InspectionRule
    var subject: String
    var detail: String
    var since: CivilDate
    var openedOn: CivilDate
    var closedOn: CivilDate?

    var finding: RecordedFinding {
        RecordedFinding(
            id: id, key: key, unitCode: unitCode, rule: rule, subject: subject, detail: detail, since: since, openedOn: openedOn, closedOn: closedOn)
    }
}
