import DisclosureCore
import Foundation
import SQLKit

/// Reads the records one unit's report is computed from: its requests and imported legacy cases,
/// the appeals about them, its 规范性文件, its powers' yearly figures and its 信息处理费 events.
/// The counting itself is DisclosureCore's (RequestTable, AppealTable, ActiveTable).
struct ReportRecords {
    let db: any SQLDatabase
    let unit: String
    let year: Int

    var first: String { "\(year)-01-01" }
    var last: String { "\(year)-12-31" }

    func tables(entered: [String: Decimal]) async throws -> AnnualReportTables {
        let format = ReportFormat.for(year: year)
        let cases = try await self.cases()
        let requests = RequestTable.count(cases, year: year, format: format)
        let answered = cases.filter { $0.outcome != nil && $0.answeredOn?.year == year && $0.receivedOn <= $0.answeredOn! }.count
        let powers = try await PowerRepository(db).list(PowerRepository.Filter(units: [unit]))
        let counts = try await PowerRepository(db).counts(powerIDs: powers.map(\.id), year: year)
        let active = ActiveTable.filled(
            format, normative: try await normative(),
            powers: PowerReportFigures.tally(powers: powers, counts: counts, unitCodes: [unit], year: year), entered: entered)
        return AnnualReportTables(
            format: format, active: active, requests: requests, appeals: AppealTable.count(try await appeals(), year: year), fees: try await fees(),
            answeredCases: answered)
    }

    /// Cases received by the end of the year and not answered before it began, from the
    /// platform and from imported legacy records.
    func cases() async throws -> [ReportCase] {
        var result: [ReportCase] = []
        for table in ["requests", "legacy_requests"] {
            let rows = try await db.select().columns("applicant_kind", "received_on", "answered_on", "outcome").from(table)
                .where("unit_code", .equal, unit).where("received_on", .isNot, SQLLiteral.null).where("received_on", .lessThanOrEqual, last)
                .where { $0.where("answered_on", .is, SQLLiteral.null).orWhere("answered_on", .greaterThanOrEqual, first) }
                .all()
            for row in rows {
                guard let kind = ApplicantKind(rawValue: try row.decode(column: "applicant_kind", as: String.self)),
                    let received = CivilDate(iso: try row.decode(column: "received_on", as: String.self))
                else { continue }
                result.append(
                    ReportCase(
                        applicantKind: kind, receivedOn: received,
                        answeredOn: try row.decode(column: "answered_on", as: String?.self).flatMap(CivilDate.init(iso:)),
                        outcome: try row.decode(column: "outcome", as: String?.self).flatMap(RequestOutcome.init(rawValue:))))
            }
        }
        return result
    }

    func appeals() async throws -> [AppealTable.Case] {
        let rows = try await db.select().columns(SQLColumn("kind", table: "appeals"), SQLColumn("filed_on", table: "appeals"))
            .columns(SQLColumn("result", table: "appeals"), SQLColumn("decided_on", table: "appeals"))
            .from("appeals").join("requests", on: SQLColumn("request_id", table: "appeals"), .equal, SQLColumn("id", table: "requests"))
            .where(SQLColumn("unit_code", table: "requests"), .equal, SQLBind(unit))
            .where(SQLColumn("filed_on", table: "appeals"), .lessThanOrEqual, SQLBind(last))
            .all()
        return try rows.compactMap { row in
            guard let kind = AppealKind(rawValue: try row.decode(column: "kind", as: String.self)),
                let result = AppealResult(rawValue: try row.decode(column: "result", as: String.self)),
                let filed = CivilDate(iso: try row.decode(column: "filed_on", as: String.self))
            else { return nil }
            return AppealTable.Case(
                kind: kind, filedOn: filed, result: result,
                decidedOn: try row.decode(column: "decided_on", as: String?.self).flatMap(CivilDate.init(iso:)))
        }
    }

    /// Published 规范性文件 made by the end of the year.
    func normative() async throws -> NormativeFigures {
        let rows = try await db.select().columns("generated_on", "effective_from", "expires_on", "repealed_on").from("documents")
            .where("unit_code", .equal, unit).where("is_normative", .equal, true).where("state", .equal, DocumentState.published.rawValue)
            .where("generated_on", .lessThanOrEqual, last).all()
        let documents: [(generatedOn: CivilDate, validity: DocumentValidity)] = try rows.compactMap { row in
            func date(_ column: String) throws -> CivilDate? { try row.decode(column: column, as: String?.self).flatMap(CivilDate.init(iso:)) }
            guard let generated = try date("generated_on") else { return nil }
            return (
                generated,
                DocumentValidity(effectiveFrom: try date("effective_from"), expiresOn: try date("expires_on"), repealedOn: try date("repealed_on"))
            )
        }
        return NormativeFigures.count(documents, year: year)
    }

    /// Documents the unit published in the year (for the narrative's first line).
    func publishedDocuments() async throws -> Int {
        try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("documents").where("unit_code", .equal, unit)
            .where("published_on", .greaterThanOrEqual, first).where("published_on", .lessThanOrEqual, last)
            .first(decodingColumn: "n", as: Int.self) ?? 0
    }

    /// 收费通知 issued in the year with their amounts (元, kept in the event's `days`), and the
    /// payments recorded in the year against them.
    func fees() async throws -> InformationFeeFigures {
        let rows = try await db.select().columns(SQLColumn("request_id", table: "request_events"), SQLColumn("kind", table: "request_events"))
            .columns(SQLColumn("on_date", table: "request_events"), SQLColumn("days", table: "request_events"))
            .from("request_events").join("requests", on: SQLColumn("request_id", table: "request_events"), .equal, SQLColumn("id", table: "requests"))
            .where(SQLColumn("unit_code", table: "requests"), .equal, SQLBind(unit))
            .where(
                SQLColumn("kind", table: "request_events"), .in,
                SQLBind.group([RequestEvent.Kind.feeNoticeIssued.rawValue, RequestEvent.Kind.feePaid.rawValue])
            )
            .all()
        var amount: [Int: Int] = [:]
        var figures = InformationFeeFigures.zero
        var paid: [(Int, String)] = []
        for row in rows {
            let request = try row.decode(column: "request_id", as: Int.self)
            let on = try row.decode(column: "on_date", as: String.self)
            if try row.decode(column: "kind", as: String.self) == RequestEvent.Kind.feeNoticeIssued.rawValue {
                let yuan = try row.decode(column: "days", as: Int?.self) ?? 0
                amount[request] = yuan
                if on.hasPrefix("\(year)-") {
                    figures.notices += 1
                    figures.billedYuan += yuan
                }
            } else {
                paid.append((request, on))
            }
        }
        for (request, on) in paid where on.hasPrefix("\(year)-") {
            figures.paidNotices += 1
            figures.collectedYuan += amount[request] ?? 0
        }
        return figures
    }
}
