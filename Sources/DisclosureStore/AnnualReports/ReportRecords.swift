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
            // A row that does not read (an unknown 申请人类型 or outcome) stops the report with a
            // CorruptRow naming it: a statutory table must never drop a case silently.
            do {
                let rows = try await ReportCaseRow.all(
                    db.select().columns("id", "applicant_kind", "received_on", "answered_on", "outcome").from(table)
                        .where("unit_code", .equal, unit).where("received_on", .isNot, SQLLiteral.null).where("received_on", .lessThanOrEqual, last)
                        .where { $0.where("answered_on", .is, SQLLiteral.null).orWhere("answered_on", .greaterThanOrEqual, first) })
                result += rows.map(\.reportCase)
            } catch let corrupt as CorruptRow {
                throw CorruptRow(table: table, column: corrupt.column, id: corrupt.id, reason: corrupt.reason)
            }
        }
        return result
    }

    func appeals() async throws -> [AppealTable.Case] {
        try await AppealCaseRow.all(
            db.select().columns(SQLColumn("id", table: "appeals"), SQLColumn("kind", table: "appeals"), SQLColumn("filed_on", table: "appeals"))
                .columns(SQLColumn("result", table: "appeals"), SQLColumn("decided_on", table: "appeals"))
                .from("appeals").join("requests", on: SQLColumn("request_id", table: "appeals"), .equal, SQLColumn("id", table: "requests"))
                .where(SQLColumn("unit_code", table: "requests"), .equal, SQLBind(unit))
                .where(SQLColumn("filed_on", table: "appeals"), .lessThanOrEqual, SQLBind(last))
        ).map(\.appealCase)
    }

    /// Published 规范性文件 made by the end of the year.
    func normative() async throws -> NormativeFigures {
        let rows = try await NormativeRow.all(
            db.select().columns("id", "generated_on", "effective_from", "expires_on", "repealed_on").from("documents")
                .where("unit_code", .equal, unit).where("is_normative", .equal, true).where("state", .equal, DocumentState.published.rawValue)
                .where("generated_on", .lessThanOrEqual, last))
        return NormativeFigures.count(
            rows.map { ($0.generatedOn, DocumentValidity(effectiveFrom: $0.effectiveFrom, expiresOn: $0.expiresOn, repealedOn: $0.repealedOn)) },
            year: year)
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
        let rows = try await FeeEventRow.all(
            db.select().columns(SQLColumn("id", table: "request_events"), SQLColumn("request_id", table: "request_events"))
                .columns(SQLColumn("kind", table: "request_events"), SQLColumn("on_date", table: "request_events"))
                .column(SQLColumn("days", table: "request_events"))
                .from("request_events")
                .join("requests", on: SQLColumn("request_id", table: "request_events"), .equal, SQLColumn("id", table: "requests"))
                .where(SQLColumn("unit_code", table: "requests"), .equal, SQLBind(unit))
                .where(
                    SQLColumn("kind", table: "request_events"), .in,
                    SQLBind.group([RequestEvent.Kind.feeNoticeIssued.rawValue, RequestEvent.Kind.feePaid.rawValue])
                ))
        var amount: [Int: Int] = [:]
        var figures = InformationFeeFigures.zero
        var paid: [(Int, String)] = []
        for row in rows {
            let request = row.requestId
            let on = row.onDate.description
            if row.kind == .feeNoticeIssued {
                let yuan = row.days ?? 0
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

/// A case as the report counts it (from `requests` or `legacy_requests`).
struct ReportCaseRow: StoredRow {
    static let table = "requests"

    var id: Int
    var applicantKind: ApplicantKind
    var receivedOn: CivilDate
    var answeredOn: CivilDate?
    var outcome: RequestOutcome?

    var reportCase: ReportCase { ReportCase(applicantKind: applicantKind, receivedOn: receivedOn, answeredOn: answeredOn, outcome: outcome) }
}

/// An appeal as table 四 counts it.
struct AppealCaseRow: StoredRow {
    static let table = "appeals"

    var id: Int
    var kind: AppealKind
    var filedOn: CivilDate
    var result: AppealResult
    var decidedOn: CivilDate?

    var appealCase: AppealTable.Case { AppealTable.Case(kind: kind, filedOn: filedOn, result: result, decidedOn: decidedOn) }
}

/// A published 规范性文件's dates as table 二 counts them.
struct NormativeRow: StoredRow {
    static let table = "documents"

    var id: Int
    var generatedOn: CivilDate
    var effectiveFrom: CivilDate?
    var expiresOn: CivilDate?
    var repealedOn: CivilDate?
}

/// A fee notice or payment event (the notice's amount in 元 is kept in `days`).
struct FeeEventRow: StoredRow {
    static let table = "request_events"

    var id: Int
    var requestId: Int
    var kind: RequestEvent.Kind
    var onDate: CivilDate
    var days: Int?
}
